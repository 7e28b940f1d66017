public import Columnar

/// A replayable source of records: the contract every input (files, Kafka, tables) implements.
///
/// The runner drives a source with Spark's protocol: it asks for the latest offset it may
/// read (``latestOffset(after:limit:)``), records the range in the offset log, then asks for
/// exactly that range (``read(from:to:)``). Reading the same range twice must give the same
/// rows: that is what makes a re-run batch after a crash produce the same output.
/// A source is owned by one query and used from one task at a time.
public protocol StreamSource: AnyObject {
    /// A short description for progress reports, such as `FileStreamSource[input/bureau]`.
    var description: String { get }
    /// The schema of the rows ``read(from:to:)`` returns.
    var schema: Schema { get }
    /// The furthest offset the next batch may read, starting after `start` (nil: the beginning).
    /// Returns `start` itself, or nil when nothing was ever available, when there is no new data.
    func latestOffset(after start: SourceOffset?, limit: ReadLimit) throws -> SourceOffset?
    /// The rows in `(start, end]`.
    func read(from start: SourceOffset?, to end: SourceOffset) throws -> RecordBatch
    /// Called after the batch ending at `end` committed; a source may release data up to it.
    func commit(_ end: SourceOffset) throws
}

extension StreamSource {
    public func commit(_ end: SourceOffset) throws {}
}
