public import StreamPlan

/// The tables a SQL query can name: a name → ``DataFrame`` map (names case-insensitive, as
/// Spark's catalog), plus an optional resolver for names that are not registered, such as
/// Spark's path tables ``parquet.`out/preds` `` (see `SQLTables` for the file and document ones).
///
/// ```swift
/// var catalog = SQLCatalog()
/// catalog.register("crm", try DataFrame.table(crmBatch))
/// let rows = try SQLSession(catalog: catalog).run("SELECT state, count(*) FROM crm GROUP BY state")
/// ```
public struct SQLCatalog {
    private var tables: [String: (name: String, frame: DataFrame)] = [:]
    /// Called with a multi-part or unknown name (`["parquet", "out/preds"]`); returns the
    /// table, nil when the name means nothing to it, or throws why it could not be read.
    public var resolver: ((_ parts: [String]) throws -> DataFrame?)?
    /// Loads the models `predict(MODEL …)` names; nil refuses `predict`.
    public var connectors: (any SQLConnectorFactory)?

    public init(resolver: ((_ parts: [String]) throws -> DataFrame?)? = nil) {
        self.resolver = resolver
    }

    /// Registers (or replaces) the table `name`.
    public mutating func register(_ name: String, _ frame: DataFrame) {
        tables[name.lowercased()] = (name, frame)
    }

    /// The registered names, sorted.
    public var names: [String] { tables.values.map(\.name).sorted() }

    /// The table called `parts` (joined by dots when registered under a dotted name).
    public func table(_ parts: [String]) throws -> DataFrame? {
        if let entry = tables[parts.joined(separator: ".").lowercased()] { return entry.frame }
        return try resolver?(parts)
    }
}
