public import Columnar
import Foundation

/// A fitted pipeline: stages applied in order, each to the previous one's output. Spark ML's
/// `PipelineModel`, loadable from the directory Spark's `PipelineModel.save` writes.
///
/// Scoring is per batch and stateless, so the same model serves batch and streaming queries:
/// every micro-batch goes through `transform` on its own, as Spark applies a pipeline to each
/// micro-batch of a stream.
///
/// ```swift
/// let model = try PipelineModel.load(directory: "spark_pipeline_model")
/// let scored = try model.transform(batch)   // + Frequency_idx, …, features, rawPrediction, probability, prediction
/// ```
///
/// Loading understands the stage classes listed in `FORMAT.md`; any other class fails with
/// ``MachineLearningError/unknownStage(className:path:)`` naming it.
public struct PipelineModel: Transformer {
    public let uid: String
    public let stages: [any Transformer]

    /// A pipeline of `stages`. Vector lengths known from one-hot encoders are handed to later
    /// assemblers, so that a batch whose vectors are all null can still be assembled.
    public init(uid: String = "PipelineModel", stages: [any Transformer]) {
        self.uid = uid
        var sizes: [String: Int] = [:]
        var linked: [any Transformer] = []
        for stage in stages {
            if let encoder = stage as? OneHotEncoderModel {
                for (position, name) in encoder.outputColumns.enumerated() { sizes[name] = encoder.vectorSize(position) }
            }
            if var assembler = stage as? VectorAssembler {
                assembler.vectorSizes.merge(sizes) { own, _ in own }
                linked.append(assembler)
            } else {
                linked.append(stage)
            }
        }
        self.stages = linked
    }

    public func transform(_ batch: RecordBatch) throws(MachineLearningError) -> RecordBatch {
        var current = batch
        for stage in stages { current = try stage.transform(current) }
        return current
    }

    /// Loads a saved pipeline: a Stream360 model directory (`metadata.json`, see FORMAT.md) or
    /// one Spark saved, where `metadata/part-00000` names the stage uids in order and
    /// `stages/<index>_<uid>/` holds each stage.
    /// - Throws: ``MachineLearningError/unknownStage(className:path:)`` for a stage class
    ///   Stream360 does not implement, ``MachineLearningError/invalidModel(path:detail:)`` for a
    ///   directory that is not a saved pipeline.
    public static func load(directory: String) throws(MachineLearningError) -> PipelineModel {
        if Stream360ModelReader.isStream360Model(directory) { return try Stream360ModelReader.read(directory) }
        let metadata = try SparkMetadata(directory: directory)
        guard metadata.className == "org.apache.spark.ml.PipelineModel" else {
            if SparkStageLoader.supportedClasses.contains(metadata.shortClassName) {
                // A single saved stage: a pipeline of one.
                return PipelineModel(uid: metadata.uid, stages: [try SparkStageLoader.load(directory: directory)])
            }
            throw .unknownStage(className: metadata.className, path: directory)
        }
        let uids = try metadata.strings("stageUids")
        let stagesDirectory = directory + "/stages"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: stagesDirectory)) ?? []
        var stages: [any Transformer] = []
        for (index, stageUID) in uids.enumerated() {
            let candidates = entries.filter { entry in
                guard entry.hasSuffix("_" + stageUID), let number = Int(entry.prefix { $0.isNumber }) else { return false }
                return number == index
            }
            guard let name = candidates.first else {
                throw .invalidModel(path: directory, detail: "no stages/<\(index)>_\(stageUID) directory for stage \(index)")
            }
            stages.append(try SparkStageLoader.load(directory: stagesDirectory + "/" + name))
        }
        return PipelineModel(uid: metadata.uid, stages: stages)
    }

    /// Writes this pipeline as a Stream360 model directory (created if needed; files of the
    /// same names are replaced), which ``load(directory:)`` reads back. XGBoost models are
    /// saved as XGBoost's JSON, which Python's `xgboost` loads too.
    /// - Throws: ``MachineLearningError/unsavableStage(stage:className:)`` for a stage with no
    ///   Stream360 form (Spark-trained tree ensembles), ``MachineLearningError/unwritableModel(path:detail:)``.
    public func save(directory: String) throws(MachineLearningError) {
        try Stream360ModelWriter.write(self, to: directory)
    }
}
