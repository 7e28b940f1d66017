import Columnar
import Connectors
import Expressions
import StreamOperators
import StreamPlan
import StreamTesting

/// Events with an id and an event time, the shape every runner test feeds.
let eventSchema = Schema([Field("ID", .string), Field("ts", .timestamp)])

/// One `addData` call's rows: `(id, seconds)` pairs.
func events(_ rows: (String, Int64)...) -> RecordBatch {
    Rows.batch(eventSchema, rows.map { [.string($0.0), Rows.seconds($0.1)] })
}

/// Seconds as microseconds.
func sec(_ seconds: Int64) -> Int64 { seconds * 1_000_000 }

/// `withWatermark(ts, 5 s)` then `count(*)` per ID in 10 s tumbling windows: a stateful plan.
func windowedCounts(_ source: MemorySource) throws -> DataFrame {
    try DataFrame.readStream(source)
        .withWatermark("ts", delay: .seconds(5))
        .groupBy(window: DataFrame.window("ts", .seconds(10)), ["ID"], aggregations: [Aggregation(.countAll, "*", as: "n")])
}

/// A stateless plan over the same events, watermark included.
func passThrough(_ source: MemorySource) throws -> DataFrame {
    try DataFrame.readStream(source).withWatermark("ts", delay: .seconds(5)).filter(col("ID").isNotNull())
}
