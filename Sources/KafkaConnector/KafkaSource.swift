public import Columnar
public import Connectors
import KafkaClient

/// Spark's Kafka source: a replayable stream of the messages of a set of topics.
///
/// Offsets belong to the query, not to a consumer group: the source assigns partitions
/// explicitly (no group join, no group commits), and its position is Spark's offset JSON
/// (``KafkaSourceOffset``), recorded per batch by the query. A batch reads `[start, end)` for every
/// partition and returns its rows ordered by topic, partition and offset, so re-reading a
/// recorded range gives the same rows as long as the broker still holds them. That is all a
/// checkpoint needs to replay an uncommitted batch after a crash.
///
/// Rows have Spark's Kafka schema, with one departure: Stream360 has no binary type, so `key`
/// and `value` are strings (the bytes as UTF-8; invalid sequences are replaced when read as text).
/// `partition` is an int, `offset` a long, `timestamp` a timestamp (the message's milliseconds),
/// `timestampType` an int (0 create time, 1 log-append time, -1 none). The `topic`, `partition` and
/// `offset` columns let `parseJSON` quarantine a bad message with its position.
///
/// Each call that talks to the broker blocks the calling thread (metadata, watermarks, fetches);
/// the engine calls sources from one task, between batches.
///
/// Departures and limits: new partitions start at their earliest offset (as in Spark), taken when
/// first read; `startingOffsets = .latest` is resolved when the first batch is planned, so a fresh
/// source replaying batch 0 of a query that started at `latest` needs the recorded start offset
/// (the checkpoint's). Compacted or transactional topics, whose offsets have gaps at the end of a
/// range, are not supported: such a range ends in ``KafkaConnectorError/incompleteRange(topic:partition:from:until:reached:)``.
public final class KafkaSource: StreamSource {
    /// The schema of every batch: Spark's Kafka columns, with string key and value.
    public static let schema = Schema([
        Field("key", .string), Field("value", .string), Field("topic", .string), Field("partition", .int),
        Field("offset", .long), Field("timestamp", .timestamp), Field("timestampType", .int),
    ])

    /// The configuration the source was created with.
    public let configuration: KafkaSourceConfiguration
    public var schema: Schema { Self.schema }
    public var description: String { "KafkaV2[\(subscriptionText)]" }

    let consumer: KafkaConsumer
    private let topicPattern: Regex<AnyRegexOutput>?
    /// The resolved start of the first batch, once planned or read.
    private var initialOffsets: KafkaSourceOffset?
    /// Available-now: the ends recorded by the first planning call.
    private var bound: KafkaSourceOffset?

    /// Creates a source; the broker is first contacted when a batch is planned.
    public init(configuration: KafkaSourceConfiguration) throws(KafkaConnectorError) {
        self.configuration = configuration
        if case .pattern(let pattern) = configuration.subscription {
            do { topicPattern = try Regex(pattern) } catch {
                throw .noMatchingTopics(subscription: "pattern \(pattern) (not a valid regular expression: \(error))")
            }
        } else {
            topicPattern = nil
        }
        do { consumer = try KafkaConsumer(configuration: configuration.consumerConfiguration) } catch {
            throw .client(operation: "creating the source's consumer", underlying: error)
        }
    }

    private var subscriptionText: String {
        switch configuration.subscription {
        case .topics(let topics): topics.joined(separator: ",")
        case .pattern(let pattern): "pattern \(pattern)"
        }
    }

