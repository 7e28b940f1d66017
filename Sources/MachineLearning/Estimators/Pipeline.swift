public import Columnar

/// Estimators fitted in order, each on the output of the stages before it: Spark ML's
/// `Pipeline`.
///
/// `fit` walks the stages: stage *k* is fitted on the training batch as transformed by the
/// fitted stages *0 ..< k*, and the fitted stages form the ``PipelineModel``. The last stage's
/// output is not computed (nothing reads it), as in Spark.
///
/// One piece of Spark's column metadata is carried explicitly: the number of categories of an
/// indexed column. A ``OneHotEncoder`` fitted on the output of a ``StringIndexer`` learns its
/// category count from the indexer's labels (plus one for the invalid bucket with
/// `handleInvalid = keep`), as Spark's encoder reads it from the column's attributes, rather
/// than from the largest index present in the data.
///
/// ```swift
/// let pipeline = Pipeline(stages: [
///     StringIndexer(inputColumns: ["State"], outputColumns: ["State_idx"], handleInvalid: .keep),
///     VectorAssembler(inputColumns: ["Age", "State_idx"], outputColumn: "features", handleInvalid: .keep),
///     GBTClassifier(labelColumn: "label", maxDepth: 5),
/// ])
/// let model = try pipeline.fit(training)
/// let scored = try model.transform(test)
/// ```
public struct Pipeline: Estimator {
    public let uid: String
    public let stages: [any Estimator]

    public init(uid: String = "Pipeline", stages: [any Estimator]) {
        self.uid = uid
        self.stages = stages
    }

    /// Fits every stage in turn (see the type's discussion).
    public func fit(_ batch: RecordBatch) throws(MachineLearningError) -> any Transformer {
        try fitPipeline(batch)
    }

    /// ``fit(_:)`` with its concrete result.
    public func fitPipeline(_ batch: RecordBatch) throws(MachineLearningError) -> PipelineModel {
        var current = batch
        var fitted: [any Transformer] = []
        var categoryCounts: [String: Int] = [:]
        for (position, stage) in stages.enumerated() {
            var estimator = stage
            if var encoder = estimator as? OneHotEncoder {
                encoder.knownCategoryCounts.merge(categoryCounts) { own, _ in own }
                estimator = encoder
            }
            let model = try estimator.fit(current)
            if let indexer = model as? StringIndexerModel {
                for (index, name) in indexer.outputColumns.enumerated() {
                    categoryCounts[name] = indexer.labels[index].count + (indexer.handleInvalid == .keep ? 1 : 0)
                }
            }
            fitted.append(model)
            if position < stages.count - 1 { current = try model.transform(current) }
        }
        return PipelineModel(uid: uid, stages: fitted)
    }
}
