// The engine's stateful operators alone, in release, on columnar batches built in memory:
//   swift run -c release OperatorBenchmark [--scale F]
//
// No JSON, no files: each case feeds pre-built record batches through a MemorySource into a
// streaming query (watermark → operator → a sink that only counts rows), so the time is the
// operator's (plus the micro-batch loop's bookkeeping). Cases:
//   1. window aggregate, 30 s tumbling windows per ID: count and 6 sums;
//   2. the same with the top-up pipeline's 18 approx_count_distinct (HyperLogLog++) as well;
//   3. stream-stream join of windowed group rows with customer rows on ID and ts-in-window,
//      both sides watermarked so that state is evicted as in the top-up pipeline.
// Each case runs three times; the median, minimum and maximum input rows per second are printed,
// with the operator's state rows at the end and the process's peak resident memory.
// --scale multiplies the row counts (default 1: about 2 M rows per aggregation case, 1.2 M per join).
#if canImport(Glibc)
import Glibc
#endif
import Columnar
import Connectors
import DataGenerator
import Expressions
import StreamExecution
import StreamOperators
import StreamPlan
import StreamTesting

extension SeededRandom {
    /// A value in `0 ..< n`.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

let microsPerSecond: Int64 = 1_000_000
var scale = 1.0
if let index = CommandLine.arguments.firstIndex(of: "--scale"), index + 1 < CommandLine.arguments.count,
   let value = Double(CommandLine.arguments[index + 1]), value > 0 {
    scale = value
}

// MARK: - Inputs

/// Bureau-like rows: ID, ts, 6 int amounts, 18 low-cardinality string columns. Each batch covers
/// `secondsPerBatch` of event time; IDs come from a pool of `customers`.
func bureauBatches(batches: Int, rowsPerBatch: Int, customers: Int, secondsPerBatch: Int64) -> (Schema, [RecordBatch]) {
    let amountNames = (0..<6).map { "amount\($0)" }
    let textNames = (0..<18).map { "text\($0)" }
    let schema = Schema([Field("ID", .string), Field("ts", .timestamp)]
        + amountNames.map { Field($0, .int) } + textNames.map { Field($0, .string) })
    let vocabulary = (0..<12).map { "value-\($0)" }
    let ids = (0..<customers).map { String(100_000 + $0) }
    var random = SeededRandom(seed: 42)
    var result: [RecordBatch] = []
    for batch in 0..<batches {
        let start = Int64(batch) * secondsPerBatch * microsPerSecond
        var id: [String?] = [], ts: [Int64?] = []
        var amounts = Array(repeating: [Int32?](), count: 6)
        var texts = Array(repeating: [String?](), count: 18)
        for _ in 0..<rowsPerBatch {
            id.append(ids[random.below(customers)])
            ts.append(start + Int64(random.below(Int(secondsPerBatch * microsPerSecond))))
            for k in 0..<6 { amounts[k].append(random.below(10) == 0 ? nil : Int32(random.below(200_000))) }
            for k in 0..<18 { texts[k].append(vocabulary[random.below(vocabulary.count)]) }
        }
        let columns = [Column.strings(id), .timestamps(ts)] + amounts.map { Column.ints($0) } + texts.map { Column.strings($0) }
        result.append(RecordBatch(trusted: schema, columns: columns, rowCount: rowsPerBatch))
    }
    return (schema, result)
}

/// Group rows (ID, window_start, window_end, 24 doubles), one per customer and 30 s window, in
/// the batch after the window closed; and customer rows (ID2, ts, 20 doubles, 5 strings), each
/// customer's event at a time inside one of its windows.
func joinBatches(batches: Int, customersPerWindow: Int) -> (left: (Schema, [RecordBatch]), right: (Schema, [RecordBatch])) {
    let windowMicros = 30 * microsPerSecond
    let leftSchema = Schema([Field("ID", .string), Field("window_start", .timestamp), Field("window_end", .timestamp)]
        + (0..<24).map { Field("metric\($0)", .double) })
    let rightSchema = Schema([Field("ID2", .string), Field("ts", .timestamp)]
        + (0..<20).map { Field("feature\($0)", .double) } + (0..<5).map { Field("label\($0)", .string) })
    var random = SeededRandom(seed: 7)
    var left: [RecordBatch] = [], right: [RecordBatch] = []
    for batch in 0..<batches {
        let windowStart = Int64(batch) * windowMicros
        // Customers of this window: a sliding range of IDs, so keys recur across windows.
        let firstID = batch * customersPerWindow / 2
        var id: [String?] = [], starts: [Int64?] = [], ends: [Int64?] = []
        var metrics = Array(repeating: [Double?](), count: 24)
        var id2: [String?] = [], ts: [Int64?] = []
        var features = Array(repeating: [Double?](), count: 20)
        var labels = Array(repeating: [String?](), count: 5)
        for k in 0..<customersPerWindow {
            let name = String(100_000 + firstID + k)
            id.append(name)
            starts.append(windowStart)
            ends.append(windowStart + windowMicros)
            for m in 0..<24 { metrics[m].append(Double(random.below(1_000_000)) / 100) }
            id2.append(name)
            ts.append(windowStart + Int64(random.below(Int(windowMicros))))
            for f in 0..<20 { features[f].append(Double(random.below(1_000_000)) / 100) }
            for l in 0..<5 { labels[l].append("label-\(random.below(8))") }
        }
        left.append(RecordBatch(
            trusted: leftSchema,
            columns: [.strings(id), .timestamps(starts), .timestamps(ends)] + metrics.map { Column.doubles($0) },
            rowCount: customersPerWindow))
        right.append(RecordBatch(
            trusted: rightSchema,
            columns: [.strings(id2), .timestamps(ts)] + features.map { Column.doubles($0) } + labels.map { Column.strings($0) },
            rowCount: customersPerWindow))
    }
    return ((leftSchema, left), (rightSchema, right))
}

// MARK: - Running

struct Measurement {
    var seconds: Double
    var outputRows: Int
    var batches: Int64
    var stateRows: Int
}

/// Feeds `inputs` (one list of batches per source) through the query `build` makes, one batch
/// of each source per micro-batch, and times the whole run.
func measure(_ inputs: [(Schema, [RecordBatch])], _ build: ([DataFrame]) throws -> DataFrame) async throws -> Measurement {
    let sources = inputs.map { MemorySource(schema: $0.0) }
    for (source, input) in zip(sources, inputs) { for batch in input.1 { source.addData(batch) } }
    var outputRows = 0
    let sink = ForeachBatchSink(name: "count") { _, batch in outputRows += batch.rowCount }
    let frames = try sources.map { try DataFrame.readStream($0) }
    let query = try StreamingQuery(try build(frames), sink: sink,
                                   configuration: .init(name: "bench", trigger: .availableNow, readLimit: .maxFiles(1)))
    let clock = ContinuousClock()
    let started = clock.now
    try await query.run()
    let elapsed = started.duration(to: clock.now).components
    let stateRows = query.recentProgress.last?.stateOperators.reduce(0) { $0 + $1.numRowsTotal } ?? 0
    return Measurement(seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18,
                       outputRows: outputRows, batches: query.nextBatchId, stateRows: stateRows)
}

func peakResidentMiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) / 1024
}

