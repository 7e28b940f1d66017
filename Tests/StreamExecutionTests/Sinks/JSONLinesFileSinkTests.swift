import Columnar
import Connectors
import Foundation
import Testing

/// `JSONLinesFileSink`: batches appended as they arrive, idempotent by batch id, resumable.
@Suite struct JSONLinesFileSinkTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("s360-jsonl-sink-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func batch(_ ids: [Int64]) throws -> RecordBatch {
        try RecordBatch(schema: Schema([Field("id", .long)]), columns: [Column(.long, ids.map { Scalar.long($0) })],
                        rowCount: ids.count)
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func batchesAreAppendedAsTheyArrive() throws {
        let path = directory + "/out.jsonl"
        let sink = try JSONLinesFileSink(path: path)
        try sink.resume(at: 0)
        #expect(try lines(path).isEmpty)
        try sink.addBatch(0, try batch([1, 2]))
        #expect(try lines(path) == [#"{"id":1}"#, #"{"id":2}"#])
        try sink.addBatch(1, try batch([3]))
        #expect(try lines(path) == [#"{"id":1}"#, #"{"id":2}"#, #"{"id":3}"#])
        #expect(sink.rowsWritten == 3)
    }

    @Test func aRerunBatchReplacesItsEarlierAttempt() throws {
        let path = directory + "/out.jsonl"
        let sink = try JSONLinesFileSink(path: path)
        try sink.addBatch(0, try batch([1]))
        try sink.addBatch(1, try batch([2, 3]))
        try sink.addBatch(1, try batch([2, 3]))
        #expect(try lines(path) == [#"{"id":1}"#, #"{"id":2}"#, #"{"id":3}"#])
        #expect(sink.rowsWritten == 3)
    }

    @Test func aNewProcessResumingAtABatchKeepsOnlyTheBatchesBeforeIt() throws {
        let path = directory + "/out.jsonl"
        let first = try JSONLinesFileSink(path: path)
        for id in Int64(0)..<3 { try first.addBatch(id, try batch([id * 10, id * 10 + 1])) }
        // A restart whose checkpoint committed batches 0 and 1: batch 2 runs again.
        let second = try JSONLinesFileSink(path: path)
        #expect(try second.resume(at: 2) == 1)
        #expect(try lines(path) == [#"{"id":0}"#, #"{"id":1}"#, #"{"id":10}"#, #"{"id":11}"#])
        try second.addBatch(2, try batch([20, 21]))
        try second.addBatch(3, try batch([30]))
        #expect(try lines(path).count == 7)
        // A run from batch 0 (no checkpoint) starts the file afresh.
        let third = try JSONLinesFileSink(path: path)
        #expect(try third.resume(at: 0) == nil)
        #expect(try lines(path).isEmpty)
    }

    @Test func rowsAndAnIndexLineTornByACrashAreCutBack() throws {
        let path = directory + "/out.jsonl"
        let sink = try JSONLinesFileSink(path: path)
        try sink.addBatch(0, try batch([1]))
        // Batch 1 crashed halfway: half a row in the file, half an index line.
        let file = try #require(FileHandle(forWritingAtPath: path))
        file.seekToEndOfFile()
        file.write(Data(#"{"id":"#.utf8))
        try file.close()
        let index = try #require(FileHandle(forWritingAtPath: sink.indexPath))
        index.seekToEndOfFile()
        index.write(Data("1 1".utf8))
        try index.close()

        let restarted = try JSONLinesFileSink(path: path)
        #expect(restarted.batches.map(\.batchId) == [0])
        try restarted.resume(at: 1)
        #expect(try lines(path) == [#"{"id":1}"#])
        try restarted.addBatch(1, try batch([2]))
        #expect(try lines(path) == [#"{"id":1}"#, #"{"id":2}"#])
        #expect(try String(contentsOfFile: sink.indexPath, encoding: .utf8) == "0 9\n1 18\n")
    }

    @Test func anIndexThatIsNotOneIsRefusedWithItsLine() throws {
        let path = directory + "/out.jsonl"
        try "0 10\nbanana\n".write(toFile: directory + "/.out.jsonl.batches", atomically: true, encoding: .utf8)
        #expect {
            _ = try JSONLinesFileSink(path: path)
        } throws: { error in
            "\(error)".contains("line 2") && "\(error)".contains("banana")
        }
    }
}
