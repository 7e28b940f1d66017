import ArgumentParser
import Customer360
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// `s360 demo`: both reference pipelines end to end with embedded defaults.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run both pipelines end to end: embedded Kafka, producers, top-up and churn scoring, Parquet and SQLite outputs.",
        discussion: """
            Everything goes under --dir (demo/ by default): Parquet sinks with Spark-compatible manifests, \
            checkpoints, the SQLite document store the portal reads, per-batch progress. Stops by itself when \
            the feed is processed, after --max-seconds, or on Ctrl-C (finishing the running batches). \
            Give --bootstrap to use a real Kafka cluster and --store postgres://… for PostgreSQL.
            """)

    @Option(help: "The shared fixtures directory with the demo's input data and Spark-trained models.")
    var fixtures: String = "../shared/fixtures"

    @Option(help: "Where the demo keeps everything it makes.")
    var dir: String = "demo"

    @Option(help: "Kafka bootstrap servers; default: start the embedded in-memory broker.")
    var bootstrap: String?

    @Option(help: "Document store URL (sqlite:PATH or postgres://…); default: sqlite:DIR/customer360.sqlite.")
    var store: String?

    @Option(help: "Producer pace in records per second (0: as fast as possible).")
    var rate: Double = 4000

    @Option(help: "Stop after this many seconds at the latest.")
    var maxSeconds: Int = 180

    func run() async throws {
        var configuration = DemoConfiguration.fixtures(at: fixtures)
        configuration.directory = dir
        configuration.bootstrapServers = bootstrap
        configuration.storeURL = store
        configuration.recordsPerSecond = rate > 0 ? rate : nil
        configuration.maxDuration = .seconds(maxSeconds)
        let runner = DemoRunner(configuration: configuration)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        signal(SIGINT, SIG_IGN)
        interrupt.setEventHandler {
            print("demo: Ctrl-C, finishing the running batches…")
            runner.requestStop()
        }
        interrupt.resume()
        let summary = try await runner.run()
        print("\ndemo finished: " + summary.batches.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value) batches" }.joined(separator: ", "))
        print("outputs:")
        for output in summary.outputs { print("  \(output)") }
        print("open the call-center portal with: .build/release/s360 portal --demo-dir \(dir)   (then http://127.0.0.1:8360/)")
    }
}
