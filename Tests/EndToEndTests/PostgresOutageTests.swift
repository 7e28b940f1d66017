import Checkpointing
import Columnar
import Connectors
import DocumentStore
import Foundation
import StreamExecution
import StreamPlan
import StreamTesting
import Synchronization
import Testing

/// Issue #6's proof: PostgreSQL stopped in the middle of a streaming query. The batch that
/// meets the outage retries with back-off and commits once the server is back; in the end
/// every document is in the table exactly once and every batch recorded its marker.
///
/// The test runs its own throwaway server (see ``ThrowawayPostgres``) so that it can stop and
/// start it; it is skipped where Debian's PostgreSQL 15 is not installed (`make deps` installs it).
@Suite(.serialized, .enabled(if: ThrowawayPostgres.isInstalled,
                             "PostgreSQL 15 binaries not found in /usr/lib/postgresql/15/bin (apt-get install postgresql-15)"))
struct PostgresOutageTests {
    static let batches = 12
    static let rowsPerBatch = 40
    /// The outage starts right after this batch commits.
    static let lastBatchBeforeOutage: Int64 = 4
    /// The server comes back after this many retries were reported.
    static let retriesDuringOutage = 3
    static let schema = Schema([Field("id", .string), Field("batch", .long), Field("score", .double)])

    static func source() -> MemorySource {
        let source = MemorySource(schema: schema, name: "customers")
        for batch in 0..<batches {
            source.addData(Rows.batch(schema, (0..<rowsPerBatch).map { row in
                [.string("c-\(batch)-\(row)"), .long(Int64(batch)), .double(Double(row) / 100)]
            }))
        }
        return source
    }

