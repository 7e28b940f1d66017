public import Columnar

/// The columns visible at one point of a query: each with the qualifier it can be named by
/// (a table alias), the name the query sees, and the unique internal name of the DataFrame
/// column that holds it (`#12`), so that two tables' `id` columns never collide.
struct SQLScope {
    struct Column {
        var qualifier: String?
        var name: String
        var internalName: String
        var type: DataType
    }

    var columns: [Column]

    /// Resolves `parts` (`name`, `alias.name`, `name.field…`, `alias.name.field…`) to an
    /// internal column path such as `#3.start`, and its type.
    func resolve(_ parts: [String], at position: SQLPosition, sql: String) throws(SQLError) -> (path: String, type: DataType) {
        // alias.column[.field…] first when the first part is a qualifier.
        if parts.count >= 2 {
            let qualified = columns.filter { $0.qualifier?.equalsIgnoringCase(parts[0]) ?? false }
            if !qualified.isEmpty {
                let matches = qualified.filter { $0.name.equalsIgnoringCase(parts[1]) }
                if matches.count == 1 {
                    return try Self.fieldPath(matches[0], Array(parts.dropFirst(2)), at: position, sql: sql)
                }
                if matches.count > 1 { throw ambiguous(parts[0] + "." + parts[1], position, sql) }
                if columns.first(where: { $0.name.equalsIgnoringCase(parts[0]) }) == nil {
                    throw SQLError(
                        .resolution, "column `\(parts[1])` is not in `\(parts[0])`\(NameSuggestion.sentence(for: parts[1], in: qualified.map(\.name))) Its columns: \(Self.list(qualified.map(\.name)))",
                        at: position, sql: sql)
                }
            }
        }
        let matches = columns.filter { $0.name.equalsIgnoringCase(parts[0]) }
        if matches.count > 1 {
            let exact = matches.filter { $0.name == parts[0] }
            if exact.count != 1 { throw ambiguous(parts[0], position, sql) }
            return try Self.fieldPath(exact[0], Array(parts.dropFirst()), at: position, sql: sql)
        }
        guard let match = matches.first else {
            let name = parts.joined(separator: ".")
            throw SQLError(
                .resolution, "column `\(name)` does not exist\(NameSuggestion.sentence(for: parts.count >= 2 && columns.contains { $0.qualifier?.equalsIgnoringCase(parts[0]) ?? false } ? parts[1] : parts[0], in: columns.map(\.name))) Available: \(Self.list(columns.map(\.name)))",
                at: position, sql: sql)
        }
        return try Self.fieldPath(match, Array(parts.dropFirst()), at: position, sql: sql)
    }

    private func ambiguous(_ name: String, _ position: SQLPosition, _ sql: String) -> SQLError {
        let candidates = columns.filter { $0.name.equalsIgnoringCase(name.split(separator: ".").last.map(String.init) ?? name) }
            .map { ($0.qualifier.map { "\($0)." } ?? "") + $0.name }
        return SQLError(.resolution, "column `\(name)` is ambiguous: it could be \(candidates.map { "`\($0)`" }.joined(separator: " or ")); qualify it with a table alias", at: position, sql: sql)
    }

    static func fieldPath(_ column: Column, _ fields: [String], at position: SQLPosition, sql: String) throws(SQLError) -> (path: String, type: DataType) {
        var path = column.internalName
        var type = column.type
        var shown = column.name
        for field in fields {
            guard case .structure(let children) = type else {
                throw SQLError(.resolution, "`\(shown)` is \(type), not a struct, so it has no field `\(field)`", at: position, sql: sql)
            }
            guard let child = children.first(where: { $0.name.equalsIgnoringCase(field) }) else {
                throw SQLError(
                    .resolution, "struct `\(shown)` has no field `\(field)`\(NameSuggestion.sentence(for: field, in: children.map(\.name))) Its fields: \(list(children.map(\.name)))",
                    at: position, sql: sql)
            }
            path += "." + child.name
            type = child.type
            shown += "." + child.name
        }
        return (path, type)
    }

    static func list(_ names: [String]) -> String {
        let shown = names.prefix(20).map { "`\($0)`" }.joined(separator: ", ")
        return names.count > 20 ? shown + ", … (\(names.count) in all)" : shown
    }
}
