/// A SQL statement that cannot run, said so a person can fix it: what is wrong, where (line
/// and column, the line itself with a caret under the spot), and what to try instead.
///
/// ```
/// line 1, column 8: cannot resolve column `churn_rsk`; did you mean `churn_risk`?
///   SELECT churn_rsk FROM crm
///          ^
/// ```
public struct SQLError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem, by blame.
    public enum Kind: Sendable, Hashable {
        /// The text is not SQL the parser understands.
        case syntax
        /// A name (column, table, function) that does not exist or is ambiguous.
        case resolution
        /// Types that do not fit the operation.
        case type
        /// Valid SQL that Stream360 does not run yet; the message says what is missing.
        case unsupported
        /// Reading a table or running the plan failed.
        case execution
    }

    public let kind: Kind
    /// The problem in one sentence, with a suggestion when there is one.
    public let message: String
    public let position: SQLPosition?
    /// The statement's text, for the excerpt.
    public let sql: String?

    public init(_ kind: Kind, _ message: String, at position: SQLPosition? = nil, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.position = position
        self.sql = sql
    }

    /// The same error, located in `sql` (when it has no text yet).
    func located(in sql: String) -> SQLError {
        self.sql == nil ? SQLError(kind, message, at: position, sql: sql) : self
    }

    /// The offending line with a caret under the column, or nil without a position.
    public var excerpt: String? {
        guard let position, let sql else { return nil }
        let lines = sql.split(separator: "\n", omittingEmptySubsequences: false)
        guard position.line >= 1, position.line <= lines.count else { return nil }
        let text = String(lines[position.line - 1]).replacingTabs()
        return "  " + text + "\n  " + String(repeating: " ", count: max(0, position.column - 1)) + "^"
    }

    public var description: String {
        let prefix = switch kind {
        case .syntax: "syntax error"
        case .resolution: "error"
        case .type: "type error"
        case .unsupported: "not supported"
        case .execution: "error"
        }
        var text = position.map { "\(prefix) at \($0): \(message)" } ?? "\(prefix): \(message)"
        if let excerpt { text += "\n" + excerpt }
        return text
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
