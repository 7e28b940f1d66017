import PostgresNIO

/// The SQL the PostgreSQL backend runs, in one place.
///
/// A table is one column, `doc jsonb`, with a CHECK that it is an object whose id is a string
/// or an integer, a unique index on `(doc->'id')` (jsonb keeps the id's type: `"7"` ≠ `7`) and
/// a GIN index on `doc` (`jsonb_path_ops`: a third faster to maintain than the default
/// `jsonb_ops` on bulk writes, and smaller) that serves `@>`, i.e. equality conditions; `exists`
/// (`?`) scans. Bulk writes
/// send all documents as one `text[]` parameter and expand it with `unnest … WITH ORDINALITY`,
/// so a call is one statement whatever its size; duplicates within one call are resolved in
/// order (upsert: the last wins; merge: patches fold in order with the `stream360_merge`
/// aggregate, i.e. `||`). Names are validated by ``DocumentNames`` (no quotes) and inlined.
struct PostgresSQL {
    let table: String
    let idField: String

    var quotedTable: String { "\"\(table)\"" }
    var idExpression: String { "(doc->'\(idField)')" }

    var createStatements: [String] {
        [
            """
            CREATE TABLE \(quotedTable) (doc jsonb NOT NULL CHECK (jsonb_typeof(doc) = 'object' AND \
            coalesce(jsonb_typeof(doc->'\(idField)') = 'string' OR (doc->>'\(idField)') ~ '^-?[0-9]+$', false)))
            """,
            "CREATE UNIQUE INDEX \"stream360_id_\(table)\" ON \(quotedTable) (\(idExpression))",
            "CREATE INDEX \"stream360_gin_\(table)\" ON \(quotedTable) USING gin (doc jsonb_path_ops)",
        ]
    }

    /// One statement writing every document of `$1::text[]`.
    func write(_ mode: DocumentWriteMode) -> String {
        let input = "(SELECT d::jsonb AS doc, n FROM unnest($1::text[]) WITH ORDINALITY AS u(d, n)) AS input"
        switch mode {
        case .insert:
            return "INSERT INTO \(quotedTable) (doc) SELECT doc FROM \(input) ORDER BY n"
        case .upsert:
            return """
                INSERT INTO \(quotedTable) AS old (doc) SELECT DISTINCT ON \(idExpression) doc FROM \(input) \
                ORDER BY \(idExpression), n DESC ON CONFLICT (\(idExpression)) DO UPDATE SET doc = EXCLUDED.doc
                """
        case .merge:
            return """
                INSERT INTO \(quotedTable) AS old (doc) SELECT stream360_merge(doc ORDER BY n) FROM \(input) \
                GROUP BY \(idExpression) ON CONFLICT (\(idExpression)) DO UPDATE SET doc = (old.doc || EXCLUDED.doc) \
                - ARRAY(SELECT key FROM jsonb_each(EXCLUDED.doc) WHERE value = 'null'::jsonb)
                """
        }
    }

    /// The selected document text: all of it, or its projected top-level fields (and the id).
    func selection(projection: [String]?, binds: inout PostgresBindings) -> String {
        guard let projection else { return "doc::text" }
        binds.append([idField] + projection.filter { $0 != idField })
        return """
            coalesce((SELECT jsonb_object_agg(key, value) FROM jsonb_each(doc) WHERE key = ANY($\(binds.count)::text[])), \
            '{}'::jsonb)::text
            """
    }

    /// A `WHERE` clause (or "") for the conditions, appending their parameters.
    func whereClause(_ conditions: [DocumentCondition], binds: inout PostgresBindings) -> String {
        guard !conditions.isEmpty else { return "" }
        return " WHERE " + conditions.map { predicate($0, binds: &binds) }.joined(separator: " AND ")
    }

    private func predicate(_ condition: DocumentCondition, binds: inout PostgresBindings) -> String {
        switch condition {
        case .equals(let field, let value):
            return equals(field, value, binds: &binds)
        case .isIn(let field, let values):
            guard !values.isEmpty else { return "false" }
            return "(" + values.map { equals(field, $0, binds: &binds) }.joined(separator: " OR ") + ")"
        case .exists(let field):
            return "doc ? '\(field)'"
        case .lessThan(let field, let value):
            return compare(field, "<", value, binds: &binds)
        case .greaterThan(let field, let value):
            return compare(field, ">", value, binds: &binds)
        }
    }

    private func equals(_ field: String, _ value: DocumentValue, binds: inout PostgresBindings) -> String {
        if case .json = value {
            binds.append(value.json)
            return "doc->'\(field)' = $\(binds.count)::jsonb"
        }
        // Containment of {"field": value} uses the GIN index; for scalars it is JSON equality.
        binds.append(Document([field: value]).json)
        return "doc @> $\(binds.count)::jsonb"
    }

    private func compare(_ field: String, _ op: String, _ value: DocumentValue, binds: inout PostgresBindings) -> String {
        switch value {
        case .integer, .double:
            binds.append(value.json)
            return "(jsonb_typeof(doc->'\(field)') = 'number' AND doc->'\(field)' \(op) $\(binds.count)::jsonb)"
        case .string(let s):
            binds.append(s)
            return "(jsonb_typeof(doc->'\(field)') = 'string' AND (doc->>'\(field)') COLLATE \"C\" \(op) $\(binds.count))"
        case .null, .boolean, .json:
            return "false"
        }
    }
}
