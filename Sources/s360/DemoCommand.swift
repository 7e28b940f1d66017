import ArgumentParser
import Customer360
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `s360 demo`: generate data, train both models, then run both pipelines end to end, with
/// embedded defaults or what a configuration file names.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate data, train the models, and run both pipelines end to end (embedded Kafka, SQLite, Parquet).",
        discussion: """
            Everything goes under --dir (demo/ by default): generated data (data/), trained models \
            (models/), Parquet sinks with Spark-compatible manifests, checkpoints, the SQLite document \
            store the portal reads, per-batch progress. Data and models of an earlier run with the same \
            settings are reused (--regenerate makes them again). Stops by itself when the feed is \
            processed, after --max-seconds, or on Ctrl-C / SIGTERM (finishing the running batches). \
            --config FILE names Kafka servers, a PostgreSQL URL, data, models and pace for a real \
            deployment (format: Sources/Customer360/Demo/FORMAT.md); options override the file. \
            --fixtures DIR streams the shared fixtures with their Spark-trained models instead.
            """)

    @Option(help: "A JSON configuration file (Sources/Customer360/Demo/FORMAT.md); options given here override it.")
    var config: String?

    @Option(help: "Stream the shared fixtures directory's data with its Spark-trained models (e.g. ../shared/fixtures).")
    var fixtures: String?

    @Option(help: "Where the demo keeps everything it makes (default: demo).")
    var dir: String?

    @Option(help: "The Kafka cluster, kafka://HOST:PORT[,HOST:PORT] (the demo's topics are fixed); default: start the embedded in-memory broker.")
    var kafka: String?

    @Option(help: "Document store URL (sqlite:PATH or postgres://…); default: sqlite:DIR/customer360.sqlite.")
    var store: String?

    @Option(help: "A top-up model directory; default: train one into DIR/models/topup.")
    var topupModel: String?

    @Option(help: "A churn model directory; default: train one into DIR/models/churn.")
    var churnModel: String?

    @Option(help: "A directory with customer/ and bureau/ message files; default: generate one.")
    var topupData: String?

    @Option(help: "A directory of clickstream message files (with --crm-file); default: generate one.")
    var clickstreamData: String?

    @Option(help: "The CRM export, one JSON document per line (with --clickstream-data).")
    var crmFile: String?

    @Option(help: "Producer pace in records per second, 0: as fast as possible (default: 2000).")
    var rate: Double?

    @Option(help: "The pipelines' trigger: processing-time=<seconds> (default: processing-time=1).")
    var trigger: String?

    @Option(help: "Stop after this many seconds at the latest (default: 180).")
    var maxSeconds: Int?

    @Option(help: "Customers in each generated training set (default: 20000).")
    var trainingCustomers: Int?

    @Option(help: "Customers in each generated streaming set (default: 3000).")
    var streamingCustomers: Int?

    @Flag(help: "Generate the data and train the models again even when an earlier run's match.")
    var regenerate = false

    @Flag(help: "Lineage: each top-up prediction document names its customer record and its window's bureau records (topic-partition@offset#k); the portal's 360 page shows them under \"Why this score\".")
    var lineage = false

    @Flag(help: "Print every micro-batch's progress too, not only the status line.")
    var verbose = false

    /// The options given here, as settings that override the file's.
    var commandLineSettings: DemoSettings {
        var settings = fixtures.map(DemoSettings.fixtures(at:)) ?? DemoSettings()
        settings.outputDirectory = dir
        settings.kafkaBootstrapServers = kafka.map(Self.servers(of:))
        settings.documentStore = store
        settings.topupModel = topupModel ?? settings.topupModel
        settings.churnModel = churnModel ?? settings.churnModel
        settings.topupData = topupData ?? settings.topupData
        settings.clickstreamData = clickstreamData ?? settings.clickstreamData
        settings.crmFile = crmFile ?? settings.crmFile
        settings.recordsPerSecond = rate
        settings.triggerIntervalMs = trigger.flatMap(Self.milliseconds(of:))
        settings.maxSeconds = maxSeconds
        settings.trainingCustomers = trainingCustomers
        settings.streamingCustomers = streamingCustomers
        return settings
    }

    func validate() throws {
        if let kafka, !kafka.hasPrefix("kafka://") || Self.servers(of: kafka).isEmpty || Self.servers(of: kafka).contains("/") {
            throw ValidationError("--kafka \(kafka): expected kafka://HOST:PORT[,HOST:PORT], the cluster without a topic (the demo uses customer_data, bureau_data, clickstream and Statewide_customer_count)")
        }
        if let trigger, Self.milliseconds(of: trigger) == nil {
            throw ValidationError("--trigger \(trigger): the demo's pipelines run side by side as the feed arrives, so the trigger is processing-time=<seconds>, such as processing-time=1")
        }
    }

    /// The bootstrap servers of a `kafka://HOST:PORT[,HOST:PORT][/]` location.
    static func servers(of location: String) -> String {
        var servers = location.hasPrefix("kafka://") ? String(location.dropFirst("kafka://".count)) : location
        if servers.hasSuffix("/") { servers.removeLast() }
        return servers
    }

    /// The interval of a `processing-time=<seconds>` trigger in whole milliseconds; nil for any other text.
    static func milliseconds(of trigger: String) -> Int? {
        guard trigger.hasPrefix("processing-time="), let seconds = Double(trigger.dropFirst("processing-time=".count)),
              seconds.isFinite, seconds > 0, seconds < 1e9 else { return nil }
        return Int((seconds * 1000).rounded())
    }

    func run() async throws {
        let started = ContinuousClock.now
        let signals = DemoSignals()
        let settings: DemoSettings
        do throws(DemoError) {
            let file = try config.map { path throws(DemoError) in try DemoSettings.load(file: path) } ?? DemoSettings()
            settings = file.overriding(with: commandLineSettings)
            try settings.validate()
        } catch {
            StandardError.write("Error: \(error)")
            throw ExitCode.validationFailure
        }

        let output = settings.resolvedOutputDirectory
        DemoCommand.say("demo: everything goes under \(output)/; "
            + (settings.kafkaBootstrapServers.map { "Kafka at \($0)" } ?? "embedded Kafka broker") + ", "
            + (settings.documentStore ?? "sqlite:\(output)/customer360.sqlite"))
        var preparation = DemoPreparation(settings: settings, writer: GeneratedDemoData(), log: DemoCommand.say)
        preparation.regenerate = regenerate
        var configuration = try preparation.prepare()
        configuration.printsEveryBatch = verbose
        if lineage { configuration.lineage = TopUpLineage() }
        DemoCommand.say("demo: ready in \(DemoPreparation.seconds(since: started)); streaming \(configuration.topupInput) and "
            + "\(configuration.clickstreamInput) (stops after \(configuration.maxDuration) at the latest)")

        let runner = DemoRunner(configuration: configuration, log: DemoCommand.say)
        signals.streaming(runner)
        let summary = try await runner.run()
        withExtendedLifetime(signals) {}  // its handlers must outlive the run
        DemoCommand.say("\ndemo finished in \(DemoPreparation.seconds(since: started)): "
            + summary.batches.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value) batches" }.joined(separator: ", "))
        DemoCommand.say("outputs:")
        DemoCommand.say("  \(configuration.topupInput), \(configuration.clickstreamInput), \(configuration.crmFile) (the streamed data)")
        DemoCommand.say("  \(configuration.topupModel), \(configuration.churnModel) (the models)")
        for output in summary.outputs { DemoCommand.say("  \(output)") }
        DemoCommand.say("open the call-center portal with: .build/release/s360 portal --demo-dir \(configuration.directory)   (then http://127.0.0.1:8360/)")
        if configuration.storeURL != nil {
            DemoCommand.say("  (the portal reads \(configuration.directory)/customer360.sqlite and progress/; it does not read \(configuration.resolvedStoreURL))")
        }
    }
}

