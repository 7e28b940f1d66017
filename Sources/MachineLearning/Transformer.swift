public import Columnar

/// A stage that turns a batch into a batch with more columns (or fewer rows): Spark ML's
/// `Transformer`, applied one micro-batch at a time.
///
/// Transformers are immutable values: loading a model yields a tree of them, and the same model
/// scores any number of batches, from any task. Each works column at a time: it reads its input
/// columns' buffers once and writes its output columns whole, never a row at a time through
/// dictionaries or scalars.
public protocol Transformer: Sendable {
    /// The stage's identity in messages: Spark's uid (`StringIndexer_e1dc4c2f96fa`) when loaded.
    var uid: String { get }

    /// `batch` with this stage's output columns added (an existing column of the same name is
    /// replaced, as Spark's `withColumn` does); stages with `handleInvalid = "skip"` drop rows.
    func transform(_ batch: RecordBatch) throws(MachineLearningError) -> RecordBatch
}

/// What a feature stage does with a value it cannot handle (a null, an unseen label, NaN):
/// Spark's `handleInvalid` parameter.
public enum HandleInvalid: String, Sendable, Hashable {
    /// Fail the batch with ``MachineLearningError/invalidValue(stage:column:row:value:hint:)``.
    case error
    /// Drop the row.
    case skip
    /// Keep the row: an extra index for labels, NaN for assembled values.
    case keep
}
