/// Names one micro-batch of one writer, so that a table write commits together with it.
///
/// A write that carries a marker records it in the store's `stream360_batch_commits` table in
/// the same transaction as the documents; a later write with the same marker is skipped.
/// This makes a table sink exactly-once whatever its mode, even `insert`.
public struct DocumentBatchMarker: Sendable, Hashable {
    /// The writer, unique per query and sink (a sink's name).
    public var writer: String
    /// The micro-batch id.
    public var batchId: Int64

    public init(writer: String, batchId: Int64) {
        self.writer = writer
        self.batchId = batchId
    }
}