extension DemoCommand {
    /// Writes a line to standard output at once, buffered or not, so that `make demo | tee` and
    /// logs show progress live and in order.
    @Sendable static func say(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(1, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }  // nowhere left to write to
            offset += n
        }
    }
}

/// Ctrl-C and SIGTERM for the demo: while data and models are prepared they end the process at once
/// (an interrupted set or model has no stamp, so a re-run makes it again); while streaming, the
/// first asks the runner to stop after the running batches and a second one ends the process.
private final class DemoSignals {
    /// What the handlers share with the command.
    private final class State: Sendable {
        let runner = Mutex<DemoRunner?>(nil)
        let stopping = Mutex(false)
    }

    private let state = State()
    private let sources: [any DispatchSourceSignal]

    init() {
        let queue = DispatchQueue(label: "s360.demo.signals")
        var sources: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGINT, "Ctrl-C"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [state] in
                let runner = state.runner.withLock { $0 }
                let again = state.stopping.withLock { stopping in
                    defer { stopping = true }
                    return stopping
                }
                guard let runner, !again else {
                    DemoCommand.say("demo: \(name), stopping now")
                    exit(128 + number)
                }
                DemoCommand.say("demo: \(name), finishing the running batches… (again to stop at once)")
                runner.requestStop()
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// From now on a signal stops `runner` gracefully.
    func streaming(_ runner: DemoRunner) {
        state.runner.withLock { $0 = runner }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
