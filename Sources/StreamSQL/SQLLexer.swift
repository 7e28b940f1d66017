/// Splits SQL text into ``SQLToken``s, Spark SQL's lexical rules.
///
/// - Identifiers: letters, digits and `_`, not starting with a digit; or back-quoted
///   (`` `CURRENT-BAL` ``, `` `a.b c` ``), a doubled backquote standing for one.
/// - Strings: single or double quotes, with Spark's escapes (`\'`, `\"`, `\\`, `\n`, `\t`,
///   `\r`, `\b`, `\0`, `\Z`, `\%`, `\_` kept with their backslash, `\uXXXX`); a doubled quote inside
///   is not an escape in Spark (adjacent literals concatenate), so `'it''s'` is `its`.
/// - Numbers: `12`, `12L` (bigint), `1.5`, `.5`, `1e3`, `1.5D`; suffixes are recorded in the kind.
/// - Comments: `-- to end of line` and `/* … */` (nested, as Spark allows).
public struct SQLLexer {
    private let characters: [Character]
    private let text: String
    private var index = 0
    private var line = 1
    private var column = 1

    public init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    /// All tokens, ending with one `.end` token.
    public static func tokenize(_ text: String) throws(SQLError) -> [SQLToken] {
        var lexer = SQLLexer(text)
        var tokens: [SQLToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var position: SQLPosition { SQLPosition(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func advance() {
        if characters[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private func error(_ message: String, at position: SQLPosition) -> SQLError {
        SQLError(.syntax, message, at: position, sql: text)
    }

    /// The next token.
    public mutating func next() throws(SQLError) -> SQLToken {
        try skipSpaceAndComments()
        let start = position
        guard let c = peek() else { return SQLToken(.end, "", at: start) }
        if c.isLetter || c == "_" {
            var word = ""
            while let d = peek(), d.isLetter || d.isNumber || d == "_" {
                word.append(d)
                advance()
            }
            return SQLToken(.identifier, word, at: start)
        }
        if c == "`" {
            advance()
            var name = ""
            while true {
                guard let d = peek() else { throw error("unterminated quoted name: a backquote opened here is never closed", at: start) }
                advance()
                if d == "`" {
                    if peek() == "`" {
                        name.append("`")
                        advance()
                        continue
                    }
                    break
                }
                name.append(d)
            }
            return SQLToken(.quotedIdentifier, name, at: start)
        }
        if c == "'" || c == "\"" { return SQLToken(.string, try string(quote: c, start: start), at: start) }
        if c.isASCII && c.isNumber || (c == "." && (peek(1).map { $0.isASCII && $0.isNumber } ?? false)) {
            return try number(start: start)
        }
        let three = String([c, peek(1), peek(2)].compactMap { $0 })
        for symbol in ["<=>"] where three.hasPrefix(symbol) {
            advance(); advance(); advance()
            return SQLToken(.symbol, symbol, at: start)
        }
        let two = String(three.prefix(2))
        if ["<=", ">=", "<>", "!=", "==", "||", "::"].contains(two) {
            advance(); advance()
            return SQLToken(.symbol, two, at: start)
        }
        if "(),.;*+-/%=<>[]:".contains(c) {
            advance()
            return SQLToken(.symbol, String(c), at: start)
        }
        throw error("unexpected character '\(c)'", at: start)
    }

    private mutating func skipSpaceAndComments() throws(SQLError) {
        while let c = peek() {
            if c.isWhitespace {
                advance()
            } else if c == "-" && peek(1) == "-" {
                while let d = peek(), d != "\n" { advance() }
            } else if c == "/" && peek(1) == "*" {
                let start = position
                advance(); advance()
                var depth = 1
                while depth > 0 {
                    guard let d = peek() else { throw error("unterminated comment: /* opened here is never closed with */", at: start) }
                    if d == "*" && peek(1) == "/" {
                        depth -= 1
                        advance(); advance()
                    } else if d == "/" && peek(1) == "*" {
                        depth += 1
                        advance(); advance()
                    } else {
                        advance()
                    }
                }
            } else {
                return
            }
        }
    }

    private mutating func string(quote: Character, start: SQLPosition) throws(SQLError) -> String {
        advance()
        var value = ""
        while true {
            guard let c = peek() else { throw error("unterminated string: the quote opened here is never closed", at: start) }
            advance()
            if c == quote { return value }
            guard c == "\\" else {
                value.append(c)
                continue
            }
            guard let e = peek() else { throw error("unterminated string: it ends with a backslash", at: start) }
            advance()
            switch e {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "b": value.append("\u{8}")
            case "0": value.append("\u{0}")
            case "Z": value.append("\u{1A}")
            case "%": value.append("\\%")
            case "_": value.append("\\_")
            case "u":
                var hex = ""
                for _ in 0..<4 {
                    guard let h = peek(), h.isHexDigit else { break }
                    hex.append(h)
                    advance()
                }
                if hex.count == 4, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                    value.unicodeScalars.append(scalar)
                } else {
                    value.append("u" + hex)
                }
            default: value.append(e)
            }
        }
    }

    private mutating func number(start: SQLPosition) throws(SQLError) -> SQLToken {
        var digits = ""
        var isDecimal = false
        while let c = peek(), c.isASCII && c.isNumber {
            digits.append(c)
            advance()
        }
        if peek() == ".", !(peek(1).map { $0.isLetter && $0 != "e" && $0 != "E" && $0 != "d" && $0 != "D" } ?? false) {
            isDecimal = true
            digits.append(".")
            advance()
            while let c = peek(), c.isASCII && c.isNumber {
                digits.append(c)
                advance()
            }
        }
        if let e = peek(), e == "e" || e == "E",
           let next = peek(1), next.isNumber || ((next == "+" || next == "-") && (peek(2)?.isNumber ?? false)) {
            isDecimal = true
            digits.append("e")
            advance()
            if let sign = peek(), sign == "+" || sign == "-" {
                digits.append(sign)
                advance()
            }
            while let c = peek(), c.isASCII && c.isNumber {
                digits.append(c)
                advance()
            }
        }
        if let suffix = peek(), suffix.isLetter {
            switch suffix.uppercased() {
            case "L", "S", "Y" where !isDecimal:
                advance()
                if peek().map({ $0.isLetter || $0.isNumber || $0 == "_" }) ?? false { break }
                return SQLToken(.integer, digits + (suffix.uppercased() == "L" ? "L" : ""), at: start)
            case "D", "F":
                advance()
                return SQLToken(.decimal, digits, at: start)
            default: break
            }
            throw error("'\(digits)\(suffix)…' is neither a number nor a name (names cannot start with a digit; quote it with backquotes)", at: start)
        }
        return SQLToken(isDecimal ? .decimal : .integer, digits, at: start)
    }
}
