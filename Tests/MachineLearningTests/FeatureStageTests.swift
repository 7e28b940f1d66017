import Columnar
import MachineLearning
import Testing

/// Spark's semantics of each feature stage, on small hand-made batches.
@Suite struct FeatureStageTests {
    static func batch(_ columns: [(String, Column)]) -> RecordBatch {
        RecordBatch(trusted: Schema(columns.map { Field($0.0, $0.1.type) }), columns: columns.map(\.1),
                    rowCount: columns.first?.1.count ?? 0)
    }

    static func rows(_ column: Column) -> [[Double]] {
        column.scalars.map { scalar in
            guard case .array(let items) = scalar else { return [] }
            return items.map { if case .double(let v) = $0 { v } else { -999 } }
        }
    }

    let states = Column.strings(["b", "a", nil, "c", "b"])

    @Test func stringIndexerKeepPutsNullsAndUnseenLabelsInTheExtraBucket() throws {
        let indexer = StringIndexerModel(inputColumns: ["s"], outputColumns: ["i"], labels: [["b", "a"]], handleInvalid: .keep)
        let out = try indexer.transform(Self.batch([("s", states)]))
        #expect(try out.column("i").doubleValues == [0, 1, 2, 2, 0])
        #expect(try out.column("i").nullCount == 0)
    }

    @Test func stringIndexerSkipDropsInvalidRowsAndErrorNamesTheFirst() throws {
        let skip = StringIndexerModel(inputColumns: ["s"], outputColumns: ["i"], labels: [["b", "a"]], handleInvalid: .skip)
        let out = try skip.transform(Self.batch([("s", states)]))
        #expect(try out.column("i").doubleValues == [0, 1, 0])
        let strict = StringIndexerModel(uid: "si", inputColumns: ["s"], outputColumns: ["i"], labels: [["b", "a"]])
        #expect(throws: MachineLearningError.invalidValue(
            stage: "si", column: "s", row: 2, value: "null",
            hint: "StringIndexer met a null; set handleInvalid to keep or skip")) {
            try strict.transform(Self.batch([("s", states)]))
        }
    }

    @Test func stringIndexerReadsIntegersAsTheirDecimalText() throws {
        let indexer = StringIndexerModel(inputColumns: ["n"], outputColumns: ["i"], labels: [["7", "12"]], handleInvalid: .keep)
        let out = try indexer.transform(Self.batch([("n", Column.ints([12, 7, 3]))]))
        #expect(try out.column("i").doubleValues == [1, 0, 2])
    }

    @Test func imputerReplacesNullsAndNaNAndKeepsTheInputType() throws {
        let imputer = ImputerModel(inputColumns: ["t", "x"], outputColumns: ["t_imp", "x_imp"], surrogates: [36.7, 2.5])
        let out = try imputer.transform(Self.batch([("t", Column.ints([12, nil])), ("x", Column.doubles([.nan, 1, nil]).take([0, 2]))]))
        #expect(try out.column("t_imp").type == .int)
        #expect(try out.column("t_imp").int32Values == [12, 36])  // 36.7 truncated, as Spark's cast to int
        #expect(try out.column("x_imp").doubleValues == [2.5, 2.5])
        let zeroIsMissing = ImputerModel(inputColumns: ["x"], outputColumns: ["x"], surrogates: [9], missingValue: 0)
        let replaced = try zeroIsMissing.transform(Self.batch([("x", Column.doubles([0, .nan, 3]))]))
        let values = try replaced.column("x").doubleValues
        #expect(values[0] == 9 && values[1].isNaN && values[2] == 3)
    }

    @Test func oneHotEncoderSizesFollowDropLastAndHandleInvalid() throws {
        let input = Self.batch([("i", Column.doubles([0, 2, 3, nil]))])
        let keep = OneHotEncoderModel(inputColumns: ["i"], outputColumns: ["v"], categorySizes: [3], dropLast: true, handleInvalid: .keep)
        let kept = try keep.transform(input)
        let assembled = try VectorAssembler(inputColumns: ["v"], outputColumn: "f", handleInvalid: .keep).transform(kept)
        #expect(Self.rows(try assembled.column("f")).prefix(3) == [[1, 0, 0], [0, 0, 1], [0, 0, 0]])
        #expect(Self.rows(try assembled.column("f"))[3].allSatisfy(\.isNaN))
        let full = OneHotEncoderModel(inputColumns: ["i"], outputColumns: ["v"], categorySizes: [3], dropLast: false, handleInvalid: .keep)
        #expect(full.vectorSize(0) == 4)
        let strict = OneHotEncoderModel(inputColumns: ["i"], outputColumns: ["v"], categorySizes: [3])
        #expect(strict.vectorSize(0) == 2)
        #expect(throws: MachineLearningError.self) { try strict.transform(input) }
    }

    @Test func vectorAssemblerHandlesInvalidValuesAsSpark() throws {
        let input = Self.batch([("a", Column.ints([1, nil, 3])), ("b", Column.doubles([0.5, 2, .nan]))])
        let keep = try VectorAssembler(inputColumns: ["a", "b"], outputColumn: "f", handleInvalid: .keep).transform(input)
        let rows = Self.rows(try keep.column("f"))
        #expect(rows[0] == [1, 0.5] && rows[1][0].isNaN && rows[1][1] == 2 && rows[2][1].isNaN)
        let skip = try VectorAssembler(inputColumns: ["a", "b"], outputColumn: "f", handleInvalid: .skip).transform(input)
        #expect(Self.rows(try skip.column("f")) == [[1, 0.5]])
        #expect(throws: MachineLearningError.self) {
            try VectorAssembler(inputColumns: ["a", "b"], outputColumn: "f").transform(input)
        }
    }

    @Test func missingColumnsAreNamed() throws {
        let indexer = StringIndexerModel(uid: "si", inputColumns: ["nope"], outputColumns: ["i"], labels: [[]])
        #expect(throws: MachineLearningError.missingColumn(stage: "si", column: "nope", available: ["s"])) {
            try indexer.transform(Self.batch([("s", states)]))
        }
    }
}
