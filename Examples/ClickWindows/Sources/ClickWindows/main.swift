#if canImport(Glibc)
import Glibc
#endif
import Stream360

// Clicks per user per minute of event time, as a streaming query over a directory of
// JSON-lines files, one file per micro-batch.
let arguments = CommandLine.arguments.dropFirst()
let input = arguments.first ?? "data"
let output = arguments.dropFirst().first ?? "out"

let clickSchema = Schema([Field("user", .string), Field("page", .string), Field("ts", .string)])
let windows = try DataFrame.readStream(try TextFileSource(directory: input))
    .parseJSON(column: "value", schema: clickSchema)
    .select(col("user"), col("page"), col("ts").cast(.timestamp).alias("ts"))
    .withWatermark("ts", delay: .seconds(10))
    .groupBy(window: DataFrame.window("ts", .seconds(60)), ["user"], aggregations: [
        Aggregation(.countAll, "*", as: "clicks"),
        Aggregation(.approxCountDistinct(relativeSD: 0.05), "page", as: "pages"),
    ])
    .select(col("window.start").alias("minute"), col("user"), col("clicks"), col("pages"))

let parquet = try ParquetFileSink(path: "\(output)/click_windows")
var closed: [String] = []
let sink = ForeachBatchSink(name: "click_windows") { batchId, batch in
    try parquet.addBatch(batchId, batch)
    var lines: [UInt8] = []
    JSONLinesEncoder.encode(batch, into: &lines)
    for line in String(decoding: lines, as: UTF8.self).split(separator: "\n") {
        print("batch \(batchId): \(line)")
        closed.append(String(line))
    }
}
let query = try StreamingQuery(windows, sink: sink, configuration: StreamingQueryConfiguration(
    name: "click_windows", outputMode: .append, trigger: .availableNow, readLimit: .maxFiles(1),
    quarantineDirectory: "\(output)/quarantine"))
query.progressHandler = { print($0.summary) }
try await query.run()

let late = query.recentProgress.reduce(0) { $0 + $1.stateOperators.reduce(0) { $0 + $1.numRowsDroppedByWatermark } }
print("ClickWindows: \(closed.count) windows closed, \(late) late row(s) dropped, "
    + "\(query.quarantine.count) malformed line(s) quarantined; Parquet in \(output)/click_windows")

// What Spark's rules give for data/, worked out by hand in README.md.
let expected = [
    #"{"minute":"2024-01-01T10:00:00Z","user":"ana","clicks":3,"pages":2}"#,
    #"{"minute":"2024-01-01T10:00:00Z","user":"bo","clicks":1,"pages":1}"#,
    #"{"minute":"2024-01-01T10:01:00Z","user":"bo","clicks":1,"pages":1}"#,
    #"{"minute":"2024-01-01T10:01:00Z","user":"cy","clicks":1,"pages":1}"#,
    #"{"minute":"2024-01-01T10:02:00Z","user":"bo","clicks":1,"pages":1}"#,
    #"{"minute":"2024-01-01T10:03:00Z","user":"cy","clicks":1,"pages":1}"#,
    #"{"minute":"2024-01-01T10:04:00Z","user":"ana","clicks":1,"pages":1}"#,
]
if input == "data", closed.sorted() != expected.sorted() || late != 1 || query.quarantine.count != 1 {
    print("ClickWindows: unexpected result; expected the windows\n" + expected.joined(separator: "\n"))
    exit(1)
}