    /// `fast` ends the sessions with SQLSTATE 57P01 and shuts down cleanly; `immediate` kills
    /// the server, which recovers from its WAL on the next start.
    @Test(.timeLimit(.minutes(10)), arguments: ["fast", "immediate"])
    func aQueryRidesOutAServerStoppedMidRunWithNothingLostOrDoubled(stopMode: String) async throws {
        let server = try ThrowawayPostgres()
        defer { server.destroy() }
        try server.start()
        let checkpoint = try FixturePaths.temporaryDirectory("pg-outage-checkpoint")
        defer { try? FileManager.default.removeItem(at: checkpoint) }

        let store = try DocumentStoreURL(server.url).open()
        defer { store.close() }
        // Insert mode: a batch written twice would fail on its own documents (duplicate ids),
        // unless its batch marker says it committed already.
        let sink = try store.saveToTable("outage_customers", idField: "id", mode: .insert)
        let configuration = StreamingQueryConfiguration(
            name: "outage", trigger: .availableNow, readLimit: .maxFiles(1), checkpointLocation: checkpoint.path,
            checkpointRetention: 100,
            sinkRetry: RetryPolicy(maxElapsed: .seconds(120), initialBackoff: .milliseconds(100), multiplier: 2,
                                   maxBackoff: .seconds(1)))
        // `run()` alone uses the query; its handlers run on its task and only touch Sendable values.
        nonisolated(unsafe) let query = try StreamingQuery(try DataFrame.readStream(Self.source()), sink: sink,
                                                           configuration: configuration)
        let (retryCounts, reportRetry) = AsyncStream.makeStream(of: Int.self)
        let retryLog = Mutex<[SinkRetry]>([])
        let progress = Mutex<[QueryProgress]>([])
        let stopFailure = Mutex<(any Error)?>(nil)
        query.progressHandler = { batch in
            progress.withLock { $0.append(batch) }
            // Stop the server before the next batch writes: that batch meets the outage.
            if batch.batchId == Self.lastBatchBeforeOutage {
                do { try server.stop(mode: stopMode) } catch { stopFailure.withLock { $0 = error } }
            }
        }
        query.retryHandler = { retry in
            print("[outage] \(retry)")
            reportRetry.yield(retryLog.withLock { log in
                log.append(retry)
                return log.count
            })
        }

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { reportRetry.finish() }
                try await query.run()
            }
            // While the query backs off, bring the server back on the same port, data intact.
            for await count in retryCounts where count == Self.retriesDuringOutage {
                try server.start()
                break
            }
            try await group.waitForAll()
        }
        if let error = stopFailure.withLock({ $0 }) { throw error }
        let reported = retryLog.withLock { $0 }

        // Retries were reported for the batch after the outage began, with growing delays,
        // for errors that declare themselves transient (the lost connection).
        let outageBatch = Self.lastBatchBeforeOutage + 1
        #expect(reported.count >= Self.retriesDuringOutage, "\(server.serverLog)")
        #expect(reported.allSatisfy { $0.batchId == outageBatch })
        #expect(reported.map(\.nextAttempt) == Array(2..<(2 + reported.count)))
        #expect(reported.prefix(3).map(\.delay) == [.milliseconds(100), .milliseconds(200), .milliseconds(400)])
        #expect(reported.allSatisfy { ($0.error as? DocumentStoreError)?.isTransient == true }, "\(reported.map(\.error))")

        // Every batch committed once, in order; the outage batch counted its retries.
        let batches = progress.withLock { $0 }
        #expect(batches.map(\.batchId) == Array(0..<Int64(Self.batches)))
        #expect(batches.first { $0.batchId == outageBatch }?.numSinkRetries == reported.count)
        #expect(try CheckpointDirectory(checkpoint.path).commits.batchIds() == Array(0..<Int64(Self.batches)))

        // Every document exactly once, read through a fresh connection to the restarted server.
        let check = try DocumentStoreURL(server.url).open()
        defer { check.close() }
        let table = try check.openTable("outage_customers")
        #expect(try table.count() == Self.batches * Self.rowsPerBatch)
        let ids = try table.find().compactMap { document -> String? in
            if case .string(let id)? = document.fields["id"] { return id }
            return nil
        }
        let expected = (0..<Self.batches).flatMap { batch in (0..<Self.rowsPerBatch).map { "c-\(batch)-\($0)" } }
        #expect(ids.count == expected.count)
        #expect(Set(ids) == Set(expected))
        // Every batch's marker is recorded: writing any batch id again is skipped.
        let checkSink = DocumentTableSink(table: table, mode: .insert, writer: sink.writer)
        let empty = Rows.batch(Self.schema, [])
        for batchId in 0..<Int64(Self.batches) {
            #expect(try !checkSink.write(batchId, empty), "no marker for batch \(batchId)")
        }
    }

    @Test(.timeLimit(.minutes(5)), arguments: ["fast", "immediate"])
    func aStoreReportsTheLostConnectionThenReconnectsOnItsOwn(stopMode: String) throws {
        let server = try ThrowawayPostgres()
        defer { server.destroy() }
        try server.start()
        let store = try DocumentStoreURL(server.url).open()
        defer { store.close() }
        let table = try store.createTable("reconnect", idField: "id")
        try table.insert(Document(["id": "a", "n": 1]))

        try server.stop(mode: stopMode)
        // The first call after the outage fails (it never hangs), with an error a query retries.
        do {
            _ = try table.count()
            Issue.record("count() succeeded with the server stopped")
        } catch {
            guard case .connectionLost = error else {
                Issue.record("expected connectionLost, got \(error)")
                return
            }
            #expect(error.isTransient)
        }
        // While the server is down, every call says so, and reconnecting is tried each time.
        do {
            _ = try table.get("a")
            Issue.record("get() succeeded with the server stopped")
        } catch {
            #expect(error.isTransient, "\(error)")
        }

        try server.start()
        // The same table object works again: the store opened a new connection.
        #expect(try table.count() == 1)
        try table.insert(Document(["id": "b", "n": 2]))
        #expect(try table.get("b")?.fields["n"] == .long(2))
    }
}
