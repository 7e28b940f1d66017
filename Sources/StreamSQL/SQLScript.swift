/// Splits SQL text into statements at `;`, ignoring semicolons inside quotes, back-quoted
/// names and comments. Each statement keeps its text (without the `;`, with the whitespace and
/// comments before it) and the line where that text starts.
public enum SQLScript {
    public static func statements(_ text: String) -> [(sql: String, line: Int)] {
        var result: [(String, Int)] = []
        var current = ""
        var startLine = 1
        var line = 1
        var quote: Character?
        var inLineComment = false
        var blockDepth = 0
        var previous: Character = " "
        var escaped = false
        for c in text {
            defer { if c == "\n" { line += 1 } }
            if current.isEmpty { startLine = line }
            if inLineComment {
                if c == "\n" { inLineComment = false }
                current.append(c)
                continue
            }
            if blockDepth > 0 {
                if previous == "*" && c == "/" { blockDepth -= 1; previous = " " } else { previous = c }
                current.append(c)
                continue
            }
            if let q = quote {
                current.append(c)
                if escaped { escaped = false } else if c == "\\" && q != "`" { escaped = true } else if c == q { quote = nil }
                continue
            }
            if c == "'" || c == "\"" || c == "`" { quote = c }
            if c == "-" && previous == "-" { inLineComment = true }
            if c == "*" && previous == "/" { blockDepth = 1; previous = " "; current.append(c); continue }
            if c == ";" {
                if !isBlank(current) { result.append((current, startLine)) }
                current = ""
                previous = " "
                continue
            }
            current.append(c)
            previous = c
        }
        if !isBlank(current) { result.append((current, startLine)) }
        return result
    }

    /// Whether `text` holds only whitespace and comments.
    static func isBlank(_ text: String) -> Bool {
        guard let tokens = try? SQLLexer.tokenize(text) else { return false }
        return tokens.count == 1
    }

    /// Whether `text` ends a statement: it has a `;` outside quotes and comments.
    public static func isComplete(_ text: String) -> Bool {
        guard let tokens = try? SQLLexer.tokenize(text) else {
            return false
        }
        return tokens.contains { $0.isSymbol(";") }
    }
}
