import Testing
@testable import KafkaClient

/// A librdkafka error reads as words with its symbolic name, never as a bare code number, and an
/// unreachable broker says what to check.
@Suite struct KafkaErrorDescriptionTests {
    @Test func anUnreachableBrokerSaysWhatToCheckWithoutTheCodeNumber() {
        let message = KafkaError.operationFailed(operation: "metadata request", code: .transport, topic: nil, partition: nil).description
        #expect(message.contains("Broker transport failure"), "\(message)")
        #expect(message.contains("[_TRANSPORT]"))
        #expect(!message.contains("-195"))
        #expect(message.contains("check that a Kafka broker is running"))
    }

    @Test func otherCodesKeepTheirTextAndName() {
        let message = KafkaError.Code.messageSizeTooLarge.description
        #expect(message.contains("MSG_SIZE_TOO_LARGE"), "\(message)")
        #expect(!message.contains("(10)"))
        #expect(!message.contains("check that a Kafka broker"))
    }
}
