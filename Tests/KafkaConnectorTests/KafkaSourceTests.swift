import Columnar
import Connectors
import KafkaClient
import KafkaConnector
import Testing

@Suite(.serialized) struct KafkaSourceTests {
    typealias Support = KafkaConnectorTestSupport

    @Test func roundTripOverSeveralPartitionsInMaxRowsBatches() throws {
        let cluster = try Support.cluster(["events": 3])
        // 60 messages: partition 0 gets 40, partitions 1 and 2 get 10 each.
        try Support.produce(cluster, topic: "events", (0..<60).map { "v\($0)" }) { Int32($0 < 40 ? 0 : $0 % 2 + 1) }
        let source = try Support.source(cluster, .topics(["events"]))
        #expect(source.schema.fields.map(\.name) == ["key", "value", "topic", "partition", "offset", "timestamp", "timestampType"])
        let batches = try Support.drain(source, limit: .maxRows(10))
        // Spark's proration: 8 messages per batch at first (6+1+1), 7 batches for 60 messages.
        #expect(batches.count == 7)
        #expect(batches.allSatisfy { $0.rows.rowCount <= 10 && $0.rows.rowCount > 0 })
        // The first batch spreads the budget 40:10:10 -> 6, 1, 1 (rounded down, small shares rounded up).
        #expect(batches[0].end.json == #"{"events":{"0":6,"1":1,"2":1}}"#)
        let all = batches.flatMap { Support.rows($0.rows) }
        #expect(all.count == 60 && Set(all).count == 60)
        let values = try batches.flatMap { try Support.values($0.rows) }
        #expect(Set(values) == Set((0..<60).map { "v\($0)" }))
        // Within a batch rows are ordered by topic, partition, offset; every message has a create time.
        let first = batches[0].rows
        #expect(try first.column("partition").int32Values == [0, 0, 0, 0, 0, 0, 1, 2])
        #expect(try first.column("offset").int64Values == [0, 1, 2, 3, 4, 5, 0, 0])
        #expect(try first.column("timestampType").int32Values.allSatisfy { $0 == 0 })
        #expect(try first.column("timestamp").nullCount == 0)
        #expect(try first.column("key").strings.string(0) == "k0")
        #expect(batches.last?.end.json == #"{"events":{"0":40,"1":10,"2":10}}"#)
        // Nothing new: the source returns the committed offset itself.
        let last = try #require(batches.last).end
        #expect(try source.latestOffset(after: last, limit: .maxRows(10)) == last)
    }

    @Test func rereadingARecordedRangeGivesTheSameRows() throws {
        let cluster = try Support.cluster(["events": 2])
        try Support.produce(cluster, topic: "events", (0..<30).map { "v\($0)" }) { Int32($0 % 2) }
        let source = try Support.source(cluster, .topics(["events"]))
        let batches = try Support.drain(source, limit: .maxRows(7))
        // A fresh source (as after a crash) and the same source, re-reading every recorded range.
        let fresh = try Support.source(cluster, .topics(["events"]))
        for batch in batches {
            let again = try fresh.read(from: batch.start, to: batch.end)
            #expect(Support.rows(again) == Support.rows(batch.rows))
            #expect(Support.rows(try source.read(from: batch.start, to: batch.end)) == Support.rows(batch.rows))
        }
    }

    @Test func restartFromRecordedOffsetsHasNoGapAndNoDuplicate() throws {
        let cluster = try Support.cluster(["events": 3])
        try Support.produce(cluster, topic: "events", (0..<45).map { "a\($0)" }) { Int32($0 % 3) }
        let first = try Support.source(cluster, .topics(["events"]))
        let before = try Support.drain(first, limit: .maxRows(10), maxBatches: 2)
        let recorded = try #require(before.last).end
        // More data arrives while the query is down; a new source resumes from the recorded offset.
        try Support.produce(cluster, topic: "events", (0..<15).map { "b\($0)" }) { Int32($0 % 3) }
        let restarted = try Support.source(cluster, .topics(["events"]), starting: .latest)
        let after = try Support.drain(restarted, from: recorded, limit: .maxRows(10))
        let values = try (before + after).flatMap { try Support.values($0.rows) }
        #expect(values.count == 60)
        #expect(Set(values) == Set((0..<45).map { "a\($0)" } + (0..<15).map { "b\($0)" }))
    }

