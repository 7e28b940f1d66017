import Columnar
import Foundation
import MachineLearning
import Testing

/// Stream360 model directories: a fitted pipeline saved and loaded scores identically.
@Suite struct PersistenceTests {
    static func trainingBatch(rows: Int) -> RecordBatch {
        let cities = ["Pune", "Agra", "Surat", nil]
        let city = Column.strings((0..<rows).map { cities[$0 % 4] })
        let age = Column.ints((0..<rows).map { (row: Int) -> Int32? in row % 11 == 0 ? nil : Int32(20 + row % 40) })
        let income = Column.doubles((0..<rows).map { (row: Int) -> Double? in row % 13 == 0 ? .nan : Double((row * 7919) % 5000) })
        let label = Column.doubles((0..<rows).map { (row: Int) -> Double? in row % 40 + (row % 4) * 5 > 30 ? 1 : 0 })
        return RecordBatch(trusted: Schema([Field("city", .string), Field("age", .int), Field("income", .double), Field("label", .double)]),
                           columns: [city, age, income, label], rowCount: rows)
    }

    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s360-model-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func assertRoundTrip(_ pipeline: Pipeline, scoring batch: RecordBatch) throws {
        let model = try pipeline.fitPipeline(batch)
        let path = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.save(directory: path)
        let loaded = try PipelineModel.load(directory: path)
        #expect(loaded.stages.count == model.stages.count)
        let expected = try model.transform(batch)
        let actual = try loaded.transform(batch)
        #expect(actual.schema.names == expected.schema.names)
        for name in ["features", "rawPrediction", "probability", "prediction"] {
            #expect(try actual.column(name).scalars == expected.column(name).scalars, "column \(name)")
        }
    }

    @Test func gbtPipelineRoundTripsWithIdenticalPredictions() throws {
        try assertRoundTrip(Pipeline(stages: [
            StringIndexer(inputColumns: ["city"], outputColumns: ["city_idx"], handleInvalid: .keep),
            Imputer(inputColumns: ["age", "income"], outputColumns: ["age_imp", "income_imp"], strategy: .median),
            VectorAssembler(inputColumns: ["age_imp", "income_imp", "city_idx"], outputColumn: "features", handleInvalid: .keep),
            GBTClassifier(rounds: 5, maxDepth: 3),
        ]), scoring: Self.trainingBatch(rows: 400))
    }

    @Test func logisticPipelineRoundTripsWithIdenticalPredictions() throws {
        try assertRoundTrip(Pipeline(stages: [
            StringIndexer(inputColumns: ["city"], outputColumns: ["city_idx"], handleInvalid: .keep),
            OneHotEncoder(inputColumns: ["city_idx"], outputColumns: ["city_vec"], handleInvalid: .keep),
            Imputer(inputColumns: ["age", "income"], outputColumns: ["age_imp", "income_imp"]),
            VectorAssembler(inputColumns: ["age_imp", "income_imp", "city_vec"], outputColumn: "raw", handleInvalid: .keep),
            StandardScaler(inputColumn: "raw", outputColumn: "features", withMean: true),
            LogisticRegression(regularization: 0.01),
        ]), scoring: Self.trainingBatch(rows: 400))
    }

    @Test func sparkTreeModelsCannotBeSavedAsStream360() throws {
        let spark = try PipelineModel.load(directory: MachineLearningFixtures.topupSmall.appendingPathComponent("spark_pipeline_model").path)
        let path = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: MachineLearningError.self) { try spark.save(directory: path) }
    }

    @Test func unknownStageClassIsNamed() throws {
        let path = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try #"{"class": "Bucketizer", "uid": "b1"}"#.write(toFile: path + "/metadata.json", atomically: true, encoding: .utf8)
        #expect(throws: MachineLearningError.unknownStage(className: "Bucketizer", path: path)) {
            try PipelineModel.load(directory: path)
        }
    }
}
