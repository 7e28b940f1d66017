public import Connectors
import Columnar
import KafkaClient

/// Publishes the lines of data files as Kafka messages, as the seed's producers did: one line is one
/// message holding a JSON array of records, keyed by its first record's `ID` (or another key field).
///
/// Several inputs are interleaved file by file in name order (file 0 of every input, then file 1…),
/// which keeps the streams' event times advancing together as the generator wrote them. Keys
/// spread messages over partitions by hash (unkeyed messages would all fill one partition, and the
/// embedded broker keeps only about 5 MiB per partition). After each file the producer waits for
/// every delivery report, so a file is either wholly acknowledged or the run fails with
/// librdkafka's error, and ``afterFile`` sees the topics in a consistent state.
///
/// ```swift
/// var producer = KafkaFileProducer(bootstrapServers: servers)
/// producer.recordsPerSecond = 5_000
/// try await producer.run([.init(directory: "input/customer", topic: "customer_data")])
/// ```
public struct KafkaFileProducer {
    /// A directory of data files and the topic its lines go to.
    public struct Input: Sendable, Hashable {
        /// The directory whose data files (names not starting with `.` or `_`) are published in name order.
        public var directory: String
        /// The destination topic.
        public var topic: String
        /// The record field whose value (in the message's first record) keys the message.
        public var keyField: String

        /// Names an input.
        public init(directory: String, topic: String, keyField: String = "ID") {
            self.directory = directory
            self.topic = topic
            self.keyField = keyField
        }
    }

    /// What has been published so far.
    public struct Progress: Sendable, Hashable, CustomStringConvertible {
        /// The file just published (`topic: name`).
        public var file: String
        /// Files, messages and records acknowledged so far.
        public var files = 0, messages = 0, records = 0, bytes = 0
        /// Time since the start.
        public var elapsed: Duration = .zero

        public var description: String {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = seconds > 0 ? Int(Double(records) / seconds) : 0
            let hundredths = Int((seconds * 100).rounded())
            return "\(file): \(files) files, \(messages) messages, \(records) records, \(bytes) bytes in "
                + "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) s (\(rate) records/s)"
        }
    }

    /// Bootstrap servers of the destination cluster.
    public var bootstrapServers: String
    /// Records (not messages) per second; nil publishes as fast as possible.
    public var recordsPerSecond: Double?
    /// Called after each file is acknowledged.
    public var progress: (Progress) -> Void = { _ in }
    /// Called after each file is acknowledged, before the next is sent (tests record offsets here).
    public var afterFile: (Input, String) throws -> Void = { _, _ in }
    /// How long a file's deliveries may take.
    public var deliveryTimeout: Duration = .seconds(60)

    /// Creates a producer for a cluster.
    public init(bootstrapServers: String) {
        self.bootstrapServers = bootstrapServers
    }

    /// Publishes every line of every input's files, paced by the continuous clock; returns the final progress.
    @discardableResult
    public func run(_ inputs: [Input]) async throws -> Progress {
        try await run(inputs, clock: ContinuousClock())
    }

    /// Publishes every line of every input's files, paced by `clock` (tests pass their own); returns the final progress.
    @discardableResult
    public func run<C: Clock>(_ inputs: [Input], clock: C) async throws -> Progress where C.Duration == Duration {
        var configuration = KafkaConfiguration(bootstrapServers: bootstrapServers)
        configuration.clientID = "stream360-produce"
        let producer = try KafkaProducer(configuration: configuration)
        let files = try inputs.map { input throws(ConnectorError) in try FileSystem.listDataFiles(input.directory) }
        let started = clock.now
        var total = Progress(file: "")
        for index in 0..<(files.map(\.count).max() ?? 0) {
            for (input, names) in zip(inputs, files) where index < names.count {
                let name = names[index]
                let bytes = try FileSystem.readAll(input.directory + "/" + name)
                var records: [KafkaProducerRecord] = []
                var recordCount = 0
                TextLines.forEachLine(in: bytes) { line, _ in
                    guard !line.isEmpty else { return }
                    let peek = MessagePeek(line, keyField: input.keyField)
                    recordCount += peek.records
                    records.append(KafkaProducerRecord(
                        topic: input.topic, key: peek.firstID.map { Array($0.utf8) }, value: Array(line)))
                }
                for record in records {
                    try producer.send(record)
                    total.bytes += record.value?.count ?? 0
                }
                try await producer.flush(timeout: deliveryTimeout)
                total.files += 1
                total.messages += records.count
                total.records += recordCount
                total.file = "\(input.topic): \(name)"
                total.elapsed = started.duration(to: clock.now)
                try afterFile(input, name)
                progress(total)
                if let recordsPerSecond, recordsPerSecond > 0 {
                    let due = started.advanced(by: .milliseconds(Int64(Double(total.records) / recordsPerSecond * 1000)))
                    try await clock.sleep(until: due, tolerance: nil)
                }
            }
        }
        try producer.close(timeout: deliveryTimeout)
        total.elapsed = started.duration(to: clock.now)
        return total
    }
}
