/// `${NAME}` and `${NAME:-default}` in a pipeline file, replaced before parsing: the paths of
/// inputs, models and outputs given on the command line (`s360 run FILE.sql --var NAME=VALUE`).
public enum SQLVariables {
    /// `text` with every `${NAME}` replaced by `values[NAME]` (or its `:-default`).
    /// - Throws: ``SQLError`` at the reference when a name has no value and no default, or a
    ///   `${` is never closed.
    public static func substitute(_ text: String, _ values: [String: String]) throws(SQLError) -> String {
        var out = ""
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            if c == "$", next < text.endIndex, text[next] == "{" {
                var depth = 0
                var scan = next
                var closing: String.Index?
                while scan < text.endIndex {
                    if text[scan] == "{" { depth += 1 } else if text[scan] == "}" {
                        depth -= 1
                        if depth == 0 { closing = scan; break }
                    }
                    scan = text.index(after: scan)
                }
                guard let close = closing else {
                    throw SQLError(.syntax, "`${` without a closing `}`", at: SQLPosition(line: line, column: column), sql: text)
                }
                let body = String(text[text.index(after: next)..<close])
                let name: String
                let fallback: String?
                let characters = Array(body)
                if let dash = characters.indices.first(where: { characters[$0] == ":" && $0 + 1 < characters.count && characters[$0 + 1] == "-" }) {
                    name = String(characters[..<dash])
                    // A default may itself use variables: ${INPUT:-${FIXTURES}/input}.
                    fallback = try substitute(String(characters[(dash + 2)...]), values)
                } else {
                    name = body
                    fallback = nil
                }
                guard let value = values[name] ?? fallback else {
                    let known = values.keys.sorted()
                    throw SQLError(
                        .resolution, "the variable ${\(name)} has no value; give it with --var \(name)=VALUE"
                            + (known.isEmpty ? "" : " (given: \(known.joined(separator: ", ")))"),
                        at: SQLPosition(line: line, column: column), sql: text)
                }
                out += value
                column += text[index...close].count
                index = text.index(after: close)
                continue
            }
            out.append(c)
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
            index = next
        }
        return out
    }
}