    @Test func startingOffsetsLatestAndPerPartitionJSON() throws {
        let cluster = try Support.cluster(["events": 2])
        try Support.produce(cluster, topic: "events", (0..<10).map { "old\($0)" }) { Int32($0 % 2) }
        let latest = try Support.source(cluster, .topics(["events"]), starting: .latest)
        #expect(try latest.latestOffset(after: nil, limit: .all) == nil)
        try Support.produce(cluster, topic: "events", ["new0", "new1"]) { Int32($0 % 2) }
        #expect(try Support.drain(latest, limit: .all).flatMap { try Support.values($0.rows) }.sorted() == ["new0", "new1"])

        // Partition 0 from offset 3, partition 1 from the earliest (-2).
        let given = try KafkaSourceOffset(SourceOffset(json: #"{"events":{"0":3,"1":-2}}"#))
        let exact = try Support.source(cluster, .topics(["events"]), starting: .offsets(given))
        let values = try Support.drain(exact, limit: .all).flatMap { try Support.values($0.rows) }
        // Partition 0 holds old0,2,4,6,8,new0 (from offset 3: old6, old8, new0); partition 1 all six.
        #expect(values.count == 3 + 6)
        #expect(!values.contains("old0") && values.contains("old1") && values.contains("old6"))
    }

    @Test func newTopicsMatchingThePatternArePickedUpFromTheirEarliestOffset() throws {
        let cluster = try Support.cluster(["logs-a": 2])
        try Support.produce(cluster, topic: "logs-a", ["a0", "a1"]) { Int32($0) }
        let source = try Support.source(cluster, .pattern("logs-.*"), starting: .latest)
        #expect(try source.latestOffset(after: nil, limit: .all) == nil)
        try cluster.createTopic("logs-b", partitions: 3)
        try cluster.createTopic("other", partitions: 1)
        try Support.produce(cluster, topic: "logs-b", ["b0", "b1", "b2"]) { Int32($0) }
        try Support.produce(cluster, topic: "other", ["x"])
        try Support.produce(cluster, topic: "logs-a", ["a2"]) { _ in 0 }
        let batches = try Support.drain(source, limit: .all)
        #expect(try batches.flatMap { try Support.values($0.rows) } == ["a2", "b0", "b1", "b2"])
    }

    @Test func offsetsGoneFromTheBrokerFailOrSkipAheadWhenAllowed() throws {
        let cluster = try Support.cluster(["big": 1])
        // The mock keeps about 5 MiB per partition: 80 messages of 100 KB push the first ones out.
        let payload = String(repeating: "x", count: 100_000)
        try Support.produce(cluster, topic: "big", (0..<80).map { "\($0):" + payload }) { _ in 0 }
        let probe = try KafkaConsumer(configuration: .init(bootstrapServers: cluster.bootstrapServers))
        let low = try probe.watermarks(of: KafkaTopicPartition(topic: "big", partition: 0)).low
        try #require(low > 0, "the mock kept every message; the data-loss test needs it to drop old ones")

        let recorded = SourceOffset(json: #"{"big":{"0":0}}"#)
        let strict = try Support.source(cluster, .topics(["big"]))
        #expect(throws: KafkaConnectorError.dataLoss(topic: "big", partition: 0, requestedOffset: 0, earliestAvailable: low)) {
            _ = try strict.latestOffset(after: recorded, limit: .all)
        }
        #expect(throws: KafkaConnectorError.dataLoss(topic: "big", partition: 0, requestedOffset: 0, earliestAvailable: low)) {
            _ = try strict.read(from: recorded, to: SourceOffset(json: #"{"big":{"0":80}}"#))
        }
        let lenient = try Support.source(cluster, .topics(["big"]), failOnDataLoss: false)
        let batches = try Support.drain(lenient, from: recorded, limit: .all)
        let offsets = batches.flatMap { (try? $0.rows.column("offset").int64Values) ?? [] }
        #expect(offsets == Array(low..<80))
    }

    @Test func aSubscriptionMatchingNothingSaysSo() throws {
        let cluster = try Support.cluster(["events": 1])
        let source = try Support.source(cluster, .topics(["absent"]))
        #expect(throws: KafkaConnectorError.noMatchingTopics(subscription: "topics absent")) {
            _ = try source.latestOffset(after: nil, limit: .all)
        }
    }
}
