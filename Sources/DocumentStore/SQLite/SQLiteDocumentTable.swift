import GRDB

/// A document table in SQLite (see ``SQLiteSQL`` for its layout).
///
/// Calls run synchronously on the caller's thread; GRDB's `DatabaseQueue` serializes them
/// across threads. Each write is one transaction with one prepared statement
/// executed per document.
final class SQLiteDocumentTable: DocumentTable {
    let name: String
    let idField: String
    private let queue: DatabaseQueue
    private let url: DocumentStoreURL
    private let sql: SQLiteSQL

    init(name: String, idField: String, queue: DatabaseQueue, url: DocumentStoreURL) {
        self.name = name
        self.idField = idField
        self.queue = queue
        self.url = url
        sql = SQLiteSQL(table: name, idField: idField)
    }

    func write(_ documents: [Document], mode: DocumentWriteMode, marker: DocumentBatchMarker?) throws(DocumentStoreError) -> Bool {
        try run("write (\(mode.rawValue))") { db in
            if let marker {
                let seen = try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM stream360_batch_commits WHERE writer = ? AND tbl = ? AND batch_id = ?",
                    arguments: [marker.writer, self.name, marker.batchId]) ?? false
                if seen { return false }
                try db.execute(
                    sql: "INSERT INTO stream360_batch_commits(writer, tbl, batch_id) VALUES (?, ?, ?)",
                    arguments: [marker.writer, self.name, marker.batchId])
            }
            let statement = try db.cachedStatement(sql: self.sql.write(mode))
            for (index, document) in documents.enumerated() {
                do {
                    try statement.execute(arguments: [document.json])
                } catch let error as DatabaseError {
                    throw self.rejected(document, index: index, error: error, db: db)
                }
            }
            return true
        }
    }

    /// The error for a document SQLite refused.
    private func rejected(_ document: Document, index: Int, error: DatabaseError, db: Database) -> DocumentStoreError {
        let message = error.message ?? "\(error.resultCode)"
        if error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            let id = (try? String.fetchOne(
                db, sql: "SELECT json_quote(json_extract(json(?), '$.\"\(idField)\"'))", arguments: [document.json])) ?? nil
            return .duplicateID(table: name, id: id ?? "?", message: message)
        }
        if error.extendedResultCode == .SQLITE_CONSTRAINT_CHECK || message.contains("JSON") {
            return .invalidDocument(
                table: name, index: index, excerpt: DocumentStoreError.excerpt(document.json),
                message: error.extendedResultCode == .SQLITE_CONSTRAINT_CHECK
                    ? "not a JSON object with a string or integer '\(idField)'" : message)
        }
        return .backend(operation: "write", table: name, url: url.description, message: message)
    }

    func get(_ id: DocumentID) throws(DocumentStoreError) -> Document? {
        try read("get") { db in
            try String.fetchOne(
                db, sql: "SELECT doc FROM \(self.sql.quotedTable) WHERE \(self.sql.idExpression) = ?",
                arguments: [Self.bindable(id)]
            ).map(Document.init(json:))
        }
    }

    func find(where conditions: [DocumentCondition], projection: [String]?, limit: Int?) throws(DocumentStoreError) -> [Document] {
        try DocumentNames.check(conditions, projection: projection)
        var arguments: [(any DatabaseValueConvertible)?] = []
        let selection = sql.selection(projection: projection, arguments: &arguments)
        var text = "SELECT \(selection) FROM \(sql.quotedTable)" + sql.whereClause(conditions, arguments: &arguments)
        text += " ORDER BY \(sql.idExpression)"
        if let limit {
            text += " LIMIT ?"
            arguments.append(limit)
        }
        let finalText = text, finalArguments = StatementArguments(arguments)
        return try read("find") { db in
            try String.fetchAll(db, sql: finalText, arguments: finalArguments).map(Document.init(json:))
        }
    }

    func delete(_ ids: [DocumentID]) throws(DocumentStoreError) -> Int {
        try run("delete") { db in
            let statement = try db.cachedStatement(sql: "DELETE FROM \(self.sql.quotedTable) WHERE \(self.sql.idExpression) = ?")
            var deleted = 0
            for id in ids {
                try statement.execute(arguments: [Self.bindable(id)])
                deleted += db.changesCount
            }
            return deleted
        }
    }

    func count(where conditions: [DocumentCondition]) throws(DocumentStoreError) -> Int {
        try DocumentNames.check(conditions, projection: nil)
        var arguments: [(any DatabaseValueConvertible)?] = []
        let text = "SELECT count(*) FROM \(sql.quotedTable)" + sql.whereClause(conditions, arguments: &arguments)
        let finalArguments = StatementArguments(arguments)
        return try read("count") { db in try Int.fetchOne(db, sql: text, arguments: finalArguments) ?? 0 }
    }

    func jsonLines() throws(DocumentStoreError) -> [UInt8] {
        try read("scan") { db in
            var out: [UInt8] = []
            let cursor = try String.fetchCursor(db, sql: "SELECT doc FROM \(self.sql.quotedTable) ORDER BY \(self.sql.idExpression)")
            while var document = try cursor.next() {
                document.withUTF8 { out.append(contentsOf: $0) }
                out.append(0x0A)
            }
            return out
        }
    }

    static func bindable(_ id: DocumentID) -> any DatabaseValueConvertible {
        switch id {
        case .string(let s): s
        case .integer(let i): i
        }
    }

    private func run<T>(_ operation: String, _ body: (Database) throws -> T) throws(DocumentStoreError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw SQLiteDocumentStore.mapped(error, operation: operation, table: name, url: url)
        }
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(DocumentStoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw SQLiteDocumentStore.mapped(error, operation: operation, table: name, url: url)
        }
    }
}
