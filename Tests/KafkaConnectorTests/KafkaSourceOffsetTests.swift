import Connectors
import KafkaClient
import KafkaConnector
import Testing

@Suite struct KafkaSourceOffsetTests {
    @Test func offsetJSONIsSparksCanonicalShapeAndRoundTrips() throws {
        let offset = KafkaSourceOffset([
            KafkaTopicPartition(topic: "b", partition: 10): 5, KafkaTopicPartition(topic: "b", partition: 2): 7,
            KafkaTopicPartition(topic: "a", partition: 0): 42,
        ])
        #expect(offset.json == #"{"a":{"0":42},"b":{"2":7,"10":5}}"#)
        #expect(try KafkaSourceOffset(SourceOffset(json: #" { "b" : {"10":5, "2":7}, "a":{"0":42} } "#)) == offset)
        #expect(try KafkaSourceOffset(SourceOffset(json: "{}")).offsets.isEmpty)
    }

    @Test(arguments: [#"{"logOffset":3}"#, #"{"a":{"x":1}}"#, #"{"a":{"0":1}"#, "[]", #"{"a":{"0":1}} x"#])
    func malformedOffsetsAreRejectedWithTheShapeExpected(json: String) {
        #expect(throws: KafkaConnectorError.self) { try KafkaSourceOffset(SourceOffset(json: json)) }
        let error = KafkaConnectorError.invalidOffset(json: json, reason: "r")
        #expect(error.description.contains(#"{"topic":{"0":42}}"#))
    }

    @Test func rateLimitSpreadsTheBudgetInProportionToBacklogLikeSpark() {
        let a = KafkaTopicPartition(topic: "t", partition: 0)
        let b = KafkaTopicPartition(topic: "t", partition: 1)
        let c = KafkaTopicPartition(topic: "t", partition: 2)
        // Backlogs 80, 19, 1: shares 8.0, 1.9 -> 1, 0.1 -> 1 (small partitions are not starved).
        let end = KafkaRateLimit.cap(limit: 10, from: [a: 0, b: 100, c: 5], until: [a: 80, b: 119, c: 6])
        #expect(end == [a: 8, b: 101, c: 6])
        // A budget above the backlog reads everything; an empty backlog changes nothing.
        #expect(KafkaRateLimit.cap(limit: 1000, from: [a: 0, b: 0], until: [a: 3, b: 4]) == [a: 3, b: 4])
        #expect(KafkaRateLimit.cap(limit: 5, from: [a: 3], until: [a: 3]) == [a: 3])
    }
}

