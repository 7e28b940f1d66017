import Columnar
import Foundation
import JSONIngest
import StreamExecution
import StreamPlan
import StreamTesting
import Testing

/// A query that meets many malformed messages keeps only the latest few in memory, while its
/// counts stay exact and the on-disk quarantine gets every one of them.
@Suite struct QuarantineRetentionTests {
    let directory = NSTemporaryDirectory() + "s360-quarantine-" + UUID().uuidString

    @Test func manyMalformedMessagesAreCountedAndWrittenButFewAreKept() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = MemorySource.messages()
        let frame = try DataFrame.readStream(source).parseJSON(column: "value", schema: Schema([Field("ID", .string)]))
        let scenario = try StreamScenario(frame, configuration: .init(
            readLimit: .maxFiles(1), quarantineDirectory: directory, quarantineRetained: 5))
        // Three batches of 400 messages, one in four good.
        for batch in 0..<3 {
            source.addMessages((0..<400).map { $0 % 4 == 0 ? #"{"ID":"\#(batch)-\#($0)"}"# : "garbage \(batch)-\($0)" })
        }
        let rows = try scenario.runUntilIdle()
        #expect(rows.count == 300)
        #expect(scenario.query.recentProgress.map(\.numQuarantinedMessages) == [300, 300, 300])
        #expect(scenario.query.quarantine.count == 900)
        // Only the latest five stay in memory, oldest first.
        let kept = scenario.query.quarantine.messages.map { String(decoding: $0.messagePrefix, as: UTF8.self) }
        #expect(kept == ["garbage 2-394", "garbage 2-395", "garbage 2-397", "garbage 2-398", "garbage 2-399"])
        // Every one of them is on disk, one line each.
        var written = 0
        for batch in 0..<3 {
            let text = try String(contentsOfFile: "\(directory)/batch-\(batch).jsonl", encoding: .utf8)
            written += text.split(separator: "\n").count
        }
        #expect(written == 900)
    }
}
