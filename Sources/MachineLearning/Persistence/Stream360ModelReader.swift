import Foundation
import XGBoost

/// Reads a Stream360 model directory written by ``Stream360ModelWriter`` (see FORMAT.md).
enum Stream360ModelReader {
    /// Whether `directory` holds a Stream360 model (rather than a Spark one).
    static func isStream360Model(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/" + Stream360ModelWriter.metadataFile)
    }

    static func read(_ directory: String) throws(MachineLearningError) -> PipelineModel {
        let record = try readRecord(directory)
        guard record.className == "PipelineModel", let names = record.stages else {
            // A single saved stage: a pipeline of one.
            return PipelineModel(uid: record.uid, stages: [try stage(record, directory: directory)])
        }
        guard record.format == Stream360ModelWriter.formatName,
              (record.formatVersion ?? 0) <= Stream360ModelWriter.formatVersion
        else {
            throw .invalidModel(path: directory, detail: "format \(record.format ?? "?") version \(record.formatVersion ?? 0) "
                + "is not Stream360's version ≤ \(Stream360ModelWriter.formatVersion)")
        }
        var stages: [any Transformer] = []
        for name in names {
            let stageDirectory = directory + "/stages/" + name
            let stageRecord = try readRecord(stageDirectory)
            stages.append(stageRecord.className == "PipelineModel" ? try read(stageDirectory) : try stage(stageRecord, directory: stageDirectory))
        }
        return PipelineModel(uid: record.uid, stages: stages)
    }

    private static func readRecord(_ directory: String) throws(MachineLearningError) -> StageRecord {
        let path = directory + "/" + Stream360ModelWriter.metadataFile
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidModel(path: directory, detail: "no readable \(Stream360ModelWriter.metadataFile)")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try decoder.decode(StageRecord.self, from: data)
        } catch {
            throw .invalidModel(path: path, detail: "not a Stream360 stage record: \(error)")
        }
    }

    private static func stage(_ r: StageRecord, directory: String) throws(MachineLearningError) -> any Transformer {
        func need<T>(_ value: T?, _ name: String) throws(MachineLearningError) -> T {
            guard let value else { throw .invalidModel(path: directory, detail: "\(r.className) record lacks \(name)") }
            return value
        }
        func handleInvalid() throws(MachineLearningError) -> HandleInvalid {
            guard let value = HandleInvalid(rawValue: r.handleInvalid ?? "error") else {
                throw .invalidModel(path: directory, detail: "handleInvalid \(r.handleInvalid ?? "") is not error, skip or keep")
            }
            return value
        }
        let inputs = r.inputColumns ?? []
        let outputs = r.outputColumns ?? []
        func requireSameCount(_ count: Int, _ what: String) throws(MachineLearningError) {
            guard inputs.count == outputs.count, inputs.count == count else {
                throw .invalidModel(path: directory, detail: "\(inputs.count) inputs, \(outputs.count) outputs, \(count) \(what)")
            }
        }
        switch r.className {
        case "StringIndexerModel":
            let labels = try need(r.labels, "labels")
            try requireSameCount(labels.count, "label lists")
            return StringIndexerModel(uid: r.uid, inputColumns: inputs, outputColumns: outputs, labels: labels,
                                      handleInvalid: try handleInvalid())
        case "ImputerModel":
            let surrogates = try need(r.surrogates, "surrogates")
            try requireSameCount(surrogates.count, "surrogates")
            return ImputerModel(uid: r.uid, inputColumns: inputs, outputColumns: outputs, surrogates: surrogates,
                                missingValue: r.missingValue ?? .nan)
        case "OneHotEncoderModel":
            let sizes = try need(r.categorySizes, "categorySizes")
            try requireSameCount(sizes.count, "category sizes")
            return OneHotEncoderModel(uid: r.uid, inputColumns: inputs, outputColumns: outputs, categorySizes: sizes,
                                      dropLast: r.dropLast ?? true, handleInvalid: try handleInvalid())
        case "VectorAssembler":
            return VectorAssembler(uid: r.uid, inputColumns: inputs, outputColumn: try need(r.outputColumn, "outputColumn"),
                                   handleInvalid: try handleInvalid(), vectorSizes: r.vectorSizes ?? [:])
        case "StandardScalerModel":
            let mean = try need(r.mean, "mean")
            let std = try need(r.std, "std")
            guard mean.count == std.count else { throw .invalidModel(path: directory, detail: "mean and std differ in length") }
            return StandardScalerModel(uid: r.uid, inputColumn: try need(r.inputColumn, "inputColumn"),
                                       outputColumn: try need(r.outputColumn, "outputColumn"), mean: mean, std: std,
                                       withMean: r.withMean ?? false, withStd: r.withStd ?? true)
        case "LogisticRegressionModel":
            let coefficients = try need(r.coefficients, "coefficients")
            let intercepts = try need(r.intercepts, "intercepts")
            guard !coefficients.isEmpty, coefficients.count == intercepts.count else {
                throw .invalidModel(path: directory, detail: "\(coefficients.count) coefficient rows for \(intercepts.count) intercepts")
            }
            return LogisticRegressionModel(uid: r.uid, coefficients: coefficients, intercepts: intercepts,
                                           isMultinomial: r.isMultinomial ?? false, threshold: r.threshold ?? 0.5,
                                           columns: r.classifierColumns)
        case "XGBoostClassificationModel":
            let file = try need(r.modelFile, "modelFile")
            do {
                return XGBoostClassificationModel(uid: r.uid, booster: try Booster.load(path: directory + "/" + file),
                                                  columns: r.classifierColumns)
            } catch {
                throw .xgboost(stage: r.uid, error)
            }
        default:
            throw .unknownStage(className: r.className, path: directory)
        }
    }
}
