import ArgumentParser
import KafkaConnector

/// `s360 produce`: publishes generated or fixture data to Kafka as the seed's producers did.
struct ProduceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "produce",
        abstract: "Publish generated or fixture data to Kafka topics, one message per line.",
        discussion: """
            Each line of a data file is one message: a JSON array of records (as gen_topup.py and \
            gen_c360.py write them), keyed by its first record's ID (user_id for clickstream) so \
            that messages spread over partitions. Files are published in name order; a progress line \
            follows each acknowledged file.
            """,
        subcommands: [TopUp.self, Clickstream.self])

    /// Options every producer shares.
    struct Common: ParsableArguments {
        @Option(help: "Bootstrap servers, comma-separated host:port (as `s360 broker` prints them).")
        var bootstrap: String

        @Option(help: "Records (not messages) per second; default: as fast as possible.")
        var rate: Double?

        func validate() throws {
            if let rate, !(rate > 0) { throw ValidationError("--rate must be a positive number of records per second") }
        }

        func run(_ inputs: [KafkaFileProducer.Input]) async throws {
            var producer = KafkaFileProducer(bootstrapServers: bootstrap)
            producer.recordsPerSecond = rate
            producer.progress = { print($0) }
            let total = try await producer.run(inputs)
            print("done: \(total.messages) messages, \(total.records) records to "
                + Set(inputs.map(\.topic)).sorted().joined(separator: ", "))
        }
    }

    /// `s360 produce topup`: customer and bureau files to `customer_data` and `bureau_data`.
    struct TopUp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "topup", abstract: "Publish top-up customer and bureau files to customer_data and bureau_data.")

        @Option(help: "Directory of customer files (gen_topup.py's customer/).")
        var customerDir: String

        @Option(help: "Directory of bureau files (gen_topup.py's bureau/).")
        var bureauDir: String

        @Option(help: "Customer topic.")
        var customerTopic: String = "customer_data"

        @Option(help: "Bureau topic.")
        var bureauTopic: String = "bureau_data"

        @OptionGroup var common: Common

        func run() async throws {
            try await common.run([.init(directory: customerDir, topic: customerTopic), .init(directory: bureauDir, topic: bureauTopic)])
        }
    }

    /// `s360 produce clickstream`: clickstream files to `clickstream`.
    struct Clickstream: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clickstream", abstract: "Publish clickstream files to the clickstream topic.")

        @Option(help: "Directory of clickstream files (gen_c360.py's clickstream output).")
        var dir: String

        @Option(help: "Destination topic.")
        var topic: String = "clickstream"

        @OptionGroup var common: Common

        func run() async throws {
            try await common.run([.init(directory: dir, topic: topic, keyField: "user_id")])
        }
    }
}
