public import StreamPlan

/// A streaming pipeline file: `CREATE TABLE … USING` (sources and sinks), `CREATE VIEW … AS`
/// (named intermediate streams) and `INSERT INTO sink SELECT …` (one streaming query each),
/// in any order, separated by `;`. What `s360 run` and `s360 explain` read.
///
/// Nothing is opened when the file is parsed. ``compile(_:connectors:)`` compiles one
/// `INSERT` with sources of its own (every table it reads, through views, is opened anew by
/// the ``SQLConnectorFactory``), as every Spark query has its own sources and checkpoint.
///
/// ```sql
/// CREATE TABLE clicks (user_id INT, url STRING, ts TIMESTAMP,
///                      WATERMARK FOR ts AS ts - INTERVAL '10' SECOND)
///   USING json OPTIONS (path 'in/clicks', maxFilesPerTrigger '1');
/// CREATE TABLE per_url USING jsonl OPTIONS (path 'out/per_url.jsonl');
/// INSERT INTO per_url SELECT window.start, url, count(*) AS n FROM clicks GROUP BY window(ts, '1 minute'), url;
/// ```
public struct SQLProgram: Sendable {
    /// One statement of the file, with its text and the line where the text starts.
    public struct Entry: Sendable {
        public var statement: SQLStatement
        public var sql: String
        public var line: Int
    }

    /// The file's text after variable substitution.
    public let text: String
    /// The statements, in file order.
    public let entries: [Entry]
    /// Tables by lower-case name.
    public let tables: [String: SQLTableDeclaration]
    /// Views by lower-case name, with their entry.
    let views: [String: (view: SQLViewDefinition, entry: Entry)]
    /// The `INSERT` statements, in file order, with their entries.
    let insertEntries: [(insert: SQLInsert, entry: Entry)]

    /// Parses `text` after replacing its `${NAME}` variables (see ``SQLVariables``).
    /// - Throws: ``SQLError`` located in the file: syntax errors, a name declared twice, an
    ///   `INSERT` into a name that is not a declared table, a file without `INSERT`.
    public init(_ text: String, variables: [String: String] = [:]) throws(SQLError) {
        let substituted = try SQLVariables.substitute(text, variables)
        self.text = substituted
        var entries: [Entry] = []
        for (sql, line) in SQLScript.statements(substituted) {
            do {
                entries.append(Entry(statement: try SQLParser.parse(sql), sql: sql, line: line))
            } catch {
                throw Self.relocate(error, statementSQL: sql, line: line, text: substituted)
            }
        }
        var tables: [String: SQLTableDeclaration] = [:]
        var views: [String: (SQLViewDefinition, Entry)] = [:]
        var inserts: [(SQLInsert, Entry)] = []
        func taken(_ name: String, _ position: SQLPosition, _ entry: Entry) throws(SQLError) {
            if tables[name.lowercased()] != nil || views[name.lowercased()] != nil {
                throw Self.relocate(SQLError(.resolution, "`\(name)` is declared twice", at: position, sql: entry.sql),
                                    statementSQL: entry.sql, line: entry.line, text: substituted)
            }
        }
        for entry in entries {
            switch entry.statement {
            case .createTable(let table):
                try taken(table.name, table.position, entry)
                tables[table.name.lowercased()] = table
            case .createView(let view):
                try taken(view.name, view.position, entry)
                views[view.name.lowercased()] = (view, entry)
            case .insert(let insert):
                inserts.append((insert, entry))
            case .query(let query):
                throw Self.relocate(
                    SQLError(.unsupported, "a pipeline file runs INSERT INTO sink SELECT …; a bare SELECT has nowhere to go (name a sink, e.g. CREATE TABLE out USING console)",
                             at: query.position, sql: entry.sql),
                    statementSQL: entry.sql, line: entry.line, text: substituted)
            }
        }
        for (insert, entry) in inserts where tables[insert.table.lowercased()] == nil {
            let known = tables.values.map(\.name).sorted()
            let what = views[insert.table.lowercased()] != nil ? "is a view; INSERT INTO names a sink declared with CREATE TABLE … USING"
                : "is not declared\(NameSuggestion.hint(for: insert.table, in: known)); declare it with CREATE TABLE \(insert.table) USING jsonl OPTIONS (path '…')"
            throw Self.relocate(SQLError(.resolution, "the sink `\(insert.table)` \(what)", at: insert.tablePosition, sql: entry.sql),
                                statementSQL: entry.sql, line: entry.line, text: substituted)
        }
        var sinks: Set<String> = []
        for (insert, entry) in inserts where !sinks.insert(insert.table.lowercased()).inserted {
            throw Self.relocate(
                SQLError(.unsupported, "a second INSERT into `\(insert.table)`; each sink takes one query (declare another sink)", at: insert.tablePosition, sql: entry.sql),
                statementSQL: entry.sql, line: entry.line, text: substituted)
        }
        guard !inserts.isEmpty else {
            throw SQLError(.syntax, "the file has no INSERT INTO sink SELECT …: nothing would run")
        }
        self.entries = entries
        self.tables = tables
        self.views = views
        insertEntries = inserts
    }

