@testable import KafkaClient
import Testing

@Suite struct KafkaConfigurationTests {
    @Test func typedValuesComeFirstAndPropertiesOverrideThem() {
        var configuration = KafkaConfiguration(bootstrapServers: "127.0.0.1:1")
        configuration.linger = .milliseconds(20)
        configuration.properties["linger.ms"] = "7"
        let producer = configuration.librdkafkaProperties(for: .producer)
        #expect(producer.contains { $0 == ("enable.idempotence", "true") })
        #expect(producer.contains { $0 == ("acks", "all") })
        #expect(producer.last { $0.name == "linger.ms" }?.value == "7")
        let consumer = configuration.librdkafkaProperties(for: .consumer)
        #expect(!consumer.contains { $0.name == "enable.idempotence" })
        #expect(consumer.contains { $0 == ("enable.auto.commit", "false") })
    }

    @Test func idempotenceWithoutAcksAllIsRejectedWithAHint() {
        var configuration = KafkaConfiguration(bootstrapServers: "127.0.0.1:1")
        configuration.acks = .leader
        #expect(throws: KafkaError.self) { try configuration.validate() }
    }

    @Test func durationsBecomeWholeMilliseconds() {
        #expect(Duration.milliseconds(1500).wholeMilliseconds == 1500)
        #expect(Duration.microseconds(999).wholeMilliseconds == 0)
        #expect(Duration.seconds(Int64.max / 2).wholeMilliseconds == Int32.max)
    }
}
