internal import CRdKafka

/// Sole owner of an `rd_kafka_topic_partition_list_t`, destroyed in `deinit`.
///
/// Short-lived: built to pass assignments or subscriptions to librdkafka, which copies the list.
final class RdKafkaTopicPartitionList {
    let pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

    init(capacity: Int) {
        pointer = rd_kafka_topic_partition_list_new(Int32(clamping: capacity))
    }

    deinit {
        rd_kafka_topic_partition_list_destroy(pointer)
    }

    /// Adds a partition with its start offset (librdkafka's encoding: negative values are logical).
    func add(topic: String, partition: Int32, offset: Int64 = -1001) {
        guard let element = rd_kafka_topic_partition_list_add(pointer, topic, partition) else {
            preconditionFailure("rd_kafka_topic_partition_list_add returned NULL (out of memory)")
        }
        element.pointee.offset = offset
    }

    /// The partitions in the list with their offsets.
    var elements: [(partition: KafkaTopicPartition, offset: Int64)] {
        UnsafeBufferPointer(start: pointer.pointee.elems, count: Int(pointer.pointee.cnt)).map { element in
            (KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition), element.offset)
        }
    }
}
