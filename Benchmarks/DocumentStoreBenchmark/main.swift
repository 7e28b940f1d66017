// Bulk-saves documents to each document-store backend and prints documents per second.
//
//   swift run -c release DocumentStoreBenchmark [--count N] [URL …]
//
// With no URL it measures a fresh SQLite file under /tmp and, when one is running, the
// PostgreSQL test server (STREAM360_POSTGRES_URL, else out/postgres-test/url written by
// scripts/postgres-test-server.sh start). Each backend gets a new table: one bulk insert of N
// CRM-like documents (~230 bytes each, sparse extras on some), one bulk upsert of all N, one
// bulk merge of a score into all N, and a scan of the table into a RecordBatch.
import Columnar
import DocumentStore
import Foundation

var count = 100_000
var urls: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--count", let value = arguments.popFirst().flatMap({ Int($0) }) {
        count = value
    } else {
        urls.append(argument)
    }
}
if urls.isEmpty {
    urls.append("sqlite:/tmp/stream360-bench-\(ProcessInfo.processInfo.processIdentifier).db")
    if let url = ProcessInfo.processInfo.environment["STREAM360_POSTGRES_URL"] {
        urls.append(url)
    } else if let url = try? String(contentsOfFile: "out/postgres-test/url", encoding: .utf8) {
        urls.append(url.trimmingCharacters(in: .whitespacesAndNewlines))
    } else {
        print("no PostgreSQL server (start one with scripts/postgres-test-server.sh start); measuring SQLite only")
    }
}

func customers(_ n: Int) -> [Document] {
    let states = ["MH", "KA", "DL", "TN", "GJ", "WB"]
    return (0..<n).map { i in
        var json = #"{"user_id":"user-\#(i)","name":"Customer \#(i)","address":"\#(i) MG Road, Pune","#
        json += #""first_visit":"2024-0\#(i % 9 + 1)-1\#(i % 10)","zip":"4110\#(i % 100)","state":"\#(states[i % states.count])","#
        json += #""sentiment":\#(Double(i % 200) / 100 - 1),"persona":"saver","churn_risk":\#(i % 40)"#
        if i % 3 == 0 { json += #","twitter":"@cust\#(i)","loyalty_tier":"gold""# }
        return Document(json: json + "}")
    }
}

func measure(_ label: String, _ n: Int, _ body: () throws -> Void) rethrows {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("  \(label): \(n) documents in \(String(format: "%.3f", seconds)) s = \(Int(Double(n) / seconds)) documents/s")
}

let documents = customers(count)
let patches = (0..<count).map { Document(json: #"{"user_id":"user-\#($0)","churn_probability":0.\#($0 % 97)}"#) }
for url in urls {
    do {
        let store = try DocumentStoreURL(url).open()
        defer { store.close() }
        print("\(store.url)")
        let name = "bench_\(ProcessInfo.processInfo.processIdentifier)"
        try store.dropTable(name)
        let table = try store.createTable(name, idField: "user_id")
        try measure("bulk insert", count) { try table.insert(documents) }
        try measure("bulk upsert", count) { try table.upsert(documents) }
        try measure("bulk merge ", count) { try table.merge(patches) }
        try measure("read lines ", count) { _ = try table.jsonLines() }
        try measure("scan       ", count) { _ = try table.scan() }
        let schema = try table.scan().schema
        try measure("scan schema", count) { _ = try table.scan(schema: schema) }
        try store.dropTable(name)
    } catch {
        print("  failed: \(error)")
    }
}
if urls.first?.hasPrefix("sqlite:/tmp/stream360-bench-") == true, let path = urls.first?.dropFirst("sqlite:".count) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: String(path) + suffix) }
}
