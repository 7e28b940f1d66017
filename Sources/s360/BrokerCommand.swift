import ArgumentParser
import Foundation
import KafkaClient

/// `s360 broker`: an in-memory Kafka cluster (librdkafka's mock) with the seed's topics, for development and tests.
struct BrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "Run an embedded, in-memory Kafka broker with the seed's topics (development and tests only).",
        discussion: """
            Starts librdkafka's built-in mock cluster on random loopback ports and creates the topics \
            \(seedTopics.joined(separator: ", ")). The first line of standard output is the bootstrap \
            servers string to give to clients (kcat -b, --customer kafka://SERVERS/customer_data). \
            Data is kept in memory only, about 5 MiB per partition, and is lost when the broker stops. \
            Stop it with Ctrl-C (SIGINT) or SIGTERM. For real work, point Stream360 at a Kafka or \
            Redpanda cluster by its address instead.
            """)

    /// The topics the reference pipelines read and write.
    static let seedTopics = ["customer_data", "bureau_data", "clickstream", "Statewide_customer_count"]

    @Option(help: "Partitions per topic (the mock keeps about 5 MiB per partition).")
    var partitions: Int = 4

    @Option(help: "Also write the bootstrap servers string to this file (replaced atomically).")
    var bootstrapFile: String?

    func validate() throws {
        guard (1...1024).contains(partitions) else {
            throw ValidationError("--partitions must be between 1 and 1024, got \(partitions)")
        }
    }

    func run() async throws {
        let termination = TerminationSignal()  // before the first output line: no signal is missed
        let cluster = try KafkaMockCluster()
        for topic in Self.seedTopics {
            try cluster.createTopic(topic, partitions: partitions)
        }
        print(cluster.bootstrapServers)
        fflush(nil)
        if let bootstrapFile {
            do {
                try Data((cluster.bootstrapServers + "\n").utf8).write(to: URL(fileURLWithPath: bootstrapFile), options: .atomic)
            } catch {
                throw BrokerError.cannotWriteBootstrapFile(path: bootstrapFile, reason: error.localizedDescription)
            }
        }
        Self.log(
            "s360 broker: in-memory Kafka on \(cluster.bootstrapServers), topics \(Self.seedTopics.joined(separator: ", ")) "
                + "with \(partitions) partition(s) each; stop with Ctrl-C")
        let signal = await termination.wait()
        Self.log("s360 broker: \(signal) received, shutting down")
        withExtendedLifetime(cluster) {}
    }

    private static func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Why `s360 broker` stopped before serving.
enum BrokerError: Error, CustomStringConvertible {
    /// `--bootstrap-file` could not be written.
    case cannotWriteBootstrapFile(path: String, reason: String)

    var description: String {
        switch self {
        case .cannotWriteBootstrapFile(let path, let reason):
            "cannot write --bootstrap-file \(path): \(reason); check that its directory exists and is writable"
        }
    }
}
