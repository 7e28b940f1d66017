import Columnar
import Connectors
import Customer360
import Expressions
import JSONIngest
import KafkaClient
import KafkaConnector
import StreamExecution
import StreamPlan
import Testing

@Suite(.serialized) struct KafkaQuarantineTests {
    typealias Support = KafkaConnectorTestSupport

    @Test func badMessagesAreQuarantinedWithTopicPartitionOffsetAndTheQueryGoesOn() async throws {
        let cluster = try Support.cluster(["customer_data": 1])
        let record = #"{"ID":"1","State":"KA","ts":1704067200}"#
        let huge = "[" + Array(repeating: record, count: 23_000).joined(separator: ",")  // ~900 KB, never closed
        #expect(huge.utf8.count > 880_000 && huge.utf8.count < 1_000_000)
        let messages = [
            "[\(record)]",  // offset 0: good
            "this is not JSON",  // 1
            "",  // 2: empty value: like Spark's from_json, null, so no rows and nothing to quarantine
            huge,  // 3: 900 KB, truncated
            #"[{"State":"MH","ts":1704067201}]"#,  // 4: a record without ID
            #"[{"ID":"2","ts":1704067202}]"#,  // 5: good
        ]
        try Support.produce(cluster, topic: "customer_data", messages) { _ in 0 }
        let source = try Support.source(cluster, .topics(["customer_data"]))
        let frame = try DataFrame.readStream(source).parseJSON(column: "value", schema: TopUpSchemas.customerRecord)
            .select(col("ID"), col("State"), col("ts"))
        let sink = MemorySink()
        let query = try StreamingQuery(frame, sink: sink, configuration: .init(name: "customers", readLimit: .maxRows(2)))
        try await query.run()
        #expect(query.nextBatchId == 3)
        let quarantined = query.quarantine.messages.map(\.position)
        #expect(quarantined == [1, 3].map { SourcePosition.topic(name: "customer_data", partition: 0, offset: $0) })
        #expect(query.quarantine.messages.first { $0.position == .topic(name: "customer_data", partition: 0, offset: 3) }?.messageLength == huge.utf8.count)
        // A record without ID is not malformed JSON: like Spark's from_json it becomes a row with a
        // null ID (which the top-up join then cannot match); the good messages around it are kept.
        let rows = sink.batches.flatMap { batch in (0..<batch.1.rowCount).map { batch.1.row($0) } }
        #expect(rows.map { $0[0] } == [.string("1"), .null, .string("2")])
        #expect(rows.map { $0[1] } == [.string("KA"), .string("MH"), .null])
    }
}
