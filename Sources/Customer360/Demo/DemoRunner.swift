import Columnar
import Connectors
public import DocumentStore
import FileConnector
import Foundation
import JSONIngest
import KafkaClient
import KafkaConnector
import MachineLearning
import StreamExecution
import StreamOperators
import StreamPlan
import Synchronization

/// `s360 demo`: both reference pipelines end to end on one machine, with embedded defaults.
///
/// With the embedded broker, an earlier run's checkpoints and outputs in the directory are removed
/// first (their offsets point into topics that no longer exist). Then it
/// 1. loads the CRM documents into the document store (table `crm`);
/// 2. starts the embedded Kafka broker (unless servers are given) and the producers, which
///    publish the top-up and clickstream files at a steady pace;
/// 3. runs three streaming queries concurrently on a processing-time trigger, each checkpointed:
///    the top-up join into Parquet (`parquet/cust_bureau_df`), the top-up scoring into Parquet
///    (`parquet/top_up_predictions`), the store and the `Statewide_customer_count` topic, and the
///    churn scoring of the clickstream joined with the CRM table into the store;
/// 4. appends each batch's progress to `progress/<query>.jsonl` for the portal, and prints a status
///    line every ``DemoConfiguration/statusInterval`` (see ``DemoStatus``: batches, messages per
///    second, rows written and lag per query);
/// 5. stops once the producers are done and the pipelines are idle, after ``DemoConfiguration/maxDuration``,
///    or when ``requestStop()`` is called (Ctrl-C), always finishing the running batch.
public final class DemoRunner: Sendable {
    public let configuration: DemoConfiguration
    private let log: @Sendable (String) -> Void
    private let stopRequested = Mutex(false)

    public init(configuration: DemoConfiguration, log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.configuration = configuration
        self.log = log
    }

    /// Asks the demo to stop after the running batches.
    public func requestStop() {
        stopRequested.withLock { $0 = true }
    }

    /// What the demo made.
    public struct Summary: Sendable {
        public var batches: [String: Int64]
        public var outputs: [String]
    }

    public func run() async throws -> Summary {
        let dir = configuration.directory
        if configuration.bootstrapServers == nil { try clearPreviousRun() }
        for sub in ["", "/parquet", "/checkpoints", "/progress", "/quarantine"] { try FileSystem.createDirectory(dir + sub) }
        let store = try DocumentStoreURL(configuration.resolvedStoreURL).open()
        defer { store.close() }
        let tables = try DemoTables(store: store)
        let (crmRows, rejected) = JSONDocumentReader.read(try FileSystem.readAll(configuration.crmFile), source: configuration.crmFile)
        try tables.crm.upsert(DocumentEncoder.documents(crmRows))
        log("crm: \(crmRows.rowCount) documents loaded into \(configuration.resolvedStoreURL) table crm"
            + (rejected.isEmpty ? "" : " (\(rejected.count) rejected)"))

        var cluster: KafkaMockCluster?
        let bootstrap: String
        if let servers = configuration.bootstrapServers {
            bootstrap = servers
        } else {
            let mock = try KafkaMockCluster()
            for topic in ["customer_data", "bureau_data", "clickstream", "Statewide_customer_count"] {
                try mock.createTopic(topic, partitions: 4)
            }
            bootstrap = mock.bootstrapServers
            cluster = mock
            log("embedded Kafka broker (in memory) at \(bootstrap)")
        }
        let summary = try await stream(bootstrap: bootstrap, tables: tables, crm: crmRows)
        // The queries' consumers are gone by now; the broker goes last, so none of them logs a
        // lost connection on the way out.
        withExtendedLifetime(cluster) {}
        return summary
    }