    /// The `INSERT` statements, in file order.
    public var inserts: [SQLInsert] { insertEntries.map(\.insert) }

    /// The sink table `insert` writes to.
    public func sink(of insert: SQLInsert) -> SQLTableDeclaration {
        guard let table = tables[insert.table.lowercased()] else {
            preconditionFailure("SQLProgram.init checked that every INSERT names a declared table")
        }
        return table
    }

    /// An error about the declaration of `table`, located in the file.
    public func error(_ kind: SQLError.Kind, _ message: String, at table: SQLTableDeclaration) -> SQLError {
        guard let entry = entries.first(where: {
            if case .createTable(let t) = $0.statement { t.name == table.name && t.position == table.position } else { false }
        }) else { return SQLError(kind, message) }
        return Self.relocate(SQLError(kind, message, at: table.position, sql: entry.sql), statementSQL: entry.sql, line: entry.line, text: text)
    }

    /// Whether some `INSERT` writes to `table`.
    public func isSink(_ table: String) -> Bool {
        insertEntries.contains { $0.insert.table.equalsIgnoringCase(table) }
    }

    /// One compiled `INSERT`: its DataFrame (the query's output columns) and the source tables
    /// it opened, in the order they were first read.
    public struct CompiledInsert {
        public var insert: SQLInsert
        public var sink: SQLTableDeclaration
        public var frame: DataFrame
        public var sources: [SQLTableDeclaration]
    }

    /// Compiles `insert` with fresh sources from `connectors`. Path tables (``parquet.`DIR` ``)
    /// go to `resolver` when one is given.
    /// - Throws: ``SQLError`` located in the file (the statement, or the view, at fault).
    public func compile(
        _ insert: SQLInsert, connectors: any SQLConnectorFactory, resolver: ((_ parts: [String]) throws -> DataFrame?)? = nil
    ) throws(SQLError) -> CompiledInsert {
        guard let entry = insertEntries.first(where: { $0.insert.position == insert.position && $0.insert.table == insert.table })?.entry else {
            preconditionFailure("compile(_:) takes one of this program's inserts")
        }
        let scope = ProgramScope(program: self, connectors: connectors, fallback: resolver)
        do {
            let frame = try SQLCompiler(catalog: scope.catalog(), sql: entry.sql).compileNamed(insertQuery(insert))
            return CompiledInsert(insert: insert, sink: sink(of: insert), frame: frame, sources: scope.opened)
        } catch {
            throw Self.relocate(error, statementSQL: entry.sql, line: entry.line, text: text)
        }
    }

    private func insertQuery(_ insert: SQLInsert) -> SQLQuery { insert.query }

