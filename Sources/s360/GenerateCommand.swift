import ArgumentParser
import DataGenerator

/// `s360 generate topup|clickstream|crm`: deterministic synthetic data with the seeds' schemas.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic input data for the top-up or churn pipeline (deterministic for a seed).",
        discussion: """
            topup: DIR/customer/part-NNNNN.jsonl, DIR/bureau/part-NNNNN.jsonl (each line a JSON array of \
            records sharing ts) and DIR/manifest.json. clickstream: DIR/part-NNNNN.jsonl (each line an \
            event object or an array of events) and DIR/_manifest.json. crm: DIR/crm.jsonl (one document \
            per line) and DIR/_manifest.json. clickstream and crm with the same --customers and --seed \
            describe the same users. Sources/DataGenerator/FORMAT.md describes every file.
            """,
        subcommands: [TopUp.self, Clickstream.self, CRM.self])

    /// Options every data set takes.
    struct Common: ParsableArguments {
        @Option(help: "Customers (users) to generate.")
        var customers: Int

        @Option(help: "Random seed; the same arguments always write the same bytes.")
        var seed: UInt64 = 7

        @Option(help: "Output directory.")
        var out: String

        @Flag(help: "Print no progress lines.")
        var quiet = false

        /// Where progress lines go: standard error, so the manifest on standard output stays clean.
        var log: (String) -> Void {
            quiet ? { _ in } : { line in StandardError.write(line) }
        }
    }
}

extension GenerateCommand {
    /// `s360 generate topup`.
    struct TopUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "topup", abstract: "Customer and bureau message streams of the top-up pipeline.")

        @OptionGroup var common: Common

        @Option(help: "Customer IDs per customer message.")
        var batchSize: Int = 50

        @Option(help: "Batches per part file of each stream.")
        var batchesPerFile: Int = 4

        @Option(help: "Event time of the first message, seconds since the epoch.")
        var baseTs: Int = 1_704_067_200

        func run() throws {
            var configuration = TopUpGeneratorConfiguration(customers: common.customers, seed: common.seed, outputDirectory: common.out)
            configuration.batchSize = batchSize
            configuration.batchesPerFile = batchesPerFile
            configuration.baseTimestamp = baseTs
            let manifest = try GenerateCommand.run { () throws(GeneratorError) in
                try TopUpGenerator(configuration: configuration).run(log: common.log)
            }
            print(manifest.json, terminator: "")
        }
    }

    /// `s360 generate clickstream`.
    struct Clickstream: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clickstream", abstract: "Web-shop clickstream events of the churn pipeline.")

        @OptionGroup var common: Common

        @Option(help: "Events per user on average.")
        var eventsPerUser: Double = 8

        @Option(help: "Part files to spread the messages over.")
        var files: Int = 8

        func run() throws {
            var configuration = ChurnGeneratorConfiguration(customers: common.customers, seed: common.seed, outputDirectory: common.out)
            configuration.eventsPerUser = eventsPerUser
            configuration.files = files
            let manifest = try GenerateCommand.run { () throws(GeneratorError) in
                try ClickstreamGenerator(configuration: configuration).run(log: common.log)
            }
            print(manifest.json, terminator: "")
        }
    }

    /// `s360 generate crm`.
    struct CRM: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crm", abstract: "CRM documents (flexible schema, sparse extras) of the churn pipeline.")

        @OptionGroup var common: Common

        func run() throws {
            let configuration = ChurnGeneratorConfiguration(customers: common.customers, seed: common.seed, outputDirectory: common.out)
            let manifest = try GenerateCommand.run { () throws(GeneratorError) in
                try CRMGenerator(configuration: configuration).run(log: common.log)
            }
            print(manifest.json, terminator: "")
        }
    }

    /// Runs a generator, turning a bad option into a usage error (exit code 64, with the usage
    /// line); an I/O failure is reported with the generator's message (exit code 1).
    static func run(_ body: () throws(GeneratorError) -> GenerationManifest) throws -> GenerationManifest {
        do {
            return try body()
        } catch .invalidConfiguration(let option, let value, let expected) {
            throw ValidationError("\(option) \(value) is not accepted: expected \(expected)")
        }
    }
}
