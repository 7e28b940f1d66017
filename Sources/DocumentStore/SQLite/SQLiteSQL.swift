import GRDB

/// The SQL the SQLite backend runs, in one place.
///
/// A table is one column, `doc TEXT`, holding minified JSON (`json(?)` normalizes and checks
/// it on the way in), a CHECK that it has a string or integer id (only an object can), and a unique
/// expression index on `json_extract(doc, '$."id"')`: lookups by id must spell that exact
/// expression for SQLite to use the index. Names are validated by ``DocumentNames`` (no quotes),
/// so they are quoted here without escaping.
struct SQLiteSQL {
    let table: String
    let idField: String

    var quotedTable: String { "\"\(table)\"" }
    var idExpression: String { Self.extract(idField) }

    /// `json_extract(doc, '$."field"')`.
    static func extract(_ field: String) -> String { "json_extract(doc, '$.\"\(field)\"')" }
    /// `json_type(doc, '$."field"')`: null when missing, `'null'` for JSON null.
    static func type(_ field: String) -> String { "json_type(doc, '$.\"\(field)\"')" }

    var createStatements: [String] {
        [
            """
            CREATE TABLE \(quotedTable) (doc TEXT NOT NULL CHECK (coalesce(\(Self.type(idField)), '') IN ('text', 'integer')))
            """,
            "CREATE UNIQUE INDEX \"stream360_id_\(table)\" ON \(quotedTable)(\(idExpression))",
        ]
    }

    func write(_ mode: DocumentWriteMode) -> String {
        let insert = "INSERT INTO \(quotedTable)(doc) VALUES (json(?))"
        switch mode {
        case .insert:
            return insert
        case .upsert:
            return insert + " ON CONFLICT(\(idExpression)) DO UPDATE SET doc = excluded.doc"
        case .merge:
            // Remove the patch's keys, then patch: top-level fields replaced, a null removes one.
            return insert + """
                 ON CONFLICT(\(idExpression)) DO UPDATE SET doc = json_patch(json_patch(doc, \
                (SELECT json_group_object(key, json('null')) FROM json_each(excluded.doc))), excluded.doc)
                """
        }
    }

    /// The selected document: all of it, or its projected top-level fields (and the id).
    func selection(projection: [String]?, arguments: inout [(any DatabaseValueConvertible)?]) -> String {
        guard let projection else { return "doc" }
        let keys = [idField] + projection.filter { $0 != idField }
        arguments.append(contentsOf: keys.map { $0 as String })
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ", ")
        // json_each gives true/false as 1/0: turn them back into JSON booleans.
        return """
            (SELECT json_group_object(key, CASE type WHEN 'true' THEN json('true') WHEN 'false' THEN json('false') \
            ELSE value END) FROM json_each(doc) WHERE key IN (\(placeholders)))
            """
    }

    /// A `WHERE` clause (or "") for the conditions, appending their arguments.
    func whereClause(_ conditions: [DocumentCondition], arguments: inout [(any DatabaseValueConvertible)?]) -> String {
        guard !conditions.isEmpty else { return "" }
        return " WHERE " + conditions.map { predicate($0, arguments: &arguments) }.joined(separator: " AND ")
    }

    private func predicate(_ condition: DocumentCondition, arguments: inout [(any DatabaseValueConvertible)?]) -> String {
        switch condition {
        case .equals(let field, let value):
            return equals(field, value, arguments: &arguments)
        case .isIn(let field, let values):
            guard !values.isEmpty else { return "0" }
            return "(" + values.map { equals(field, $0, arguments: &arguments) }.joined(separator: " OR ") + ")"
        case .exists(let field):
            return "\(Self.type(field)) IS NOT NULL"
        case .lessThan(let field, let value):
            return compare(field, "<", value, arguments: &arguments)
        case .greaterThan(let field, let value):
            return compare(field, ">", value, arguments: &arguments)
        }
    }

    private func equals(_ field: String, _ value: DocumentValue, arguments: inout [(any DatabaseValueConvertible)?]) -> String {
        let type = Self.type(field), extract = Self.extract(field)
        switch value {
        case .null: return "\(type) = 'null'"
        case .boolean(let b): return "\(type) = '\(b ? "true" : "false")'"
        case .integer(let i):
            arguments.append(i)
            return "(\(type) IN ('integer', 'real') AND \(extract) = ?)"
        case .double(let d):
            arguments.append(d)
            return "(\(type) IN ('integer', 'real') AND \(extract) = ?)"
        case .string(let s):
            arguments.append(s)
            return "(\(type) = 'text' AND \(extract) = ?)"
        case .json(let text):
            arguments.append(text)
            return "(\(type) IN ('object', 'array') AND \(extract) = json(?))"
        }
    }

    private func compare(
        _ field: String, _ op: String, _ value: DocumentValue, arguments: inout [(any DatabaseValueConvertible)?]
    ) -> String {
        let type = Self.type(field), extract = Self.extract(field)
        switch value {
        case .integer(let i):
            arguments.append(i)
            return "(\(type) IN ('integer', 'real') AND \(extract) \(op) ?)"
        case .double(let d):
            arguments.append(d)
            return "(\(type) IN ('integer', 'real') AND \(extract) \(op) ?)"
        case .string(let s):
            arguments.append(s)
            return "(\(type) = 'text' AND \(extract) \(op) ?)"
        case .null, .boolean, .json:
            return "0"
        }
    }
}
