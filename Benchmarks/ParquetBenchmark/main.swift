// Parquet write and read throughput on a predictions-shaped table of 1M rows (snappy).
//
//     swift run -c release ParquetBenchmark [rows]
//
// Prints rows/s and MB/s (of the in-memory column data and of the file), and, when python3
// with pyarrow is available, pyarrow's write time for the same table in the same run.
import Columnar
import Foundation
import Parquet

let rows = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1_000_000 : 1_000_000
let schema = Schema([
    Field("customer_id", .string, nullable: false),
    Field("state", .string),
    Field("event_time", .timestamp),
    Field("top_up_amount", .double),
    Field("probability", .double),
    Field("prediction", .int),
    Field("batch_id", .long, nullable: false),
])
let states = ["KARNATAKA", "MAHARASHTRA", "WEST BENGAL", "TAMIL NADU", "GUJARAT", "PUNJAB", "BIHAR", "ORISSA"]
var builders = schema.fields.map { ColumnBuilder(type: $0.type, capacity: rows) }
var seed: UInt64 = 7
for i in 0..<rows {
    seed = seed &* 6364136223846793005 &+ 1442695040888963407
    builders[0].append("CUST\(100_000 + i)")
    if i % 50 == 0 { builders[1].appendNull() } else { builders[1].append(states[Int(seed >> 60) % states.count]) }
    builders[2].append(Int64(1_700_000_000_000_000) + Int64(i) * 1_000_000)
    builders[3].append(Double(seed >> 44) / 100)
    builders[4].append(Double(seed >> 11) / Double(1 << 53))
    builders[5].append(Int32(seed >> 63))
    builders[6].append(Int64(i / 10_000))
}
let batch = RecordBatch(trusted: schema, columns: builders.indices.map { builders[$0].finish() }, rowCount: rows)
let dataBytes = batch.columns.reduce(0) { total, column in
    switch column.storage {
    case .utf8(let b): total + b.bytes.count + 4 * b.offsets.count
    case .int32: total + 4 * column.count
    case .boolean: total + column.count
    default: total + 8 * column.count
    }
}

let path = NSTemporaryDirectory() + "s360-parquet-bench-\(getpid()).parquet"
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

var writeTime = Double.infinity
var readTime = Double.infinity
for _ in 0..<3 {
    writeTime = min(writeTime, try seconds {
        let writer = try ParquetWriter(path: path, schema: schema)
        try writer.write(batch)
        try writer.close()
    })
}
for _ in 0..<3 {
    readTime = min(readTime, try seconds {
        let read = try readParquet(path: path)
        precondition(read.rowCount == rows, "read \(read.rowCount) rows")
    })
}
let fileBytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
let mb = Double(dataBytes) / 1e6
print("rows: \(rows), column data: \(String(format: "%.1f", mb)) MB, file (snappy): \(String(format: "%.1f", Double(fileBytes) / 1e6)) MB")
print(String(format: "Stream360 write: %.3f s  %.0f rows/s  %.1f MB/s", writeTime, Double(rows) / writeTime, mb / writeTime))
print(String(format: "Stream360 read:  %.3f s  %.0f rows/s  %.1f MB/s", readTime, Double(rows) / readTime, mb / readTime))
fflush(nil)

let python = Process()
python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
python.arguments = ["python3", "-c", """
import sys, time, os
import pyarrow.parquet as pq
t = pq.read_table(sys.argv[1])
best = 1e9
for _ in range(3):
    s = time.perf_counter(); pq.write_table(t, sys.argv[1] + ".pa", compression="snappy"); best = min(best, time.perf_counter() - s)
rbest = 1e9
for _ in range(3):
    s = time.perf_counter(); pq.read_table(sys.argv[1] + ".pa"); rbest = min(rbest, time.perf_counter() - s)
n = t.num_rows; mb = float(sys.argv[2]) / 1e6
print(f"pyarrow write:   {best:.3f} s  {n / best:.0f} rows/s  {mb / best:.1f} MB/s")
print(f"pyarrow read:    {rbest:.3f} s  {n / rbest:.0f} rows/s  {mb / rbest:.1f} MB/s")
os.remove(sys.argv[1] + ".pa")
""", path, String(dataBytes)]
do {
    try python.run()
    python.waitUntilExit()
} catch {
    print("pyarrow comparison skipped: \(error)")
}
try? FileManager.default.removeItem(atPath: path)
