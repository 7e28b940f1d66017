import ArgumentParser
import Connectors
import SQLTables
import StreamSQL
#if canImport(Glibc)
import Glibc
#endif

/// `s360 sql`: batch SQL (Spark SQL's SELECT dialect) over Parquet datasets, JSON-lines files
/// and document tables, from `-e`, `-f` or an interactive shell.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run batch SQL queries (Spark SQL's SELECT dialect) over Parquet datasets, JSON files and document tables.",
        discussion: """
            Tables are named as Spark names path tables: parquet.`DIR` (a Parquet dataset; with a \
            _spark_metadata manifest only committed files are read), json.`PATH` (a JSON-lines file or \
            directory, schema inferred as spark.read.json does), sqlite.`PATH#TABLE` and \
            postgres.`postgres://USER@HOST:PORT/DB#TABLE` (document tables, flexible schema, a field \
            some documents lack is null). Without -e or -f, statements are read from standard input \
            until `\\q` or its end, each ending with `;`. Sources/StreamSQL/README.md lists the SQL \
            that works.

            Example: s360 sql -e "SELECT State, count(*) FROM parquet.`demo/parquet/top_up_predictions` \
            WHERE prediction = 1 GROUP BY State ORDER BY 2 DESC"
            """)

    @Option(name: [.customShort("e"), .long], help: "A query (or several, separated by ';') to run.")
    var execute: String?

    @Option(name: [.customShort("f"), .long], help: "A file of SQL statements separated by ';'.")
    var file: String?

    @Option(help: "Output format: table, json (JSON lines) or csv.")
    var format: SQLResultFormatter.Format = .table

    func validate() throws {
        if execute != nil && file != nil { throw ValidationError("give -e or -f, not both") }
    }

    func run() throws {
        let shell = SQLShell(
            session: SQLSession(catalog: SQLCatalog(resolver: SQLPathTables.resolver())), format: format,
            output: { print($0, terminator: "") }, errors: { StandardError.write($0) })
        if let execute {
            guard shell.runScript(execute) else { throw ExitCode.failure }
        } else if let file {
            let text = String(decoding: try FileSystem.readAll(file), as: UTF8.self)
            guard shell.runScript(text, source: file) else { throw ExitCode.failure }
        } else {
            let interactive = isatty(0) != 0
            shell.interact(readLine: { Swift.readLine() }, prompt: interactive ? { print($0, terminator: ""); fflush(nil) } : nil)
        }
    }
}

extension SQLResultFormatter.Format: ExpressibleByArgument {}
