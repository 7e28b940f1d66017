public import Columnar

/// A stage that learns from a batch and yields a ``Transformer``: Spark ML's `Estimator`.
///
/// `fit` reads the whole training batch (Stream360 trains in batch, on a bounded
/// ``RecordBatch`` or a collected DataFrame) and returns an immutable fitted stage, which then
/// scores batches and streams like any loaded model. Stages that learn nothing
/// (``VectorAssembler``) are estimators too, fitting to themselves, so that a ``Pipeline``
/// holds one kind of stage.
public protocol Estimator: Sendable {
    /// The stage's identity in messages and in saved models.
    var uid: String { get }

    /// Learns from `batch` and returns the fitted stage.
    /// - Throws: ``MachineLearningError/cannotFit(stage:detail:)`` when the data do not allow
    ///   fitting, ``MachineLearningError/missingColumn(stage:column:available:)`` and the like
    ///   for a batch that lacks the stage's columns.
    func fit(_ batch: RecordBatch) throws(MachineLearningError) -> any Transformer
}

extension VectorAssembler: Estimator {
    /// The assembler learns nothing: fitting returns it unchanged.
    public func fit(_ batch: RecordBatch) throws(MachineLearningError) -> any Transformer { self }
}