    /// Runs the producers, the three queries and the monitor until the stop condition.
    private func stream(bootstrap: String, tables: DemoTables, crm crmRows: RecordBatch) async throws -> Summary {
        let dir = configuration.directory
        let queries = try DemoQueries(configuration: configuration, bootstrap: bootstrap, tables: tables, crm: crmRows)
        let activity = DemoActivity()
        let status = DemoStatus()
        status.add(query: queries.topupJoined.configuration.name, label: "topup join", outputNoun: "rows", topics: ["customer_data", "bureau_data"])
        status.add(query: queries.topupScored.configuration.name, label: "topup scoring", outputNoun: "predictions",
                   topics: ["customer_data", "bureau_data"])
        status.add(query: queries.churn.configuration.name, label: "churn", outputNoun: "predictions", topics: ["clickstream"])
        let printsEveryBatch = configuration.printsEveryBatch
        for query in queries.all {
            let progressPath = "\(dir)/progress/\(query.configuration.name).jsonl"
            let progressLog = ProgressFile(path: progressPath)
            query.progressHandler = { [log] progress in
                activity.lastBatch.withLock { $0 = .now }
                status.record(progress)
                do {
                    try progressLog.append(progress.json)
                } catch {
                    log("demo: cannot append to \(progressPath): \(error)")
                }
                if printsEveryBatch { log(progress.summary) }
            }
            // A sink that failed transiently (the store restarting) is retried with back-off;
            // the query counts as busy meanwhile, so the demo does not stop it as idle.
            query.retryHandler = { [log] retry in
                activity.lastBatch.withLock { $0 = .now }
                log("[\(retry.query)] \(retry)")
            }
        }
        log("streaming: 3 queries on a \(configuration.triggerInterval) trigger; a status line every \(configuration.statusInterval), "
            + "per-batch details in \(dir)/progress/*.jsonl; Ctrl-C stops after the running batches")

        var producer = KafkaFileProducer(bootstrapServers: bootstrap)
        producer.recordsPerSecond = configuration.recordsPerSecond
        producer.progress = { status.record($0) }
        let lagProbe = try KafkaConsumer(configuration: KafkaConfiguration(bootstrapServers: bootstrap))
        let started = ContinuousClock.now
        let feed = ProducerBox(producer)
        let boxes = queries.all.map(QueryBox.init)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // The producers, until every file is published or the demo stops (whichever is first).
                let published = try await withThrowingTaskGroup(of: Bool.self) { feedGroup in
                    feedGroup.addTask {
                        try await feed.producer.run([
                            .init(directory: "\(self.configuration.topupInput)/customer", topic: "customer_data"),
                            .init(directory: "\(self.configuration.topupInput)/bureau", topic: "bureau_data"),
                            .init(directory: self.configuration.clickstreamInput, topic: "clickstream", keyField: "user_id"),
                        ])
                        return true
                    }
                    feedGroup.addTask {
                        while !activity.stopping.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(100)) }
                        return false
                    }
                    defer { feedGroup.cancelAll() }
                    return try await feedGroup.next() ?? false
                }
                activity.producersDone.withLock { $0 = true }
                if published { status.producersFinished() }
            }
            for box in boxes {
                group.addTask { try await box.query.run() }
            }
            group.addTask {
                // Prints the status line; stops the pipelines once the feed is done and they are
                // idle, or on request or timeout.
                var nextStatus = ContinuousClock.now.advanced(by: self.configuration.statusInterval)
                while true {
                    try await Task.sleep(for: .milliseconds(250))
                    if ContinuousClock.now >= nextStatus {
                        self.log(status.line(watermarks: await Self.watermarks(of: status.topics, probe: lagProbe)))
                        nextStatus = ContinuousClock.now.advanced(by: self.configuration.statusInterval)
                    }
                    let idle = activity.lastBatch.withLock { $0.duration(to: .now) } > self.configuration.quietPeriod
                    let finished = activity.producersDone.withLock { $0 } && idle
                    let timedOut = started.duration(to: .now) > self.configuration.maxDuration
                    if finished || timedOut || self.stopRequested.withLock({ $0 }) {
                        if timedOut { self.log("demo: time limit reached, stopping after the running batches") }
                        activity.stopping.withLock { $0 = true }
                        for box in boxes { box.query.stop() }
                        return
                    }
                }
            }
            try await group.waitForAll()
        }
        log(status.line(watermarks: await Self.watermarks(of: status.topics, probe: lagProbe)))
        try? lagProbe.close()
        var batches: [String: Int64] = [:]
        for query in queries.all { batches[query.configuration.name] = query.nextBatchId }
        return Summary(batches: batches, outputs: [
            "\(dir)/parquet/cust_bureau_df (Parquet, Spark manifest in _spark_metadata)",
            "\(dir)/parquet/top_up_predictions (Parquet)",
            "\(configuration.resolvedStoreURL) tables crm, clicks, realtime_churn_predictions, topup_predictions, statewide_customer_count",
            "\(dir)/progress/*.jsonl (per-batch progress)", "\(dir)/checkpoints/* (restart resumes from here)",
            "\(dir)/quarantine/* (malformed messages, when any)",
        ])
    }
}

