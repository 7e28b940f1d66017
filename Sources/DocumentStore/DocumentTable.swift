/// A table of JSON documents keyed by one top-level field, with no fixed schema.
///
/// The role MapR-DB JSON tables play in the reference pipelines: each document is a JSON
/// object; the table's ``idField`` (chosen when the table is created, like `_id`) must be a
/// string or an integer and is unique. Everything else may differ from document to document.
///
/// Two implementations sit behind this protocol, chosen by URL through ``DocumentStoreURL``:
/// SQLite through GRDB (embedded; documents as JSON text) and PostgreSQL through postgres-nio
/// (documents as `jsonb`). One contract test suite runs against both.
///
/// **Calls block the calling thread** until the database answers, as the engine's sinks and
/// operators are synchronous. SQLite runs on the caller's thread (GRDB's `DatabaseQueue`
/// serializes access); PostgreSQL I/O runs on the store's own NIO event-loop thread while the
/// caller waits. Call them from the query's thread or another thread of your own; from async
/// code, keep calls short or hop to such a thread, since a blocked call holds a thread of
/// Swift's cooperative pool for its duration.
///
/// Every write call is one transaction: all of its documents are written, or none.
public protocol DocumentTable: AnyObject, Sendable {
    /// The table's name.
    var name: String { get }
    /// The top-level field that identifies a document.
    var idField: String { get }

    /// Writes `documents` in one transaction, as `mode` says.
    ///
    /// With a `marker`, the write is recorded with it in the same transaction, and skipped if
    /// the marker was already recorded (a re-run micro-batch).
    /// - Returns: whether the documents were written (false only when the marker was already recorded).
    @discardableResult
    func write(_ documents: [Document], mode: DocumentWriteMode, marker: DocumentBatchMarker?) throws(DocumentStoreError) -> Bool

    /// The document with id `id`, or nil.
    func get(_ id: DocumentID) throws(DocumentStoreError) -> Document?

    /// The documents matching every condition, ordered by id, with only the `projection`'s
    /// top-level fields (and the id field) when one is given; at most `limit` of them.
    func find(where conditions: [DocumentCondition], projection: [String]?, limit: Int?) throws(DocumentStoreError) -> [Document]

    /// Deletes the documents with these ids in one transaction; returns how many there were.
    @discardableResult
    func delete(_ ids: [DocumentID]) throws(DocumentStoreError) -> Int

    /// The number of documents matching every condition (all of them for none).
    func count(where conditions: [DocumentCondition]) throws(DocumentStoreError) -> Int

    /// Every document as one JSON line each, ordered by id: the input of ``scan(schema:)``.
    func jsonLines() throws(DocumentStoreError) -> [UInt8]
}
