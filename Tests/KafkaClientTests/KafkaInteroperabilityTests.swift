import Foundation
import KafkaClient
import Testing

/// Stream360 against independent Kafka clients: kcat (librdkafka, Debian) and kafka-python (pure Python).
///
/// The mock cluster runs in this test process; the other client connects to its loopback ports.
@Suite(.serialized) struct KafkaInteroperabilityTests {
    /// Sends three keyed messages with headers to partition 0 and waits for their delivery.
    private func produceWithStream360(_ cluster: KafkaMockCluster, topic: String) async throws {
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers))
        for i in 0..<3 {
            try producer.send(
                KafkaProducerRecord(
                    topic: topic, partition: 0, key: "key-\(i)", value: #"{"ID":\#(i)}"#,
                    headers: [KafkaHeader(name: "source", string: "s360"), KafkaHeader(name: "n", string: "\(i)")]))
        }
        #expect(try await producer.flush(timeout: .seconds(60)).delivered == 3)
    }

    @Test func kcatReadsWhatStream360Produced() async throws {
        let kcat = try ExternalTool.kcat()
        let cluster = try KafkaTestSupport.cluster(["interop": 1])
        try await produceWithStream360(cluster, topic: "interop")
        let output = try await ExternalTool.run(
            kcat, ["-C", "-b", cluster.bootstrapServers, "-t", "interop", "-o", "beginning", "-e", "-q",
                   "-f", "%k|%s|%h|%p|%o\\n"])
        #expect(output.status == 0, "kcat failed: \(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines == (0..<3).map { #"key-\#($0)|{"ID":\#($0)}|source=s360,n=\#($0)|0|\#($0)"# })
    }

    @Test func kafkaPythonReadsWhatStream360Produced() async throws {
        let python = try await ExternalTool.kafkaPython()
        let cluster = try KafkaTestSupport.cluster(["interop": 1])
        try await produceWithStream360(cluster, topic: "interop")
        let output = try await ExternalTool.run(python, ["-c", Self.pythonConsumer, cluster.bootstrapServers, "interop", "3"])
        #expect(output.status == 0, "kafka-python failed: \(output.stderr.suffix(2000))")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines == (0..<3).map { #"key-\#($0)|{"ID":\#($0)}|source=s360,n=\#($0)|0|\#($0)"# })
    }

    @Test func stream360ReadsWhatKcatProduced() async throws {
        let kcat = try ExternalTool.kcat()
        let cluster = try KafkaTestSupport.cluster(["interop": 1])
        let output = try await ExternalTool.run(
            kcat, ["-P", "-b", cluster.bootstrapServers, "-t", "interop", "-p", "0", "-K", ":", "-H", "source=kcat"],
            stdin: "a:first\nb:second\n")
        #expect(output.status == 0, "kcat failed: \(output.stderr)")
        let consumer = try KafkaTestSupport.consumer(cluster, topic: "interop", partitions: 1)
        let messages = try await KafkaTestSupport.poll(consumer, count: 2)
        #expect(messages.map(\.keyString) == ["a", "b"])
        #expect(messages.map(\.valueString) == ["first", "second"])
        #expect(messages.map(\.offset) == [0, 1])
        #expect(messages.allSatisfy { $0.headers == [KafkaHeader(name: "source", string: "kcat")] })
        #expect(messages.allSatisfy { $0.timestampType == .createTime && ($0.timestamp ?? 0) > 1_600_000_000_000 })
    }

    @Test func stream360ReadsWhatKafkaPythonProduced() async throws {
        let python = try await ExternalTool.kafkaPython()
        let cluster = try KafkaTestSupport.cluster(["interop": 2])
        let output = try await ExternalTool.run(python, ["-c", Self.pythonProducer, cluster.bootstrapServers, "interop"])
        #expect(output.status == 0, "kafka-python failed: \(output.stderr.suffix(2000))")
        let consumer = try KafkaTestSupport.consumer(cluster, topic: "interop", partitions: 2)
        let messages = try await KafkaTestSupport.poll(consumer, count: 3).sorted { $0.keyString ?? "" < $1.keyString ?? "" }
        #expect(messages.map(\.keyString) == ["p0", "p1", "p2"])
        #expect(messages.map(\.valueString) == [#"{"ID":0}"#, #"{"ID":1}"#, #"{"ID":2}"#])
        #expect(messages.map(\.partition) == [1, 1, 1])
        #expect(messages.map(\.offset) == [0, 1, 2])
        #expect(messages.map(\.headers) == (0..<3).map { [KafkaHeader(name: "source", string: "kafka-python"), KafkaHeader(name: "n", string: "\($0)")] })
        #expect(messages.map(\.timestamp) == [1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_002])
    }

    /// Reads N messages of a topic from the beginning and prints `key|value|headers|partition|offset` lines.
    static let pythonConsumer = #"""
        import sys
        from kafka import KafkaConsumer, TopicPartition
        servers, topic, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
        consumer = KafkaConsumer(bootstrap_servers=servers, enable_auto_commit=False, consumer_timeout_ms=10000)
        partitions = [TopicPartition(topic, 0)]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        seen = 0
        for m in consumer:
            headers = ",".join(f"{k}={v.decode()}" for k, v in m.headers)
            print(f"{m.key.decode()}|{m.value.decode()}|{headers}|{m.partition}|{m.offset}")
            seen += 1
            if seen == count:
                break
        consumer.close()
        sys.exit(0 if seen == count else 1)
        """#

    /// Sends three keyed messages with headers and create times to partition 1.
    static let pythonProducer = #"""
        import sys
        from kafka import KafkaProducer
        servers, topic = sys.argv[1], sys.argv[2]
        producer = KafkaProducer(bootstrap_servers=servers)
        for i in range(3):
            producer.send(topic, key=f"p{i}".encode(), value=f'{{"ID":{i}}}'.encode(), partition=1,
                          headers=[("source", b"kafka-python"), ("n", str(i).encode())],
                          timestamp_ms=1700000000000 + i)
        producer.flush(timeout=10)
        producer.close()
        """#
}
