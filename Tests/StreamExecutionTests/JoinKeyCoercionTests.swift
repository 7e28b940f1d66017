import Columnar
import Expressions
import StreamPlan
import Testing

/// Join keys of different types are brought to one type as Spark 4.3's analyzer does (non-ANSI):
/// PySpark's analyzed plan for `weblog.user_id (int) = crm.user_id (string)` is
/// `Join Inner, (user_id = cast(user_id as int))`, and it joins exactly the rows below.
@Suite struct JoinKeyCoercionTests {
    let clicks = RecordBatch(trusted: Schema([Field("click_user_id", .int)]),
                             columns: [Column(.int, (1...10).map { Scalar.int(Int32($0)) })], rowCount: 10)

    func crm(_ ids: [Scalar], type: DataType) -> RecordBatch {
        let names = ids.indices.map { Scalar.string(String(UnicodeScalar(UInt8(97 + $0)))) }
        return RecordBatch(trusted: Schema([Field("name", .string), Field("user_id", type)]),
                           columns: [Column(.string, names), Column(type, ids)], rowCount: ids.count)
    }

    func pairs(_ batch: RecordBatch) -> [String] {
        (0..<batch.rowCount).map { row in "\(batch.row(row)[0]) \(batch.row(row)[1])" }
    }

    /// PySpark 4.3: spark.read.json of these documents infers user_id as string; the join keeps
    /// "2", " 4 " (trimmed), "5.0" and "7.5" (fraction dropped), and drops "x6", "1e1" and an
    /// overflowing number (null as int).
    @Test func aStringKeyIsCastToTheIntKeysTypeAndJoinsWhatSparkJoins() throws {
        let ids: [Scalar] = ["1", "2", "3", " 4 ", "5.0", "x6", "7.5", "9223372036854775808", "1e1"].map { .string($0) }
        let joined = try DataFrame.table(clicks).join(DataFrame.table(crm(ids, type: .string)), on: col("click_user_id") == col("user_id"))
        #expect(pairs(try joined.collect()) == ["1 a", "2 b", "3 c", "4 d", "5 e", "7 g"])
        #expect(joined.warnings.count == 1)
        let warning = try #require(joined.warnings.first)
        #expect(warning.contains("click_user_id (int)") && warning.contains("user_id (string)") && warning.contains("cast to int"), "\(warning)")
    }

    /// int = bigint widens to bigint, which loses nothing: joined, and no warning.
    @Test func integralKeysWidenWithoutAWarning() throws {
        let joined = try DataFrame.table(clicks).join(DataFrame.table(crm([.long(3), .long(11)], type: .long)), on: col("click_user_id") == col("user_id"))
        #expect(pairs(try joined.collect()) == ["3 a"])
        #expect(joined.warnings.isEmpty)
    }

    /// int = double compares as double (3 matches 3.0, not 3.5), with a warning.
    @Test func anIntKeyMeetsADoubleKeyAsDouble() throws {
        let joined = try DataFrame.table(clicks).join(DataFrame.table(crm([.double(3), .double(3.5)], type: .double)), on: col("click_user_id") == col("user_id"))
        #expect(pairs(try joined.collect()) == ["3 a"])
        #expect(joined.warnings.first?.contains("click_user_id (int) cast to double") == true, "\(joined.warnings)")
    }

    /// Keys with no common type are refused when the DataFrame is built, naming both.
    @Test func keysThatCannotBeComparedAreRefused() throws {
        let table = RecordBatch(trusted: Schema([Field("tags", .array(.string))]), columns: [Column(.array(.string), [.array([.string("a")])])], rowCount: 1)
        #expect(throws: PlanError.self) {
            try DataFrame.table(clicks).join(DataFrame.table(table), on: col("click_user_id") == col("tags"))
        }
    }
}
