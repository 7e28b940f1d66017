import Columnar
import KafkaClient

extension KafkaSource {
    /// The messages in `[start[p], end[p])` for every partition `p` of `end`, as rows ordered by topic, partition and offset.
    ///
    /// Partitions absent from `start` begin at their earliest retained offset. Offsets below a
    /// partition's low watermark are data loss: an error, or skipped when `failOnDataLoss` is false.
    func read(from start: KafkaSourceOffset, to end: KafkaSourceOffset) throws(KafkaConnectorError) -> RecordBatch {
        var next: [KafkaTopicPartition: Int64] = [:]
        var until: [KafkaTopicPartition: Int64] = [:]
        for (partition, last) in end.offsets {
            var first = start.offsets[partition] ?? -1
            if first < 0 || first < last {
                let low = try watermarks(of: partition).low
                if first < 0 { first = low }
                if first < low {
                    guard !configuration.failOnDataLoss else {
                        throw .dataLoss(topic: partition.topic, partition: partition.partition, requestedOffset: first, earliestAvailable: low)
                    }
                    first = low
                }
            }
            if first < last {
                next[partition] = first
                until[partition] = last
            }
        }
        var rows = KafkaRowsBuilder()
        guard !next.isEmpty else { return rows.finish() }
        var assignment: [KafkaTopicPartition: KafkaOffset] = [:]
        for (partition, first) in next { assignment[partition] = .exact(first) }
        do { try consumer.assign(assignment) } catch {
            throw .client(operation: "assigning \(assignment.keys.sorted().map(\.description).joined(separator: ","))", underlying: error)
        }
        defer { try? consumer.assign([:]) }
        var messages: [KafkaTopicPartition: [KafkaMessage]] = [:]
        let deadline = ContinuousClock.now.advanced(by: configuration.fetchTimeout)
        var pending = Set(next.keys)
        while !pending.isEmpty {
            guard ContinuousClock.now < deadline else {
                let partition = pending.sorted()[0]
                throw .incompleteRange(topic: partition.topic, partition: partition.partition,
                                       from: start.offsets[partition] ?? 0, until: until[partition] ?? 0, reached: next[partition] ?? 0)
            }
            let polled: [KafkaMessage]
            do { polled = try consumer.poll(maxMessages: 10_000, timeout: .milliseconds(100)) } catch {
                if case .consumeFailed(_, let topic?, let partition?, _) = error,
                   let from = next[KafkaTopicPartition(topic: topic, partition: partition)] {
                    throw .client(operation: "reading \(topic)[\(partition)] from offset \(from)", underlying: error)
                }
                throw .client(operation: "reading \(description)", underlying: error)
            }
            for message in polled {
                let partition = KafkaTopicPartition(topic: message.topic, partition: message.partition)
                guard let expected = next[partition], let last = until[partition],
                      message.offset >= expected, message.offset < last else { continue }
                messages[partition, default: []].append(message)
                next[partition] = message.offset + 1
                if message.offset + 1 >= last { pending.remove(partition) }
            }
        }
        for partition in messages.keys.sorted() {
            for message in messages[partition] ?? [] { rows.append(message) }
        }
        return rows.finish()
    }
}

/// Column builders for ``KafkaSource/schema``.
struct KafkaRowsBuilder {
    private var key = ColumnBuilder(type: .string)
    private var value = ColumnBuilder(type: .string)
    private var topic = ColumnBuilder(type: .string)
    private var partition = ColumnBuilder(type: .int)
    private var offset = ColumnBuilder(type: .long)
    private var timestamp = ColumnBuilder(type: .timestamp)
    private var timestampType = ColumnBuilder(type: .int)
    private var count = 0

    mutating func append(_ message: KafkaMessage) {
        Self.append(message.key, to: &key)
        Self.append(message.value, to: &value)
        topic.append(message.topic)
        partition.append(message.partition)
        offset.append(message.offset)
        if let millis = message.timestamp, message.timestampType != .notAvailable {
            timestamp.append(millis * 1000)
        } else {
            timestamp.appendNull()
        }
        timestampType.append(Int32(message.timestampType.rawValue))
        count += 1
    }

    private static func append(_ bytes: [UInt8]?, to builder: inout ColumnBuilder) {
        guard let bytes else { return builder.appendNull() }
        bytes.withUnsafeBufferPointer { builder.append(utf8: $0) }
    }

    mutating func finish() -> RecordBatch {
        RecordBatch(
            trusted: KafkaSource.schema,
            columns: [key.finish(), value.finish(), topic.finish(), partition.finish(), offset.finish(),
                      timestamp.finish(), timestampType.finish()],
            rowCount: count)
    }
}
