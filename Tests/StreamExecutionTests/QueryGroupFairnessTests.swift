import Columnar
import Connectors
import Dispatch
import StreamExecution
import StreamPlan
import StreamTesting
import Testing

/// Queries run side by side share the cooperative threads: a query whose batches take longer
/// than its processing-time interval (here: an interval of zero, so it never sleeps) must not
/// keep the others from running (`s360 topup --trigger processing-time=0.5` ran one stage's
/// first batch only, while another stage ran nine).
@Suite struct QueryGroupFairnessTests {
    @Test(.timeLimit(.minutes(1))) func processingTimeQueriesThatNeverSleepLeaveTheOthersTheirTurn() async throws {
        let queries = try (0..<6).map { index in
            let source = MemorySource(schema: eventSchema, name: "events-\(index)")
            for batch in 0..<3 { source.addData(events(("q\(index)", Int64(batch)))) }
            return try StreamingQuery(try passThrough(source), sink: MemorySink(),
                                      configuration: .init(name: "q\(index)", trigger: .processingTime(.zero), readLimit: .maxFiles(1)))
        }
        let group = StreamingQueryGroup(queries)
        // Stopped from a Dispatch thread, which needs no cooperative thread to run.
        DispatchQueue.global().asyncAfter(deadline: .now() + 3) { group.stop() }
        try await group.run()
        #expect(queries.map(\.nextBatchId) == Array(repeating: 3, count: 6))
    }
}
