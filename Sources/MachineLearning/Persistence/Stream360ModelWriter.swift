import Foundation
import XGBoost

/// Writes a ``PipelineModel`` as a Stream360 model directory (see FORMAT.md): a
/// `metadata.json` naming the stage directories, and per stage its own `metadata.json` plus,
/// for XGBoost models, the booster's JSON model.
enum Stream360ModelWriter {
    static let formatName = "stream360"
    static let formatVersion = 1
    static let metadataFile = "metadata.json"

    static func write(_ model: PipelineModel, to directory: String) throws(MachineLearningError) {
        try createDirectory(directory)
        var record = StageRecord(className: "PipelineModel", uid: model.uid)
        record.format = formatName
        record.formatVersion = formatVersion
        var names: [String] = []
        for (index, stage) in model.stages.enumerated() {
            let name = String(format: "%02d_", index) + safeName(stage.uid)
            let stageDirectory = directory + "/stages/" + name
            try createDirectory(stageDirectory)
            if let nested = stage as? PipelineModel {
                try write(nested, to: stageDirectory)
            } else {
                try writeRecord(try self.record(stage, directory: stageDirectory), to: stageDirectory)
            }
            names.append(name)
        }
        record.stages = names
        try writeRecord(record, to: directory)
    }

    /// The record of one (non-pipeline) stage; an XGBoost model's booster is written beside it.
    private static func record(_ stage: any Transformer, directory: String) throws(MachineLearningError) -> StageRecord {
        switch stage {
        case let indexer as StringIndexerModel:
            var r = StageRecord(className: "StringIndexerModel", uid: indexer.uid)
            r.inputColumns = indexer.inputColumns
            r.outputColumns = indexer.outputColumns
            r.labels = indexer.labels
            r.handleInvalid = indexer.handleInvalid.rawValue
            return r
        case let imputer as ImputerModel:
            var r = StageRecord(className: "ImputerModel", uid: imputer.uid)
            r.inputColumns = imputer.inputColumns
            r.outputColumns = imputer.outputColumns
            r.surrogates = imputer.surrogates
            r.missingValue = imputer.missingValue
            return r
        case let encoder as OneHotEncoderModel:
            var r = StageRecord(className: "OneHotEncoderModel", uid: encoder.uid)
            r.inputColumns = encoder.inputColumns
            r.outputColumns = encoder.outputColumns
            r.categorySizes = encoder.categorySizes
            r.dropLast = encoder.dropLast
            r.handleInvalid = encoder.handleInvalid.rawValue
            return r
        case let assembler as VectorAssembler:
            var r = StageRecord(className: "VectorAssembler", uid: assembler.uid)
            r.inputColumns = assembler.inputColumns
            r.outputColumn = assembler.outputColumn
            r.handleInvalid = assembler.handleInvalid.rawValue
            r.vectorSizes = assembler.vectorSizes
            return r
        case let scaler as StandardScalerModel:
            var r = StageRecord(className: "StandardScalerModel", uid: scaler.uid)
            r.inputColumn = scaler.inputColumn
            r.outputColumn = scaler.outputColumn
            r.mean = scaler.mean
            r.std = scaler.std
            r.withMean = scaler.withMean
            r.withStd = scaler.withStd
            return r
        case let regression as LogisticRegressionModel:
            var r = StageRecord(className: "LogisticRegressionModel", uid: regression.uid)
            r.coefficients = regression.coefficients
            r.intercepts = regression.intercepts
            r.isMultinomial = regression.isMultinomial
            r.threshold = regression.threshold
            r.record(regression.columns)
            return r
        case let boosted as XGBoostClassificationModel:
            var r = StageRecord(className: "XGBoostClassificationModel", uid: boosted.uid)
            r.record(boosted.columns)
            r.modelFile = "xgboost.json"
            do {
                try boosted.booster.save(to: directory + "/xgboost.json")
            } catch {
                throw .xgboost(stage: boosted.uid, error)
            }
            return r
        default:
            throw .unsavableStage(stage: stage.uid, className: String(describing: type(of: stage)))
        }
    }

    private static func writeRecord(_ record: StageRecord, to directory: String) throws(MachineLearningError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let path = directory + "/" + metadataFile
        do {
            try encoder.encode(record).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritableModel(path: path, detail: "\(error)")
        }
    }

    private static func createDirectory(_ path: String) throws(MachineLearningError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .unwritableModel(path: path, detail: "cannot create the directory: \(error)")
        }
    }

    /// A uid made safe as a file name.
    private static func safeName(_ uid: String) -> String {
        String(uid.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
    }
}
