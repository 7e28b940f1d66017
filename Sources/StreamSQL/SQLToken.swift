/// A position in SQL text: 1-based line and column (columns count characters).
public struct SQLPosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// One lexical token of a SQL statement, with where it starts.
public struct SQLToken: Sendable, Hashable, CustomStringConvertible {
    /// What kind of token this is; keywords are identifiers (Spark's keywords are mostly non-reserved).
    public enum Kind: Sendable, Hashable {
        /// A bare word (`select`, `Age`): `text` as written.
        case identifier
        /// A back-quoted name (`` `CURRENT-BAL` ``): `text` without the quotes, doubled backquotes undone.
        case quotedIdentifier
        /// A single- or double-quoted string, escapes applied.
        case string
        /// An integer literal; `text` is its digits (with an `L`, `S` or `Y` suffix removed).
        case integer
        /// A number with a fraction or exponent, or a `D`/`F`/`BD` suffix.
        case decimal
        /// An operator or punctuation: `( ) , . ; * + - / % = == <> != < <= > >= <=> || ::`.
        case symbol
        case end
    }

    public var kind: Kind
    public var text: String
    public var position: SQLPosition

    public init(_ kind: Kind, _ text: String, at position: SQLPosition) {
        self.kind = kind
        self.text = text
        self.position = position
    }

    /// Whether this is the bare word `keyword` (case-insensitive).
    public func isKeyword(_ keyword: String) -> Bool {
        kind == .identifier && text.equalsIgnoringCase(keyword)
    }

    /// Whether this is the symbol `symbol`.
    public func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol && text == symbol
    }

    public var description: String {
        switch kind {
        case .end: "the end of the statement"
        case .string: "'\(text)'"
        case .quotedIdentifier: "`\(text)`"
        default: "'\(text)'"
        }
    }
}

extension String {
    /// ASCII case-insensitive equality (SQL keywords and names).
    func equalsIgnoringCase(_ other: String) -> Bool {
        self == other || lowercased() == other.lowercased()
    }
}
