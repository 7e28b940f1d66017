import Foundation
import MachineLearning
import Testing

/// Loading Spark's directories: stage order, and clear failures.
@Suite struct PipelineLoadingTests {
    static func copyOfTopupModel() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("s360-ml-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: MachineLearningFixtures.topupSmall.appendingPathComponent("spark_pipeline_model"), to: copy)
        return copy
    }

    @Test func stagesLoadInTheirSavedOrderWithSparksParameters() throws {
        let model = try PipelineModel.load(directory: MachineLearningFixtures.topupSmall.appendingPathComponent("spark_pipeline_model").path)
        let indexers = model.stages.compactMap { $0 as? StringIndexerModel }
        #expect(indexers.map(\.inputColumns) == [["Frequency"], ["InstlmentMode"], ["LoanStatus"], ["PaymentMode"], ["Area"], ["Sex"], ["State"]])
        #expect(indexers.allSatisfy { $0.handleInvalid == .keep })
        #expect(indexers[0].labels == [["Monthly", "Quatrly", "BI-Monthly", "Half Yearly"]])
        #expect(indexers[4].labels[0].count == 45)  // 45 areas + the keep bucket: the 46-value category
        let imputer = try #require(model.stages[7] as? ImputerModel)
        #expect(imputer.surrogates.first == 30 && imputer.missingValue.isNaN)
        let assembler = try #require(model.stages[8] as? VectorAssembler)
        #expect(assembler.inputColumns.count == 39 && assembler.handleInvalid == .keep)
    }

    @Test func anUnknownStageClassIsNamed() throws {
        let copy = try Self.copyOfTopupModel()
        defer { try? FileManager.default.removeItem(at: copy) }
        let stage = copy.appendingPathComponent("stages/07_Imputer_a9ead1771268")
        let metadataDirectory = stage.appendingPathComponent("metadata")
        let part = try #require(try FileManager.default.contentsOfDirectory(atPath: metadataDirectory.path).first { !$0.hasPrefix("_") })
        let file = metadataDirectory.appendingPathComponent(part)
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "org.apache.spark.ml.feature.ImputerModel", with: "org.apache.spark.ml.feature.BucketizerModel")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: MachineLearningError.unknownStage(className: "org.apache.spark.ml.feature.BucketizerModel", path: stage.path)) {
            try PipelineModel.load(directory: copy.path)
        }
        do {
            _ = try PipelineModel.load(directory: copy.path)
        } catch {
            #expect(error.description.contains("BucketizerModel"))
        }
    }

    @Test func aMissingStageDirectoryIsReported() throws {
        let copy = try Self.copyOfTopupModel()
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.removeItem(at: copy.appendingPathComponent("stages/03_StringIndexer_c10c13201eae"))
        #expect(throws: MachineLearningError.self) { try PipelineModel.load(directory: copy.path) }
        #expect(throws: MachineLearningError.invalidModel(path: "/nonexistent", detail: "no metadata/ directory")) {
            try PipelineModel.load(directory: "/nonexistent")
        }
    }
}
