import StreamTesting
import Foundation
import Testing
import Columnar
@testable import StreamSQL

/// Every corpus query runs through SQLSession and through PySpark 4.3.0 (and DuckDB where the
/// entry says so), with the same rows. Expected-unsupported entries must be refused with
/// their stated reason, never skipped. Run alone:
/// `swift test --skip-build --disable-xctest --filter StreamSQLCorpusTests`.
@Suite struct StreamSQLCorpusTests {
    @Test func corpusMatchesSparkAndDuckDB() async throws {
        let entries = try SQLCorpus.entries()
        #expect(entries.count >= 60, "the corpus should hold at least 60 queries")
        let oracle = try await BlockingWork.run { try SQLCorpusOracle.results.get() }
        let session = try SQLCorpus.session()
        var failures: [String] = []
        var passed: [String: Int] = [:]
        var compared: [String: Int] = [:]
        for entry in entries {
            if let reason = entry.unsupported {
                do {
                    let batch = try session.run(entry.sql)
                    failures.append("\(entry.name): listed as unsupported (\(reason)) but ran, giving \(batch.rowCount) rows")
                } catch {
                    if error.kind != .unsupported || !error.message.lowercased().contains(reason.lowercased()) {
                        failures.append("\(entry.name): expected a 'not supported' error mentioning '\(reason)', got: \(error)")
                    }
                }
                continue
            }
            let ours: [[CorpusValue]]
            do {
                let batch = try session.run(entry.sql)
                ours = (0..<batch.rowCount).map { batch.row($0).map(CorpusValue.init) }
            } catch {
                failures.append("\(entry.name): Stream360 failed: \(error)")
                continue
            }
            for engine in entry.engines {
                compared[engine, default: 0] += 1
                guard let expected = oracle[entry.name]?[engine] else {
                    failures.append("\(entry.name): no \(engine) result from the oracle")
                    continue
                }
                switch expected {
                case .failure(let error):
                    failures.append("\(entry.name): \(engine) failed: \(error)")
                case .success(let rows):
                    if let problem = Self.difference(ours, rows, ordered: entry.ordered) {
                        failures.append("\(entry.name) vs \(engine): \(problem)")
                    } else {
                        passed[engine, default: 0] += 1
                    }
                }
            }
        }
        let summary = compared.keys.sorted().map { "\($0) \(passed[$0] ?? 0)/\(compared[$0] ?? 0)" }.joined(separator: ", ")
        print("StreamSQL corpus: \(entries.count) queries (\(entries.filter { $0.unsupported != nil }.count) expected-unsupported); matching \(summary)")
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) corpus failures:\n" + failures.joined(separator: "\n")))
    }

    /// Nil when equal (as multisets unless `ordered`), else what differs.
    static func difference(_ ours: [[CorpusValue]], _ theirs: [[CorpusValue]], ordered: Bool) -> String? {
        func key(_ row: [CorpusValue]) -> String { row.map(\.sortKey).joined(separator: "|") }
        let a = ordered ? ours : ours.sorted { key($0) < key($1) }
        let b = ordered ? theirs : theirs.sorted { key($0) < key($1) }
        guard a.count == b.count else {
            return "\(a.count) rows, expected \(b.count)\n  ours:     \(a.prefix(12))\n  expected: \(b.prefix(12))"
        }
        for (x, y) in zip(a, b) where x.count != y.count || !zip(x, y).allSatisfy({ $0.matches($1) }) {
            return "row \(x) where expected \(y)\n  ours:     \(a.prefix(12))\n  expected: \(b.prefix(12))"
        }
        return nil
    }
}
