import PostgresNIO

/// A document table in PostgreSQL (see ``PostgresSQL`` for its layout and bulk writes).
///
/// Calls block the calling thread while the store's event-loop thread talks to the server
/// (see ``PostgresSession``). Each write is one transaction and one `INSERT … SELECT` over
/// `unnest` of all documents.
final class PostgresDocumentTable: DocumentTable {
    let name: String
    let idField: String
    private let session: PostgresSession
    private let sql: PostgresSQL

    init(name: String, idField: String, session: PostgresSession) {
        self.name = name
        self.idField = idField
        self.session = session
        sql = PostgresSQL(table: name, idField: idField)
    }

    func write(_ documents: [Document], mode: DocumentWriteMode, marker: DocumentBatchMarker?) throws(DocumentStoreError) -> Bool {
        let statement = sql.write(mode)
        var binds = PostgresBindings()
        binds.append(documents.map(\.json))
        let documentBinds = binds
        return try session.run("write (\(mode.rawValue))", table: name) { connection in
            try connection.transaction {
                if let marker {
                    var markerBinds = PostgresBindings()
                    markerBinds.append(marker.writer)
                    markerBinds.append(self.name)
                    markerBinds.append(marker.batchId)
                    let recorded = try connection.query(
                        "INSERT INTO stream360_batch_commits(writer, tbl, batch_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                        markerBinds)
                    if recorded.metadata.rows == 0 { return false }
                }
                guard !documents.isEmpty else { return true }
                do {
                    try connection.query(statement, documentBinds)
                } catch {
                    throw self.rejected(error, documents: documents)
                }
                return true
            }
        }
    }

    /// The error for documents the server refused.
    private func rejected(_ error: any Error, documents: [Document]) -> any Error {
        let message = PostgresSession.message(error)
        switch PostgresSession.sqlState(error) {
        case "23505":
            return DocumentStoreError.duplicateID(table: name, id: Self.duplicateKey(message) ?? "?", message: message)
        case "23514", "22P02", "22023", "23502":
            // check violation, invalid JSON text, or a null document.
            return DocumentStoreError.invalidDocument(
                table: name, index: nil, excerpt: DocumentStoreError.excerpt(documents.first?.json ?? ""), message: message)
        default:
            return error
        }
    }

    /// The key in `Key ((doc -> 'id'::text))=("a") already exists.`
    private static func duplicateKey(_ message: String) -> String? {
        guard let start = message.firstRange(of: ")=("), let end = message.firstRange(of: ") already exists") else { return nil }
        guard start.upperBound <= end.lowerBound else { return nil }
        return String(message[start.upperBound..<end.lowerBound])
    }

    func get(_ id: DocumentID) throws(DocumentStoreError) -> Document? {
        var binds = PostgresBindings()
        binds.append(id.description)
        let query = "SELECT doc::text FROM \(sql.quotedTable) WHERE \(sql.idExpression) = $1::jsonb"
        let finalBinds = binds
        return try session.run("get", table: name) { connection in
            try connection.query(query, finalBinds).first.map { Document(json: try $0.decode(String.self)) }
        }
    }

    func find(where conditions: [DocumentCondition], projection: [String]?, limit: Int?) throws(DocumentStoreError) -> [Document] {
        try DocumentNames.check(conditions, projection: projection)
        var binds = PostgresBindings()
        let selection = sql.selection(projection: projection, binds: &binds)
        var query = "SELECT \(selection) FROM \(sql.quotedTable)" + sql.whereClause(conditions, binds: &binds)
        query += " ORDER BY \(sql.idExpression)"
        if let limit {
            binds.append(Int64(limit))
            query += " LIMIT $\(binds.count)"
        }
        let finalQuery = query, finalBinds = binds
        return try session.run("find", table: name) { connection in
            try connection.query(finalQuery, finalBinds).map { Document(json: try $0.decode(String.self)) }
        }
    }

    func delete(_ ids: [DocumentID]) throws(DocumentStoreError) -> Int {
        var binds = PostgresBindings()
        binds.append(ids.map(\.description))
        let query = "DELETE FROM \(sql.quotedTable) WHERE \(sql.idExpression) IN (SELECT i::jsonb FROM unnest($1::text[]) AS u(i))"
        let finalBinds = binds
        return try session.run("delete", table: name) { connection in
            try connection.transaction { try connection.query(query, finalBinds).metadata.rows ?? 0 }
        }
    }

    func count(where conditions: [DocumentCondition]) throws(DocumentStoreError) -> Int {
        try DocumentNames.check(conditions, projection: nil)
        var binds = PostgresBindings()
        let query = "SELECT count(*) FROM \(sql.quotedTable)" + sql.whereClause(conditions, binds: &binds)
        let finalBinds = binds
        return try session.run("count", table: name) { connection in
            Int(try connection.query(query, finalBinds).first?.decode(Int64.self) ?? 0)
        }
    }

    func jsonLines() throws(DocumentStoreError) -> [UInt8] {
        let query = "SELECT doc::text FROM \(sql.quotedTable) ORDER BY \(sql.idExpression)"
        return try session.run("scan", table: name) { connection in
            var out: [UInt8] = []
            for row in try connection.query(query) {
                var document = try row.decode(String.self)
                document.withUTF8 { out.append(contentsOf: $0) }
                out.append(0x0A)
            }
            return out
        }
    }
}