    /// `error`, thrown for the statement `statementSQL` starting at `line`, located in the whole file.
    static func relocate(_ error: SQLError, statementSQL: String, line: Int, text: String) -> SQLError {
        guard error.sql == nil || error.sql == statementSQL else { return error }
        let position = error.position.map { SQLPosition(line: $0.line + line - 1, column: $0.column) }
        return SQLError(error.kind, error.message, at: position, sql: text)
    }
}

/// The tables and views one `INSERT` sees while it compiles: each opened once for this query.
final class ProgramScope {
    let program: SQLProgram
    let connectors: any SQLConnectorFactory
    let fallback: ((_ parts: [String]) throws -> DataFrame?)?
    private var frames: [String: DataFrame] = [:]
    private var compiling: [String] = []
    private(set) var opened: [SQLTableDeclaration] = []

    init(program: SQLProgram, connectors: any SQLConnectorFactory, fallback: ((_ parts: [String]) throws -> DataFrame?)?) {
        self.program = program
        self.connectors = connectors
        self.fallback = fallback
    }

    func catalog() -> SQLCatalog {
        var catalog = SQLCatalog { [unowned self] parts in try self.table(parts) }
        catalog.connectors = connectors
        return catalog
    }

    private func table(_ parts: [String]) throws -> DataFrame? {
        guard parts.count == 1 else { return try fallback?(parts) }
        let key = parts[0].lowercased()
        if let frame = frames[key] { return frame }
        let frame: DataFrame
        if let declaration = program.tables[key] {
            frame = try source(declaration)
        } else if let (view, entry) = program.views[key] {
            guard !compiling.contains(key) else {
                throw SQLProgram.relocate(
                    SQLError(.resolution, "the view `\(view.name)` reads itself (\((compiling + [key]).joined(separator: " → ")))", at: view.position, sql: entry.sql),
                    statementSQL: entry.sql, line: entry.line, text: program.text)
            }
            compiling.append(key)
            defer { compiling.removeLast() }
            do {
                let compiled = try SQLCompiler(catalog: catalog(), sql: entry.sql).compileNamed(view.query)
                frame = try watermarked(compiled, view.watermark, sql: entry.sql)
            } catch {
                throw SQLProgram.relocate(error, statementSQL: entry.sql, line: entry.line, text: program.text)
            }
        } else {
            return try fallback?(parts)
        }
        frames[key] = frame
        return frame
    }

    private func source(_ declaration: SQLTableDeclaration) throws(SQLError) -> DataFrame {
        guard let entry = program.entries.first(where: {
            if case .createTable(let table) = $0.statement { table.name == declaration.name && table.position == declaration.position } else { false }
        }) else {
            preconditionFailure("every declared table has an entry")
        }
        if program.isSink(declaration.name) {
            throw SQLProgram.relocate(
                SQLError(.unsupported, "`\(declaration.name)` is a sink (INSERT INTO writes it); a query cannot also read it — read the view or query that feeds it instead",
                         at: declaration.position, sql: entry.sql),
                statementSQL: entry.sql, line: entry.line, text: program.text)
        }
        do throws(SQLError) {
            let frame: DataFrame
            do {
                frame = try connectors.source(declaration)
            } catch let error as SQLError {
                throw SQLError(error.kind, error.message, at: error.position ?? declaration.position, sql: error.sql ?? entry.sql)
            } catch {
                throw SQLError(.execution, "cannot open the source `\(declaration.name)` (\(declaration.format)): \(error)", at: declaration.position, sql: entry.sql)
            }
            opened.append(declaration)
            return try watermarked(frame, declaration.watermark, sql: entry.sql)
        } catch {
            throw SQLProgram.relocate(error, statementSQL: entry.sql, line: entry.line, text: program.text)
        }
    }

    private func watermarked(_ frame: DataFrame, _ watermark: SQLWatermark?, sql: String) throws(SQLError) -> DataFrame {
        guard let watermark else { return frame }
        do {
            return try frame.withWatermark(watermark.column, delay: watermark.delay)
        } catch {
            throw SQLError(.resolution, "WATERMARK FOR `\(watermark.column)`: \(error)", at: watermark.position, sql: sql)
        }
    }
}