    public func latestOffset(after start: SourceOffset?, limit: ReadLimit) throws -> SourceOffset? {
        let partitions = try currentPartitions()
        let begin = try start.map { offset throws(KafkaConnectorError) in try KafkaSourceOffset(offset) } ?? resolveInitialOffsets()
        var from: [KafkaTopicPartition: Int64] = [:]
        var until: [KafkaTopicPartition: Int64] = [:]
        for partition in partitions {
            let marks = try watermarks(of: partition)
            var first = begin.offsets[partition] ?? marks.low
            if first < marks.low {
                guard !configuration.failOnDataLoss else {
                    throw KafkaConnectorError.dataLoss(
                        topic: partition.topic, partition: partition.partition, requestedOffset: first, earliestAvailable: marks.low)
                }
                first = marks.low
            }
            var last = marks.high
            if let bound {
                guard let boundEnd = bound.offsets[partition] else { continue }  // appeared after the start
                last = min(last, boundEnd)
            }
            from[partition] = first
            until[partition] = max(first, last)
        }
        if configuration.failOnDataLoss, let gone = begin.offsets.first(where: { !partitions.contains($0.key) }) {
            throw KafkaConnectorError.partitionGone(topic: gone.key.topic, partition: gone.key.partition, offset: gone.value)
        }
        if configuration.boundedAtStart && bound == nil { bound = KafkaSourceOffset(until) }
        guard until.contains(where: { $0.value > (from[$0.key] ?? $0.value) }) else { return start }
        let end: [KafkaTopicPartition: Int64]
        if case .maxRows(let rows) = limit {
            end = KafkaRateLimit.cap(limit: Int64(max(rows, 1)), from: from, until: until)
        } else {
            end = until
        }
        // Partitions without new data keep their recorded start, so the next batch begins there.
        var offsets = begin.offsets.filter { partitions.contains($0.key) }
        for (partition, offset) in end where offset > (from[partition] ?? offset) {
            offsets[partition] = offset
        }
        return KafkaSourceOffset(offsets).sourceOffset
    }

    public func read(from start: SourceOffset?, to end: SourceOffset) throws -> RecordBatch {
        let begin = try start.map { offset throws(KafkaConnectorError) in try KafkaSourceOffset(offset) } ?? resolveInitialOffsets()
        return try read(from: begin, to: try KafkaSourceOffset(end))
    }

    /// The partitions of the subscribed topics, from a metadata request.
    func currentPartitions() throws(KafkaConnectorError) -> Set<KafkaTopicPartition> {
        let all: [String: [Int32]]
        do { all = try consumer.topicPartitions(timeout: configuration.metadataTimeout) } catch {
            throw .client(operation: "listing the partitions of \(subscriptionText) at \(configuration.bootstrapServers)", underlying: error)
        }
        var result: Set<KafkaTopicPartition> = []
        for (topic, partitions) in all where matches(topic) {
            for partition in partitions { result.insert(KafkaTopicPartition(topic: topic, partition: partition)) }
        }
        guard !result.isEmpty else { throw .noMatchingTopics(subscription: configuration.subscription.description) }
        return result
    }

    private func matches(_ topic: String) -> Bool {
        switch configuration.subscription {
        case .topics(let topics): return topics.contains(topic)
        case .pattern:
            guard let topicPattern else { return false }
            return (try? topicPattern.wholeMatch(in: topic)) != nil
        }
    }

    func watermarks(of partition: KafkaTopicPartition) throws(KafkaConnectorError) -> KafkaWatermarks {
        do { return try consumer.watermarks(of: partition, timeout: configuration.metadataTimeout) } catch {
            throw .client(operation: "asking \(partition) for its offsets", underlying: error)
        }
    }

    /// `startingOffsets` as numbers, resolved once per source.
    private func resolveInitialOffsets() throws(KafkaConnectorError) -> KafkaSourceOffset {
        if let initialOffsets { return initialOffsets }
        var offsets: [KafkaTopicPartition: Int64] = [:]
        for partition in try currentPartitions() {
            let marks = try watermarks(of: partition)
            switch configuration.startingOffsets {
            case .earliest: offsets[partition] = marks.low
            case .latest: offsets[partition] = marks.high
            case .offsets(let given):
                switch given.offsets[partition] {
                case nil, -2: offsets[partition] = marks.low
                case -1: offsets[partition] = marks.high
                case let offset?: offsets[partition] = offset
                }
            }
        }
        let resolved = KafkaSourceOffset(offsets)
        initialOffsets = resolved
        return resolved
    }
}
