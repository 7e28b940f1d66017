import Columnar
@testable import Expressions
import Testing

@Suite struct ExpressionEvaluatorTests {
    let evaluator = ExpressionEvaluator()
    let batch = try! RecordBatch(
        schema: Schema([Field("A", .int), Field("b", .long), Field("s", .string), Field("d", .double), Field("flag", .boolean)]),
        columns: [
            .ints([1, nil, 3, 4]),
            .longs([10, 20, nil, 40]),
            .strings(["TRUE", "FALSE", "1", nil]),
            .doubles([0.5, 1.5, .nan, nil]),
            .booleans([true, false, nil, true]),
        ],
        rowCount: 4)

    @Test func columnsResolveCaseInsensitively() throws {
        #expect(try evaluator.evaluate(col("a"), on: batch).scalars == [.int(1), .null, .int(3), .int(4)])
        let strict = ExpressionEvaluator(resolution: .caseSensitive)
        #expect(throws: ExpressionError.self) { try strict.evaluate(col("a"), on: batch) }
    }

    @Test func arithmeticWidensAndPropagatesNulls() throws {
        let sum = try evaluator.evaluate(col("A") + col("b"), on: batch)
        #expect(sum.type == .long)
        #expect(sum.scalars == [.long(11), .null, .null, .long(44)])
        let quotient = try evaluator.evaluate(col("b") / col("A"), on: batch)
        #expect(quotient.type == .double)
        #expect(quotient.scalars == [.double(10), .null, .null, .double(10)])
        let byZero = try evaluator.evaluate(col("A") / lit(Int32(0)), on: batch)
        #expect(byZero.scalars.allSatisfy { $0.isNull })
        // Only division and remainder null out a zero right operand.
        #expect(try evaluator.evaluate(col("A") + lit(Int32(0)), on: batch).scalars == [.int(1), .null, .int(3), .int(4)])
        #expect(try evaluator.evaluate(col("b") * lit(Int64(0)), on: batch).scalars == [.long(0), .long(0), .null, .long(0)])
        #expect(try evaluator.evaluate(.arithmetic(.remainder, col("A"), lit(Int32(-1))), on: batch).scalars
            == [.int(0), .null, .int(0), .int(0)])
    }

    @Test func comparisonsAndThreeValuedLogic() throws {
        let gt = try evaluator.evaluate(col("A") > lit(Int32(2)), on: batch)
        #expect(gt.scalars == [.boolean(false), .null, .boolean(true), .boolean(true)])
        let and = try evaluator.evaluate(col("flag") && (col("A") > lit(Int32(2))), on: batch)
        #expect(and.scalars == [.boolean(false), .boolean(false), .null, .boolean(true)])
        let or = try evaluator.evaluate(col("flag") || (col("A") > lit(Int32(2))), on: batch)
        #expect(or.scalars == [.boolean(true), .null, .boolean(true), .boolean(true)])
        let nanEqualsNaN = try evaluator.evaluate(col("d") == col("d"), on: batch)
        #expect(nanEqualsNaN.scalar(at: 2) == .boolean(true))
    }

    @Test func stringComparedWithNumberCastsTheString() throws {
        let eq = try evaluator.evaluate(col("s") == lit(Int32(1)), on: batch)
        #expect(eq.scalars == [.null, .null, .boolean(true), .null])
    }

    @Test func caseWhenMixingIntAndStringBecomesString() throws {
        // The seed's SELF-INDICATOR mapping: when('TRUE', 1).when('FALSE', 0).otherwise(col).cast(int)
        let mapped = when(col("s") == lit("TRUE"), lit(Int32(1)))
            .when(col("s") == lit("FALSE"), lit(Int32(0)))
            .otherwise(col("s"))
        #expect(try evaluator.dataType(of: mapped, in: batch.schema) == .string)
        let ints = try evaluator.evaluate(mapped.cast(.int), on: batch)
        #expect(ints.scalars == [.int(1), .int(0), .int(1), .null])
    }

    @Test func isNullAndCoalesce() throws {
        #expect(try evaluator.evaluate(col("b").isNull(), on: batch).scalars == [false, false, true, false].map(Scalar.boolean))
        #expect(try evaluator.evaluate(coalesce(col("b"), lit(Int64(-1))), on: batch).scalars
            == [.long(10), .long(20), .long(-1), .long(40)])
    }

    @Test func keepDigitsFollowsTheSeedUDF() throws {
        let input = try RecordBatch(
            schema: Schema([Field("x", .string)]),
            columns: [.strings(["1,20,000", "1,405.50/Monthly", "-1,200", "", nil, "NA"])], rowCount: 6)
        let digits = try evaluator.evaluate(keepDigits(col("x")), on: input)
        #expect(digits.scalars == ["120000", "140550", "1200", "", "", ""].map(Scalar.string))
        let asInt = try evaluator.evaluate(keepDigits(col("x")).cast(.int), on: input)
        #expect(asInt.scalars == [.int(120000), .int(140550), .int(1200), .null, .null, .null])
    }

    /// Python's `isdigit()` keeps non-ASCII digits too; Spark's int cast then rejects the string
    /// (PySpark 4.3.0: `cast('12٣' as int)`, fullwidth `'１２'`, `'120000²'`, `'①5'` are all null).
    @Test func keepDigitsKeepsPythonsUnicodeDigitsWhichTheIntCastRejects() throws {
        let values: [String?] = ["12٣", "1,20,000²", "① 5", "１２", "𝟏𝟐", "Rs. 1,405", "٣", "e\u{301}9"]
        let input = try RecordBatch(schema: Schema([Field("x", .string)]), columns: [.strings(values)], rowCount: values.count)
        let digits = try evaluator.evaluate(keepDigits(col("x")), on: input)
        #expect(digits.scalars == ["12٣", "120000²", "①5", "１２", "𝟏𝟐", "1405", "٣", "9"].map(Scalar.string))
        let asInt = try evaluator.evaluate(keepDigits(col("x")).cast(.int), on: input)
        #expect(asInt.scalars == [.null, .null, .null, .null, .null, .int(1405), .null, .int(9)])
    }

    @Test func pythonDigitsTableMatchesPython311() {
        // Spot checks of the generated table (python3.11: chr(c).isdigit()).
        for digit: UInt32 in [0x30, 0x39, 0xB2, 0xB3, 0xB9, 0x660, 0x966, 0x2460, 0x2468, 0xFF10, 0x1D7CE, 0x1F100] {
            #expect(PythonDigits.contains(digit), "U+\(String(digit, radix: 16))")
        }
        // Not digits for Python 3.11: letters, vulgar fractions and Roman numerals (Numeric only),
        // the circled ten (Numeric), Kawi digits (added in Unicode 15).
        for other: UInt32 in [0x2F, 0x3A, 0x41, 0xBC, 0x2160, 0x2469, 0x11F50, 0x10FFFF] {
            #expect(!PythonDigits.contains(other), "U+\(String(other, radix: 16))")
        }
        #expect(PythonDigits.ranges.reduce(0) { $0 + $1.count } == 788)
    }

    @Test func stringFunctions() throws {
        let input = try RecordBatch(schema: Schema([Field("x", .string)]), columns: [.strings(["  Ab c ", nil])], rowCount: 2)
        #expect(try evaluator.evaluate(trim(col("x")), on: input).scalars == [.string("Ab c"), .null])
        #expect(try evaluator.evaluate(upper(col("x")), on: input).scalars == [.string("  AB C "), .null])
        #expect(try evaluator.evaluate(lower(col("x")), on: input).scalars == [.string("  ab c "), .null])
        #expect(try evaluator.evaluate(regexpReplace(col("x"), "([a-z])", "<$1>"), on: input).scalars
            == [.string("  A<b> <c> "), .null])
        #expect(throws: ExpressionError.self) { try evaluator.evaluate(regexpReplace(col("x"), "(", ""), on: input) }
    }

    @Test func castsFollowSparkNonAnsiRules() throws {
        let input = try RecordBatch(
            schema: Schema([Field("x", .string)]),
            columns: [.strings([" 41", "12.0", "1,000", "2019-1-5", "31-12-2019", "99999999999"])], rowCount: 6)
        #expect(try evaluator.evaluate(col("x").cast(.int), on: input).scalars
            == [.int(41), .int(12), .null, .null, .null, .null])
        let ts = try evaluator.evaluate(col("x").cast(.timestamp), on: input)
        #expect(ts.scalar(at: 3) == .timestamp(TimestampFormat.daysFromCivil(year: 2019, month: 1, day: 5) * TimestampFormat.microsPerDay))
        #expect(ts.scalar(at: 4) == .null)
        let back = try evaluator.evaluate(col("x").cast(.long).cast(.string), on: input)
        #expect(back.scalar(at: 5) == .string("99999999999"))
    }

    @Test func userFunctionsRunOverWholeColumnsAndAreChecked() throws {
        let double = UserFunction(name: "twice", returnType: .long) { args in
            Column.longs(args[0].int64Values.map { $0 * 2 })
        }
        #expect(try evaluator.evaluate(.user(double, [col("b")]), on: batch).scalar(at: 3) == .long(80))
        let broken = UserFunction(name: "broken", returnType: .long) { _ in Column.longs([1]) }
        #expect(throws: ExpressionError.self) { try evaluator.evaluate(.user(broken, [col("b")]), on: batch) }
    }

    @Test func emptyBatchEvaluatesToEmptyColumns() throws {
        let empty = RecordBatch.empty(batch.schema)
        #expect(try evaluator.evaluate(col("A") + lit(Int32(1)), on: empty).count == 0)
        #expect(try evaluator.evaluate(keepDigits(col("s")), on: empty).count == 0)
    }
}