func report(_ name: String, inputRows: Int, runs: [Measurement]) {
    let rates = runs.map { Double(inputRows) / $0.seconds }.sorted()
    func f(_ x: Double) -> String { String(Int(x.rounded())) }
    let last = runs[runs.count - 1]
    print(name + String(repeating: " ", count: max(1, 48 - name.count))
        + "\(f(rates[rates.count / 2])) rows/s (min \(f(rates[0])), max \(f(rates[rates.count - 1])))"
        + "; \(inputRows) rows in \(last.batches) batches → \(last.outputRows) rows, state \(last.stateRows) rows")
}

let runs = 3
let aggregateBatches = Int(40 * scale)
let (bureauSchema, bureau) = bureauBatches(batches: aggregateBatches, rowsPerBatch: 50_000, customers: 20_000, secondsPerBatch: 10)
let bureauRows = bureau.reduce(0) { $0 + $1.rowCount }
print("operator benchmark (release build expected), \(runs) runs each")

let sums = (0..<6).map { Aggregation(.sum, "amount\($0)", as: "amount\($0)_sum") }
let distincts = (0..<18).map { Aggregation(.approxCountDistinct(relativeSD: 0.05), "text\($0)", as: "text\($0)_dist") }
for (name, aggregations) in [
    ("window aggregate: count + 6 sums", [Aggregation(.countAll, "*", as: "records")] + sums),
    ("window aggregate: 6 sums + 18 approx distinct", sums + distincts),
] {
    var measured: [Measurement] = []
    for _ in 0..<runs {
        measured.append(try await measure([(bureauSchema, bureau)]) { frames in
            try frames[0].withWatermark("ts", delay: .seconds(5))
                .groupBy(window: DataFrame.window("ts", .seconds(30)), ["ID"], aggregations: aggregations)
        })
    }
    report(name, inputRows: bureauRows, runs: measured)
}

let (groups, customers) = joinBatches(batches: Int(40 * scale), customersPerWindow: 15_000)
let joinRows = groups.1.reduce(0) { $0 + $1.rowCount } + customers.1.reduce(0) { $0 + $1.rowCount }
var joinRuns: [Measurement] = []
for _ in 0..<runs {
    joinRuns.append(try await measure([groups, customers]) { frames in
        let left = try frames[0].withWatermark("window_start", delay: .seconds(5))
        let right = try frames[1].withWatermark("ts", delay: .seconds(5))
        return try left.join(right, on: col("ID2") == col("ID") && col("ts").between(col("window_start"), col("window_end")))
    })
}
report("stream-stream join on ID and ts in window", inputRows: joinRows, runs: joinRuns)
print("peak resident memory: \(peakResidentMiB()) MiB (inputs held in memory included)")