extension DemoRunner {
    /// Every partition's watermarks for `topics`, or nil when the broker does not answer in time.
    static func watermarks(of topics: Set<String>, probe: KafkaConsumer) async -> [KafkaTopicPartition: KafkaWatermarks]? {
        var result: [KafkaTopicPartition: KafkaWatermarks] = [:]
        do {
            for topic in topics.sorted() {
                for partition in try await probe.partitions(of: topic, timeout: .seconds(1)) {
                    let topicPartition = KafkaTopicPartition(topic: topic, partition: partition)
                    result[topicPartition] = try await probe.watermarks(of: topicPartition, timeout: .seconds(1))
                }
            }
        } catch {
            return nil
        }
        return result
    }

    /// With the embedded broker the topics start empty, so an earlier run's checkpoints (offsets
    /// into topics that are gone) and outputs are removed rather than resumed from.
    func clearPreviousRun() throws {
        let dir = configuration.directory
        var paths = ["checkpoints", "parquet", "progress", "quarantine"].map { "\(dir)/\($0)" }
        if configuration.storeURL == nil {
            let store = "\(dir)/customer360.sqlite"
            paths += [store, store + "-wal", store + "-shm"]
        }
        let existing = paths.filter { FileSystem.exists($0) }
        guard !existing.isEmpty else { return }
        for path in existing {
            do { try FileManager.default.removeItem(atPath: path) } catch {
                throw DemoError.preparationFailed(step: "clearing the previous run's outputs", path: path, reason: "\(error)")
            }
        }
        log("streaming: cleared the previous run's checkpoints and outputs in \(dir) (the embedded broker starts with empty topics)")
    }
}

/// Hands a query to the task that runs it. Safe because exactly one task uses the query, apart
/// from `stop()`, which is lock-protected.
private struct QueryBox: @unchecked Sendable {
    let query: StreamingQuery
    init(_ query: StreamingQuery) { self.query = query }
}

/// What the stop monitor watches: whether the feed is done and when a batch last ran.
private final class DemoActivity: Sendable {
    let producersDone = Mutex(false)
    /// Set when the queries are asked to stop; the producers stop too.
    let stopping = Mutex(false)
    let lastBatch = Mutex(ContinuousClock.now)
}

/// Hands the producer to its task (it is used by that task alone).
private struct ProducerBox: @unchecked Sendable {
    let producer: KafkaFileProducer
    init(_ producer: KafkaFileProducer) { self.producer = producer }
}

/// Appends lines to a file (the progress log the portal tails).
private final class ProgressFile: @unchecked Sendable {
    // Used only from the query's own task (its progress handler), one line at a time.
    let path: String
    init(path: String) { self.path = path }

    /// Appends the line; the portal's follower reads by offset and waits for the newline, so
    /// it never takes half a line.
    func append(_ line: String) throws {
        try FileSystem.append(Array(line.utf8) + [0x0A], to: path)
    }
}
