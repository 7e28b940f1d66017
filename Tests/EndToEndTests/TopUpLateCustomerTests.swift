import Columnar
import Connectors
import Customer360
import Foundation
import StreamExecution
import Testing

/// Issue 15's repro: a customer record at or before the previous batch's watermark is dropped
/// by the join, as Spark's stream-stream join drops it. PySpark 4.3.0 on these files (the seed's
/// join, maxFilesPerTrigger 1, watermark 5 s on both streams, 30 s windows) joins IDs 2 and 4
/// and reports numRowsDroppedByWatermark 1 on symmetricHashJoin in batch 2.
@Suite struct TopUpLateCustomerTests {
    /// Writes `files` (one text each) into `directory` with modification times in name order.
    static func write(_ files: [String], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (index, text) in files.enumerated() {
            let file = directory.appendingPathComponent(String(format: "part-%05d.jsonl", index))
            try Data((text + "\n").utf8).write(to: file)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000 + Double(index))],
                                                  ofItemAtPath: file.path)
        }
    }

    @Test func aLateCustomerIsDroppedAndCountedOnTheJoin() async throws {
        let root = try FixturePaths.temporaryDirectory("late-customer")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write([#"[{"ID":"2","ts":1704067225}]"#, #"[{"ID":"4","ts":1704067226}]"#,
                        "[{\"ID\":\"1\",\"ts\":1704067218}]\n[{\"ID\":\"3\",\"ts\":1704067260}]"],
                       to: root.appendingPathComponent("customer"))
        try Self.write(["[{\"ID\":\"1\",\"ts\":1704067210}]\n[{\"ID\":\"2\",\"ts\":1704067225}]",
                        #"[{"ID":"4","ts":1704067226}]"#, #"[{"ID":"3","ts":1704067260}]"#],
                       to: root.appendingPathComponent("bureau"))
        let pipeline = TopUpPipeline(
            customerSource: try TextFileSource(directory: root.appendingPathComponent("customer").path),
            bureauSource: try TextFileSource(directory: root.appendingPathComponent("bureau").path))
        let sink = MemorySink()
        let query = try StreamingQuery(try pipeline.joined(), sink: sink, configuration: .init(name: "joined", readLimit: .maxFiles(1)))
        try await query.run()

        var ids: [String] = []
        for (_, batch) in sink.batches {
            let column = try batch.column("ID")
            ids += (0..<batch.rowCount).map { column.strings.string($0) }
        }
        #expect(ids.sorted() == ["2", "4"])
        // Three data batches and one without data (the watermark moved to 55 s), as in Spark.
        let dropped = query.recentProgress.map { progress in
            progress.stateOperators.first { $0.operatorName == "symmetricHashJoin" }?.numRowsDroppedByWatermark
        }
        #expect(dropped == [0, 0, 1, 0])
    }
}
