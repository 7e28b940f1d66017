import Foundation
import Columnar
import StreamPlan
import StreamSQL

/// The query corpus (Corpus/queries.sql) and its tables, in the format scripts/oracles/sql_corpus.py reads.
struct SQLCorpus {
    struct Entry {
        var name: String
        var engines: [String] = ["spark"]
        var ordered = false
        /// When set, Stream360 must refuse the query with an error containing this text.
        var unsupported: String?
        var sql = ""
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var queriesPath: String { directory.appendingPathComponent("queries.sql").path }
    static var tablesPath: String { directory.appendingPathComponent("tables").path }

    static func entries() throws -> [Entry] {
        let text = try String(contentsOfFile: queriesPath, encoding: .utf8)
        var entries: [Entry] = []
        var inHeader = false
        var sql: [String] = []
        func close() {
            guard !entries.isEmpty else { return }
            var s = sql.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if s.hasSuffix(";") { s.removeLast() }
            entries[entries.count - 1].sql = s.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("-- name:") {
                close()
                sql = []
                entries.append(Entry(name: line.dropFirst("-- name:".count).trimmingCharacters(in: .whitespaces)))
                inHeader = true
                continue
            }
            guard !entries.isEmpty else { continue }
            if inHeader {
                if line.hasPrefix("-- engines:") {
                    entries[entries.count - 1].engines = line.dropFirst("-- engines:".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    continue
                }
                if line.hasPrefix("-- ordered") {
                    entries[entries.count - 1].ordered = true
                    continue
                }
                if line.hasPrefix("-- unsupported:") {
                    entries[entries.count - 1].unsupported = line.dropFirst("-- unsupported:".count).trimmingCharacters(in: .whitespaces)
                    continue
                }
                inHeader = false
            }
            sql.append(line)
        }
        close()
        return entries
    }

    /// A session over the corpus tables, read as `spark.read.json` reads them.
    static func session() throws -> SQLSession {
        var catalog = SQLCatalog()
        for name in try FileManager.default.contentsOfDirectory(atPath: tablesPath).sorted() where name.hasSuffix(".jsonl") {
            let batch = try JSONLinesTable.read(tablesPath + "/" + name)
            catalog.register(String(name.dropLast(".jsonl".count)), try DataFrame.table(batch))
        }
        return SQLSession(catalog: catalog)
    }
}

/// A result value in the oracle's canonical form.
indirect enum CorpusValue: Equatable, CustomStringConvertible {
    case null
    case boolean(Bool)
    case number(Double)
    case string(String)
    case timestamp(Int64)
    case special(String)
    case list([CorpusValue])

    init(_ scalar: Scalar) {
        switch scalar {
        case .null: self = .null
        case .boolean(let b): self = .boolean(b)
        case .int(let v): self = .number(Double(v))
        case .long(let v): self = .number(Double(v))
        case .double(let v):
            self = v.isNaN ? .special("NaN") : v.isInfinite ? .special(v > 0 ? "Infinity" : "-Infinity") : .number(v)
        case .string(let s): self = .string(s)
        case .timestamp(let t): self = .timestamp(t)
        case .array(let items), .structure(let items): self = .list(items.map(CorpusValue.init))
        }
    }

    init(json: Any) {
        switch json {
        case is NSNull: self = .null
        case let d as [String: Any]:
            if let t = d["ts"] as? NSNumber {
                self = .timestamp(t.int64Value)
            } else if let b = d["b"] as? NSNumber {
                self = .boolean(b.boolValue)
            } else {
                self = .special(d["double"] as? String ?? "?")
            }
        case let a as [Any]: self = .list(a.map(CorpusValue.init(json:)))
        case let s as String: self = .string(s)
        case let n as NSNumber: self = .number(n.doubleValue)
        default: self = .special("\(json)")
        }
    }

    /// Equal, numbers within a relative 1e-9.
    func matches(_ other: CorpusValue) -> Bool {
        switch (self, other) {
        case (.number(let a), .number(let b)): return a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
        case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.matches($1) }
        default: return self == other
        }
    }

    /// A sort key (numbers rounded to 9 significant digits so tolerance-equal rows sort together).
    var sortKey: String {
        switch self {
        case .null: "0"
        case .boolean(let b): "1\(b)"
        case .number(let d): "2" + String(format: "%.9e", d)
        case .string(let s): "3" + s
        case .timestamp(let t): "4\(t)"
        case .special(let s): "5" + s
        case .list(let items): "6[" + items.map(\.sortKey).joined(separator: ",") + "]"
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .boolean(let b): "\(b)"
        case .number(let d): "\(d)"
        case .string(let s): "\"\(s)\""
        case .timestamp(let t): "ts(\(t))"
        case .special(let s): s
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }
}
