/// Table and field names the stores accept: non-empty, at most 63 UTF-8 bytes for tables,
/// without quotes, backslashes or control characters (so they can be quoted in SQL and in
/// JSON paths without escaping rules that differ between backends).
enum DocumentNames {
    static func checkTable(_ name: String) throws(DocumentStoreError) {
        try checkField(name)
        if name.utf8.count > 63 { throw .invalidName(name: name, reason: "table names have at most 63 bytes") }
        if name.hasPrefix("stream360_") { throw .invalidName(name: name, reason: "the prefix stream360_ is reserved for the store's own tables") }
    }

    /// Checks the fields that conditions and a projection name.
    static func check(_ conditions: [DocumentCondition], projection: [String]?) throws(DocumentStoreError) {
        for condition in conditions { try checkField(condition.field) }
        for field in projection ?? [] { try checkField(field) }
    }

    static func checkField(_ name: String) throws(DocumentStoreError) {
        if name.isEmpty { throw .invalidName(name: name, reason: "names cannot be empty") }
        if name.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x27 || $0 == 0x5C || $0 == 0x7F }) {
            throw .invalidName(name: name, reason: "names cannot contain quotes, backslashes or control characters")
        }
    }
}
