/// The statement loop behind `s360 sql`: runs scripts (`-e`, `-f`) and an interactive shell,
/// writing results and errors through closures so that it is testable without a terminal.
///
/// The shell reads lines until a statement ends with `;`, runs it, and goes on; `\q`, `quit`,
/// `exit` or the end of input ends it (a statement left without `;` at the end of input runs).
/// An error is reported and the shell continues; a script stops at the first error.
public struct SQLShell {
    public var session: SQLSession
    public var format: SQLResultFormatter.Format
    /// Receives results.
    public var output: (String) -> Void
    /// Receives error messages.
    public var errors: (String) -> Void

    public init(
        session: SQLSession, format: SQLResultFormatter.Format = .table,
        output: @escaping (String) -> Void, errors: @escaping (String) -> Void
    ) {
        self.session = session
        self.format = format
        self.output = output
        self.errors = errors
    }

    /// Runs every statement of `text` in order; false when one failed (the rest are not run).
    @discardableResult
    public func runScript(_ text: String, source: String? = nil) -> Bool {
        for statement in SQLScript.statements(text) where !run(statement.sql, source: source, line: statement.line) {
            return false
        }
        return true
    }

    /// Reads statements from `readLine` until `\q` or the end of input, running each as it
    /// ends; `prompt` (when given) is shown before each line (`sql> ` or `  -> `).
    public func interact(readLine: () -> String?, prompt: ((String) -> Void)? = nil) {
        var buffer = ""
        while true {
            prompt?(buffer.isEmpty ? "sql> " : "  -> ")
            guard let line = readLine() else { break }
            let command = line.trimmingSpaces().lowercased()
            if buffer.allSatisfy(\.isWhitespace) && ["\\q", "quit", "exit", "\\q;", "quit;", "exit;"].contains(command) { return }
            buffer += line + "\n"
            if SQLScript.isComplete(buffer) {
                runScript(buffer)
                buffer = ""
            }
        }
        if !SQLScript.isBlank(buffer) { runScript(buffer) }
    }

    /// Runs one statement, reporting its result or error; whether it succeeded.
    func run(_ sql: String, source: String?, line: Int) -> Bool {
        // Padded with the lines before it, so that error positions are lines of the script.
        let padded = String(repeating: "\n", count: max(0, line - 1)) + sql
        do {
            output(SQLResultFormatter.format(try session.run(padded), as: format))
            return true
        } catch {
            errors((source.map { "\($0): " } ?? "") + error.description)
            return false
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
