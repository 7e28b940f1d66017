// Throughput of JSONRecordDecoder over JSON-lines files (one message per line).
//
//   swift run -c release JSONIngestBenchmark FILE…
//
// The files are read once, split into lines, and decoded repeatedly until at least 100 MB
// have gone through; every pass ends with `finish()` so batches are built as in production.
// The schema is every top-level key of the first record as a string, except `ts` (timestamp).
import Columnar
import Foundation
import JSONIngest

let arguments = Array(CommandLine.arguments.dropFirst())
guard !arguments.isEmpty else {
    print("usage: JSONIngestBenchmark FILE…")
    exit(2)
}
var messages: [[UInt8]] = []
for path in arguments {
    guard let data = FileManager.default.contents(atPath: path) else {
        print("cannot read \(path)")
        exit(1)
    }
    for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
        messages.append(Array(line))
    }
}
guard let first = messages.first,
      let parsed = try? JSONSerialization.jsonObject(with: Data(first)) as? [[String: Any]],
      let record = parsed.first else {
    print("the first line is not a JSON array of objects")
    exit(1)
}
// Key order from the text itself (JSONSerialization's dictionaries are unordered).
let keys = record.keys.sorted {
    (String(decoding: first, as: UTF8.self).range(of: "\"\($0)\":")?.lowerBound.utf16Offset(in: String(decoding: first, as: UTF8.self)) ?? 0)
        < (String(decoding: first, as: UTF8.self).range(of: "\"\($1)\":")?.lowerBound.utf16Offset(in: String(decoding: first, as: UTF8.self)) ?? 0)
}
let schema = Schema(keys.map { Field($0, $0 == "ts" ? .timestamp : .string) })
let bytesPerPass = messages.reduce(0) { $0 + $1.count }
let passes = max(1, (100_000_000 + bytesPerPass - 1) / bytesPerPass)

var decoder = JSONRecordDecoder(schema: schema, source: "benchmark", capacity: 16_384)
var rows = 0
var checksum = 0
// Warm-up pass.
for message in messages { _ = decoder.decode(message: message, position: .memory(index: 0)) }
_ = decoder.finish()

let clock = ContinuousClock()
let elapsed = clock.measure {
    for _ in 0..<passes {
        for message in messages {
            message.withUnsafeBytes { _ = decoder.decode(message: $0, position: .memory(index: 0)) }
        }
        let batch = decoder.finish()
        rows += batch.rowCount
        checksum &+= batch.columns.count
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let megabytes = Double(bytesPerPass * passes) / 1_000_000
print("""
    \(messages.count) messages, \(bytesPerPass) bytes per pass, \(passes) passes, \(schema.count) fields
    \(String(format: "%.1f", megabytes)) MB in \(String(format: "%.3f", seconds)) s: \
    \(String(format: "%.0f", megabytes / seconds)) MB/s, \(String(format: "%.2f", Double(rows) / seconds / 1e6)) M records/s \
    (\(rows) records, quarantined \(decoder.quarantine.count), checksum \(checksum))
    """)
