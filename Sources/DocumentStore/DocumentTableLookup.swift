public import Columnar
import Synchronization

/// A document table read into a ``RecordBatch`` for a stream-static join, refreshed every N
/// micro-batches or on demand.
///
/// Spark re-reads a static DataFrame on every batch; a table that changes slowly (a CRM) does
/// not need that. The lookup scans the table once with a fixed schema (the one given, or the
/// one inferred from the documents at the first load, kept afterwards so that the join's
/// columns never change; fields that appear later are ignored until ``reset(schema:)``), then
/// again when a refresh is due. The query asks it at the start of each batch:
///
/// ```swift
/// let crm = DocumentTableLookup(table: crmTable, refreshEvery: 10)
/// let join = StreamStaticJoinOperator(stream: clicks, table: try crm.table, …)
/// // at the start of batch `batchId`:
/// if let fresh = try crm.refreshIfDue(batchId: batchId) { try join.replaceTable(fresh) }
/// ```
///
/// Scans block the calling thread (see ``DocumentTable``). Thread-safe: the state is behind a `Mutex`.
public final class DocumentTableLookup: Sendable {
    /// The table read.
    public let source: any DocumentTable
    /// Refresh after this many batches since the last load (`nil`: only on demand).
    public let refreshEvery: Int64?

    private struct State {
        var schema: Schema?
        var table: RecordBatch?
        var loadedAtBatch: Int64?
        var refreshRequested = false
    }

    private let state: Mutex<State>

    /// - Parameters:
    ///   - table: the document table to read.
    ///   - schema: the columns to read (inferred from the documents at the first load when nil).
    ///   - refreshEvery: reload after this many batches (nil: only when ``requestRefresh()`` or ``refresh()`` is called).
    public init(table: any DocumentTable, schema: Schema? = nil, refreshEvery: Int? = nil) {
        precondition(refreshEvery.map { $0 > 0 } ?? true, "refreshEvery must be at least 1 batch")
        source = table
        self.refreshEvery = refreshEvery.map(Int64.init)
        state = Mutex(State(schema: schema))
    }

    /// The table as last loaded (loading it now if it never was).
    public var table: RecordBatch {
        get throws(DocumentStoreError) {
            if let table = state.withLock({ $0.table }) { return table }
            return try refresh()
        }
    }

    /// The schema of the loaded table (nil before the first load when none was given).
    public var schema: Schema? { state.withLock { $0.schema } }

    /// Reads the table now and returns it.
    @discardableResult
    public func refresh() throws(DocumentStoreError) -> RecordBatch {
        try load(batchId: state.withLock { $0.loadedAtBatch })
    }

    /// Asks for a refresh at the next ``refreshIfDue(batchId:)``, whatever the interval.
    public func requestRefresh() {
        state.withLock { $0.refreshRequested = true }
    }

    /// Forgets the schema (and the loaded table): the next load infers it again, or uses `schema`.
    public func reset(schema: Schema? = nil) {
        state.withLock { $0 = State(schema: schema) }
    }

    /// At the start of batch `batchId`: the freshly read table when a refresh is due (never
    /// loaded, requested, or `refreshEvery` batches since the last load), else nil.
    public func refreshIfDue(batchId: Int64) throws(DocumentStoreError) -> RecordBatch? {
        let due = state.withLock { state -> Bool in
            guard state.table != nil else { return true }
            if state.refreshRequested { return true }
            guard let loaded = state.loadedAtBatch else {
                state.loadedAtBatch = batchId  // loaded on demand before any batch: count from here
                return false
            }
            guard let every = refreshEvery else { return false }
            return batchId - loaded >= every || batchId < loaded
        }
        return due ? try load(batchId: batchId) : nil
    }

    private func load(batchId: Int64?) throws(DocumentStoreError) -> RecordBatch {
        let batch = try source.scan(schema: state.withLock { $0.schema })
        state.withLock { state in
            state.schema = state.schema ?? batch.schema
            state.table = batch
            state.loadedAtBatch = batchId ?? state.loadedAtBatch
            state.refreshRequested = false
        }
        return batch
    }
}
