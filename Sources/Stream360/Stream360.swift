// The Stream360 library: one import for a Swift package that builds its own pipelines.
//
// `import Stream360` brings the columnar model (RecordBatch, Schema, Column), expressions
// (`col`, `lit`, `when`, casts, functions), the DataFrame API and its LogicalPlan, the
// streaming query runner with checkpoints and triggers, Spark SQL's SELECT dialect, the
// connectors (text files, Kafka, Parquet with Spark manifests, memory, console,
// foreachBatch) and Spark ML pipeline models. Document tables (SQLite/PostgreSQL) are not
// part of it, so depending on Stream360 builds neither GRDB nor postgres-nio.
//
// ```swift
// import Stream360
//
// let clicks = try DataFrame.readStream(try TextFileSource(directory: "clicks"))
//     .parseJSON(column: "value", schema: Schema([Field("user", .string), Field("ts", .timestamp)]))
//     .withWatermark("ts", delay: .seconds(10))
//     .groupBy(window: DataFrame.window("ts", .seconds(60)), ["user"], aggregations: [Aggregation(.countAll, "*", as: "clicks")])
// let query = try StreamingQuery(clicks, sink: ConsoleSink(), configuration: .init(name: "clicks"))
// try await query.run()
// ```

@_exported import Checkpointing
@_exported import Columnar
@_exported import Connectors
@_exported import Expressions
@_exported import FileConnector
@_exported import JSONIngest
@_exported import KafkaConnector
@_exported import MachineLearning
@_exported import Parquet
@_exported import StreamExecution
@_exported import StreamOperators
@_exported import StreamPlan
@_exported import StreamSQL
