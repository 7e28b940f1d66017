import DocumentStore
import Foundation
import Synchronization

/// Read-only access to the demo's document store, opened when its file appears.
///
/// The portal never writes a document: it calls only `get`, `find` and `count`. The store file
/// is opened on first use and only once it exists (opening a missing SQLite file would create
/// it), so a portal started before `s360 demo` shows empty states and fills in later. A table
/// that does not exist yet reads as empty. Calls block briefly (SQLite on the caller's thread),
/// as ``DocumentTable`` documents; the dashboard reads through ``DashboardFeed``, which shares
/// one read among all live clients.
public final class PortalStore: Sendable {
    /// The SQLite file.
    public let path: String
    private let state = Mutex<(any DocumentStore)?>(nil)

    /// A store reading `path` (an SQLite file written by `s360 demo`).
    public init(path: String) {
        self.path = path
    }

    /// The documents of `table` matching `conditions`, ordered by id, with only the `projection`'s
    /// fields (and the id) when one is given; empty when the store or table is missing.
    /// - Throws: ``PortalError/storeUnavailable(path:message:)`` when the store cannot be read.
    public func documents(
        in table: String, where conditions: [DocumentCondition] = [], projection: [String]? = nil, limit: Int? = nil
    ) throws(PortalError) -> [JSONValue] {
        guard let table = try open(table) else { return [] }
        do {
            return try table.find(where: conditions, projection: projection, limit: limit).compactMap { JSONValue.parse($0.json) }
        } catch {
            throw .storeUnavailable(path: path, message: error.description)
        }
    }

    /// The document of `table` with id `id`, or nil (also when the store or table is missing).
    /// - Throws: ``PortalError/storeUnavailable(path:message:)`` when the store cannot be read.
    public func document(in table: String, id: DocumentID) throws(PortalError) -> JSONValue? {
        guard let table = try open(table) else { return nil }
        do {
            return try table.get(id).flatMap { JSONValue.parse($0.json) }
        } catch {
            throw .storeUnavailable(path: path, message: error.description)
        }
    }

    /// The number of documents in `table` (0 when the store or table is missing).
    public func count(in table: String) throws(PortalError) -> Int {
        guard let table = try open(table) else { return 0 }
        do {
            return try table.count(where: [])
        } catch {
            throw .storeUnavailable(path: path, message: error.description)
        }
    }

    private func open(_ name: String) throws(PortalError) -> (any DocumentTable)? {
        guard let store = try openStore() else { return nil }
        do {
            return try store.openTable(name)
        } catch .tableNotFound {
            return nil
        } catch {
            throw .storeUnavailable(path: path, message: error.description)
        }
    }

    private func openStore() throws(PortalError) -> (any DocumentStore)? {
        if let store = state.withLock({ $0 }) { return store }
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let opened: any DocumentStore
        do {
            opened = try DocumentStoreURL("sqlite:\(path)").open()
        } catch {
            throw .storeUnavailable(path: path, message: error.description)
        }
        return state.withLock { current in
            if let current {
                opened.close()
                return current
            }
            current = opened
            return opened
        }
    }

    /// Closes the store (later reads open it again).
    public func close() {
        state.withLock { current in
            current?.close()
            current = nil
        }
    }
}
