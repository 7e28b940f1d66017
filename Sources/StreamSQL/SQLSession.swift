public import Columnar
public import StreamPlan

/// Runs SQL over a ``SQLCatalog``: parse, compile to a ``DataFrame``, collect. What `s360 sql`
/// and the corpus tests call.
///
/// ```swift
/// let session = SQLSession(catalog: SQLCatalog(resolver: SQLPathTables.resolver()))
/// let result = try session.run("SELECT count(*) FROM json.`data/crm.jsonl`")
/// ```
public final class SQLSession {
    public var catalog: SQLCatalog

    public init(catalog: SQLCatalog = SQLCatalog()) {
        self.catalog = catalog
    }

    /// The DataFrame `sql` compiles to (nothing runs yet, except tables read while planning).
    public func dataFrame(_ sql: String) throws(SQLError) -> DataFrame {
        let statement = try SQLParser.parse(sql)
        return try SQLCompiler(catalog: catalog, sql: sql).compile(statement)
    }

    /// The rows of the query `sql`, computed at once (the query must be bounded).
    public func run(_ sql: String) throws(SQLError) -> RecordBatch {
        let frame = try dataFrame(sql)
        guard !frame.isStreaming else {
            throw SQLError(.unsupported, "this query reads a stream; `s360 sql` runs batch queries over tables and files only")
        }
        do {
            return try frame.collect()
        } catch let error as SQLError {
            throw error.located(in: sql)
        } catch {
            throw SQLError(.execution, "\(error)", sql: sql)
        }
    }
}
