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
    /// The rows in `(start, end]` as `count` input splits, one per partition (Spark's input
    /// partitions): together, in order, they are exactly ``read(from:to:)``'s rows. The I/O happens
    /// here; each split's ``InputSplit/read`` builds its rows and may run on another thread, in
    /// parallel with the other splits. The default reads the range whole and slices it.
    func readSplits(from start: SourceOffset?, to end: SourceOffset, count: Int) throws -> [InputSplit]
}

extension StreamSource {
    public func commit(_ end: SourceOffset) throws {}

    public func readSplits(from start: SourceOffset?, to end: SourceOffset, count: Int) throws -> [InputSplit] {
        let batch = try read(from: start, to: end)
        return (0..<count).map { partition in
            let rows = PartitionSlice.rows(of: batch.rowCount, partition: partition, count: count)
            return InputSplit { batch.slice(rows) }
        }
    }
}

/// One partition's share of a source's batch, built when ``read`` is called (on any thread).
public struct InputSplit: Sendable {
    /// Builds the split's rows.
    public let read: @Sendable () throws -> RecordBatch

    public init(_ read: @escaping @Sendable () throws -> RecordBatch) {
        self.read = read
    }
}
