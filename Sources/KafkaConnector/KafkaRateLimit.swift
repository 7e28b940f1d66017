public import KafkaClient

/// Spark's `maxOffsetsPerTrigger`: a budget of messages spread over partitions in proportion to their backlog.
///
/// The same arithmetic as Spark's `KafkaMicroBatchStream.rateLimit`: each partition with a
/// backlog `size` may advance `limit × size / total` messages, rounded down, except that a share
/// below one is rounded up so that small partitions are never starved; no partition passes its
/// available end. So a batch may hold slightly more than `limit` messages when many partitions
/// have tiny backlogs, exactly as in Spark.
public enum KafkaRateLimit {
    /// The end offsets of the next batch: `until` capped so that about `limit` messages are read after `from`.
    ///
    /// - Parameters:
    ///   - limit: the message budget (Spark's `maxOffsetsPerTrigger`).
    ///   - from: where each partition's next batch begins.
    ///   - until: each partition's available end.
    public static func cap(
        limit: Int64, from: [KafkaTopicPartition: Int64], until: [KafkaTopicPartition: Int64]
    ) -> [KafkaTopicPartition: Int64] {
        var sizes: [KafkaTopicPartition: Int64] = [:]
        for (partition, end) in until {
            if let begin = from[partition], end - begin > 0 { sizes[partition] = end - begin }
        }
        let total = Double(sizes.values.reduce(0, +))
        guard total >= 1 else { return until }
        var result: [KafkaTopicPartition: Int64] = [:]
        for (partition, end) in until {
            guard let size = sizes[partition], let begin = from[partition] else {
                result[partition] = end
                continue
            }
            let prorate = Double(limit) * (Double(size) / total)
            let share = Int64(prorate < 1 ? prorate.rounded(.up) : prorate.rounded(.down))
            let (sum, overflow) = begin.addingReportingOverflow(share)
            result[partition] = min(end, overflow ? Int64.max : sum)
        }
        return result
    }
}
