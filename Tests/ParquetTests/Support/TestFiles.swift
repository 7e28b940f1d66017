import Foundation
import Columnar

/// Paths for tests: a fresh temporary directory per test and the shared fixtures.
enum TestFiles {
    /// A new empty directory under the system temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "s360-parquet-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `../shared/fixtures`, found from this file's location (Tests/ParquetTests/Support).
    static func fixtures() -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("../shared/fixtures").standardizedFileURL.path
    }

    /// A batch of every writable type with nulls in each nullable column, `rows` rows long.
    static func everyTypeBatch(rows: Int, seed: Int = 0) -> RecordBatch {
        let schema = Schema([
            Field("id", .long, nullable: false),
            Field("count", .int),
            Field("amount", .double),
            Field("flag", .boolean),
            Field("state", .string),
            Field("event_time", .timestamp),
            Field("note", .string),
        ])
        var builders = schema.fields.map { ColumnBuilder(type: $0.type, capacity: rows) }
        let states = ["KA", "MAHARASHTRA", "WEST BENGAL", "Tamil Nadu", "héllo wörld", "", "quote\"back\\slash\nnewline"]
        for i in 0..<rows {
            let k = i + seed
            builders[0].append(Int64(k) * 1_000_003 - 500)
            if k % 7 == 3 { builders[1].appendNull() } else { builders[1].append(Int32(truncatingIfNeeded: k * 37 - 1000)) }
            if k % 5 == 1 { builders[2].appendNull() } else { builders[2].append(Double(k) * 0.1 - 3.25) }
            if k % 11 == 2 { builders[3].appendNull() } else { builders[3].append(k % 3 == 0) }
            if k % 9 == 4 { builders[4].appendNull() } else { builders[4].append(states[k % states.count]) }
            if k % 6 == 5 { builders[5].appendNull() } else { builders[5].append(Int64(1_700_000_000_000_000) + Int64(k) * 1_234_567) }
            if k % 4 == 0 { builders[6].appendNull() } else { builders[6].append("note-\(k)") }
        }
        return RecordBatch(trusted: schema, columns: builders.indices.map { builders[$0].finish() }, rowCount: rows)
    }
}
