public import Columnar

/// `CREATE [TEMPORARY] TABLE|VIEW name [(column type, …, WATERMARK FOR …)] USING format
/// [OPTIONS (key 'value', …)]`: a source or a sink, as Spark declares data source tables.
///
/// Whether it is read or written depends on the statements that name it: a table named by
/// `INSERT INTO` is a sink, any other is a source. What `format` and the options mean is up to
/// the ``SQLConnectorFactory`` that opens it (`s360 run` documents its formats in
/// Sources/StreamSQL/README.md).
public struct SQLTableDeclaration: Sendable {
    /// The table's name, as written.
    public var name: String
    /// The declared columns (for a JSON source: the record schema), nil without a column list.
    public var columns: Schema?
    /// The `USING` format, lower case.
    public var format: String
    /// The options, keys lower case (Spark's option keys are case-insensitive), values as written.
    public var options: [String: String]
    /// The event-time column and delay declared with `WATERMARK FOR`.
    public var watermark: SQLWatermark?
    /// Where the statement starts, for messages.
    public var position: SQLPosition

    public init(name: String, columns: Schema?, format: String, options: [String: String], watermark: SQLWatermark?, position: SQLPosition) {
        self.name = name
        self.columns = columns
        self.format = format
        self.options = options
        self.watermark = watermark
        self.position = position
    }

    /// The option `key` (case-insensitive).
    public func option(_ key: String) -> String? { options[key.lowercased()] }
}

/// `WATERMARK FOR ts AS ts - INTERVAL '5' SECOND` (Flink's clause): Spark's
/// `withWatermark("ts", "5 seconds")` on the table or view that declares it.
public struct SQLWatermark: Sendable {
    /// The event-time column.
    public var column: String
    /// How far behind the largest event time seen the watermark stays.
    public var delay: Duration
    public var position: SQLPosition
}

/// `CREATE [TEMPORARY] VIEW name [WATERMARK FOR …] AS query`: a named intermediate stream (or
/// table), compiled where it is used, so every query that reads it gets its own sources.
public struct SQLViewDefinition: Sendable {
    public var name: String
    public var watermark: SQLWatermark?
    public var query: SQLQuery
    public var position: SQLPosition
}

/// `INSERT INTO sink query`: one streaming query writing `query`'s rows to the sink table.
public struct SQLInsert: Sendable {
    /// The sink table's name, as written.
    public var table: String
    public var query: SQLQuery
    /// Where `INSERT` is.
    public var position: SQLPosition
    /// Where the sink's name is.
    public var tablePosition: SQLPosition
}
