public import StreamPlan

/// Opens what a pipeline file declares but StreamSQL cannot open itself: source tables
/// (`CREATE TABLE … USING json|text|kafka|parquet|sqlite|postgres`) and saved models
/// (`predict(MODEL 'dir', …)`).
///
/// StreamSQL stays free of file formats' and stores' dependencies (DocumentStore, GRDB,
/// librdkafka, XGBoost): the application fills this in (`s360 run` uses Customer360's
/// `SQLConnectors`), as `SQLTables` fills in ``SQLCatalog/resolver`` for `s360 sql`. A test
/// can implement it over memory sources.
public protocol SQLConnectorFactory {
    /// The rows of the source table `declaration`: a stream (a directory of JSON lines, a Kafka
    /// topic) or a bounded table read once. Called once per query that reads the table, so
    /// each query gets sources of its own, as each Spark query does.
    /// - Throws: ``SQLError`` (or any error, reported with the table's position) for an unknown
    ///   format, a missing option or an unreadable location.
    func source(_ declaration: SQLTableDeclaration) throws -> DataFrame

    /// The scorer for `predict(MODEL 'location', …)`: adds the model's output columns to a
    /// DataFrame (for a Spark `PipelineModel`: `DataFrame.transform(with:)`).
    func model(_ location: String) throws -> SQLScorer
}

/// Scores a DataFrame with a saved model: the input's columns followed by the model's outputs.
public typealias SQLScorer = (DataFrame) throws -> DataFrame
