import Connectors
import KafkaClient
import KafkaConnector
import StreamExecution
import Synchronization

/// The demo's live one-line summary, printed every ``DemoConfiguration/statusInterval``:
///
/// ```text
/// [  14 s] sent 3,120 msgs (22,410 records) | topup join: 9 batches, 212 msg/s, 1,240 rows, lag 0 |
///          topup scoring: 9 batches, 212 msg/s, 1,240 predictions, lag 4 | churn: 10 batches, 820 msg/s, 9,100 predictions, lag 12
/// ```
///
/// Per query: micro-batches run so far, Kafka messages read per second since the previous line,
/// rows written by the sink (the scoring queries write one prediction per row), and the lag: messages
/// in its topics' partitions past the offsets its last batch ended at (each partition's high
/// watermark minus that offset). Query progress arrives from the queries' own tasks; the line is
/// built by the monitor task, so the counters sit behind a lock.
final class DemoStatus: Sendable {
    /// One query's counters.
    struct QueryCounters: Sendable {
        /// How the line names the query, and what its output rows are called.
        var label: String, outputNoun: String
        var topics: [String]
        var batches = 0
        var inputRows = 0
        var outputRows = 0
        /// Where the last batch ended, per partition.
        var consumed: [KafkaTopicPartition: Int64] = [:]
        var inputRowsAtLastLine = 0
    }

    private struct State: Sendable {
        var queries: [String: QueryCounters] = [:]
        var order: [String] = []
        var producedMessages = 0, producedRecords = 0
        var producersDone = false
        var lastLine = ContinuousClock.now
    }

    private let state = Mutex(State())
    private let started = ContinuousClock.now

    /// Registers a query under its configuration name.
    func add(query name: String, label: String, outputNoun: String, topics: [String]) {
        state.withLock {
            $0.queries[name] = QueryCounters(label: label, outputNoun: outputNoun, topics: topics)
            $0.order.append(name)
        }
    }

    /// Counts one finished batch of query `progress.name`.
    func record(_ progress: QueryProgress) {
        var ends: [KafkaTopicPartition: Int64] = [:]
        for source in progress.sources {
            guard let json = source.endOffset, let offset = try? KafkaSourceOffset(SourceOffset(json: json)) else { continue }
            ends.merge(offset.offsets) { _, new in new }
        }
        state.withLock { state in
            guard var counters = state.queries[progress.name] else { return }
            counters.batches += 1
            counters.inputRows += progress.numInputRows
            counters.outputRows += progress.numOutputRows
            counters.consumed.merge(ends) { _, new in new }
            state.queries[progress.name] = counters
        }
    }

    /// Records the producers' running totals.
    func record(_ produced: KafkaFileProducer.Progress) {
        state.withLock {
            $0.producedMessages = produced.messages
            $0.producedRecords = produced.records
        }
    }

    /// Notes that every input file has been published.
    func producersFinished() {
        state.withLock { $0.producersDone = true }
    }

    /// The topics whose watermarks the line needs.
    var topics: Set<String> {
        state.withLock { Set($0.queries.values.flatMap(\.topics)) }
    }

    /// The status line, given the partitions' watermarks (nil when the broker did not answer);
    /// resets the per-interval rates.
    func line(watermarks: [KafkaTopicPartition: KafkaWatermarks]?) -> String {
        let now = ContinuousClock.now
        return state.withLock { state in
            let interval = max(Self.seconds(state.lastLine.duration(to: now)), 0.001)
            state.lastLine = now
            let sent = "\(Self.grouped(state.producedMessages)) msgs (\(Self.grouped(state.producedRecords)) records)"
            var parts = [state.producersDone ? "producers done: \(sent)" : "sent \(sent)"]
            for name in state.order {
                guard var counters = state.queries[name] else { continue }
                let rate = Double(counters.inputRows - counters.inputRowsAtLastLine) / interval
                counters.inputRowsAtLastLine = counters.inputRows
                state.queries[name] = counters
                var lag = "lag ?"
                if let watermarks {
                    var behind: Int64 = 0
                    for (partition, marks) in watermarks where counters.topics.contains(partition.topic) {
                        behind += max(0, marks.high - max(counters.consumed[partition] ?? marks.low, marks.low))
                    }
                    lag = "lag \(Self.grouped(Int(behind)))"
                }
                parts.append("\(counters.label): \(counters.batches) batches, \(Self.grouped(Int(rate.rounded()))) msg/s, "
                    + "\(Self.grouped(counters.outputRows)) \(counters.outputNoun), \(lag)")
            }
            let elapsed = Int(Self.seconds(started.duration(to: now)))
            let clock = String(repeating: " ", count: max(0, 4 - String(elapsed).count)) + "\(elapsed)"
            return "[\(clock) s] " + parts.joined(separator: " | ")
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `12,345`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}
