import ArgumentParser
import Connectors
import Customer360
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
            follows each acknowledged file. Topics are Kafka locations, kafka://HOST:PORT[,HOST:PORT]/TOPIC \
            (the servers as `s360 broker` prints them), as `s360 topup --customer` reads them.
            """,
        subcommands: [TopUp.self, Clickstream.self])

    /// Options every producer shares.
    struct Common: ParsableArguments {
        @Option(help: "Records (not messages) per second; default: as fast as possible.")
        var rate: Double?

        func validate() throws {
            if let rate, !(rate > 0) { throw ValidationError("--rate must be a positive number of records per second") }
        }

        /// Checks that `value`, given to `option`, is a Kafka location naming one topic.
        static func validateTopic(_ option: String, _ value: String) throws {
            do {
                let (_, topics) = try SourceLocation.kafkaTopics(value)
                guard topics.count == 1 else { throw ValidationError("\(option) \(value) names \(topics.count) topics; give one") }
            } catch is ConnectorError {
                throw ValidationError("\(option) \(value) is not a Kafka location: expected kafka://HOST:PORT[,HOST:PORT]/TOPIC")
            }
        }

        /// Publishes `inputs`, each a directory and a Kafka location; all locations must name one cluster.
        func run(_ inputs: [(directory: String, location: String, keyField: String)]) async throws {
            var servers: String?
            var resolved: [KafkaFileProducer.Input] = []
            for input in inputs {
                let (inputServers, topics) = try SourceLocation.kafkaTopics(input.location)
                guard topics.count == 1 else {
                    throw ValidationError("\(input.location) names \(topics.count) topics; give one topic per location")
                }
                if let servers, servers != inputServers {
                    throw ValidationError("every topic must be on one Kafka cluster: \(servers) and \(inputServers) differ")
                }
                servers = inputServers
                resolved.append(.init(directory: input.directory, topic: topics[0], keyField: input.keyField))
            }
            guard let servers else { return }
            var producer = KafkaFileProducer(bootstrapServers: servers)
            producer.recordsPerSecond = rate
            producer.progress = { print($0) }
            let total = try await producer.run(resolved)
            print("done: \(total.messages) messages, \(total.records) records to "
                + Set(resolved.map(\.topic)).sorted().joined(separator: ", "))
        }
    }

    /// `s360 produce topup`: customer and bureau files to `customer_data` and `bureau_data`.
    struct TopUp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "topup", abstract: "Publish top-up customer and bureau files to customer_data and bureau_data.")

        @Option(help: "Directory of customer files (s360 generate topup's customer/).")
        var customer: String

        @Option(help: "Directory of bureau files (s360 generate topup's bureau/).")
        var bureau: String

        @Option(help: "Customer topic: kafka://HOST:PORT[,HOST:PORT]/TOPIC (the seed's is customer_data).")
        var customerTopic: String

        @Option(help: "Bureau topic: kafka://HOST:PORT[,HOST:PORT]/TOPIC on the same cluster (the seed's is bureau_data).")
        var bureauTopic: String

        @OptionGroup var common: Common

        func validate() throws {
            try Common.validateTopic("--customer-topic", customerTopic)
            try Common.validateTopic("--bureau-topic", bureauTopic)
            let servers = Set([customerTopic, bureauTopic].compactMap { try? SourceLocation.kafkaTopics($0).servers })
            if servers.count > 1 {
                throw ValidationError("--customer-topic and --bureau-topic must be on one Kafka cluster, not \(servers.sorted().joined(separator: " and "))")
            }
        }

        func run() async throws {
            try await common.run([(customer, customerTopic, "ID"), (bureau, bureauTopic, "ID")])
        }
    }

    /// `s360 produce clickstream`: clickstream files to `clickstream`.
    struct Clickstream: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clickstream", abstract: "Publish clickstream files to the clickstream topic.")

        @Option(help: "Directory of clickstream files (s360 generate clickstream's output).")
        var clicks: String

        @Option(help: "Destination topic: kafka://HOST:PORT[,HOST:PORT]/TOPIC (the seed's is clickstream).")
        var clicksTopic: String

        @OptionGroup var common: Common

        func validate() throws {
            try Common.validateTopic("--clicks-topic", clicksTopic)
        }

        func run() async throws {
            try await common.run([(clicks, clicksTopic, "user_id")])
        }
    }
}
