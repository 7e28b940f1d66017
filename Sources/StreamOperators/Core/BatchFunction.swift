public import Columnar

/// A per-batch user function: Spark's `mapPartitions`/`transform` over one micro-batch at a
/// time, for steps the relational operators do not express (scoring a model, for instance).
///
/// The function must be stateless and deterministic: a re-run batch is given the same rows and
/// must give the same output. It may add, replace or drop columns and drop rows; the columns it
/// keeps keep their event-time bounds.
public struct BatchFunction: Sendable {
    /// A name for progress reports and errors.
    public let name: String
    /// The output schema for an input schema; throws when the input lacks what the function needs
    /// (checked when the DataFrame is built).
    public let outputSchema: @Sendable (Schema) throws -> Schema
    /// The function itself.
    public let apply: @Sendable (RecordBatch) throws -> RecordBatch

    public init(name: String, outputSchema: @escaping @Sendable (Schema) throws -> Schema,
                apply: @escaping @Sendable (RecordBatch) throws -> RecordBatch) {
        self.name = name
        self.outputSchema = outputSchema
        self.apply = apply
    }
}
