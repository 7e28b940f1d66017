internal import CRdKafka

extension RdKafkaClient {
    /// Replaces the consumer's assignment with exactly these partitions and start offsets.
    func assign(_ assignments: [(partition: KafkaTopicPartition, offset: Int64)]) throws(KafkaError) {
        let list = RdKafkaTopicPartitionList(capacity: assignments.count)
        for (partition, offset) in assignments {
            list.add(topic: partition.topic, partition: partition.partition, offset: offset)
        }
        let err = rd_kafka_assign(handle, list.pointer)
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw .operationFailed(
                operation: "assign", code: .init(err), topic: assignments.first?.partition.topic, partition: nil)
        }
    }

    /// The partitions currently assigned (by ``assign(_:)`` or by the group).
    func assignment() throws(KafkaError) -> [KafkaTopicPartition] {
        var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>? = nil
        let err = rd_kafka_assignment(handle, &list)
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR, let list else {
            throw .operationFailed(operation: "assignment", code: .init(err), topic: nil, partition: nil)
        }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        return UnsafeBufferPointer(start: list.pointee.elems, count: Int(list.pointee.cnt)).map {
            KafkaTopicPartition(topic: String(cString: $0.topic), partition: $0.partition)
        }
    }

    /// Joins the consumer group for these topics (names starting with `^` are regular expressions).
    func subscribe(_ topics: [String]) throws(KafkaError) {
        let list = RdKafkaTopicPartitionList(capacity: topics.count)
        for topic in topics {
            list.add(topic: topic, partition: -1)  // RD_KAFKA_PARTITION_UA
        }
        let err = rd_kafka_subscribe(handle, list.pointer)
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw .operationFailed(operation: "subscribe", code: .init(err), topic: topics.first, partition: nil)
        }
    }

    /// Leaves the group (committing if auto-commit is on) and stops fetching; the handle stays valid.
    func closeConsumer() -> KafkaError.Code {
        KafkaError.Code(rd_kafka_consumer_close(handle))
    }
}
