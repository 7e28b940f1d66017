import Customer360
import DataGenerator
import Foundation
import Synchronization
import Testing

/// `s360 demo --config FILE`: the JSON format, the command line over the file, validation once at
/// start, and the preparation's reuse of an earlier run's generated data.
@Suite struct DemoSettingsTests {
    static func parse(_ json: String) throws(DemoError) -> DemoSettings {
        try DemoSettings.parse(Array(json.utf8), path: "demo.json")
    }

    @Test func everyKeyOfTheFormatIsRead() throws {
        let settings = try Self.parse("""
            {"outputDirectory": "out/demo", "kafkaBootstrapServers": "k1:9092,k2:9092",
             "documentStore": "postgres://c360:secret@db:5432/c360", "topupModel": "m/topup", "churnModel": "m/churn",
             "topupData": "d/topup", "clickstreamData": "d/clicks", "crmFile": "d/crm.jsonl",
             "recordsPerSecond": 2500.5, "triggerIntervalMs": 500, "maxSeconds": 60,
             "trainingCustomers": 3000, "streamingCustomers": 1000}
            """)
        #expect(settings.outputDirectory == "out/demo")
        #expect(settings.kafkaBootstrapServers == "k1:9092,k2:9092")
        #expect(settings.documentStore == "postgres://c360:secret@db:5432/c360")
        #expect(settings.topupModel == "m/topup")
        #expect(settings.churnModel == "m/churn")
        #expect(settings.topupData == "d/topup")
        #expect(settings.clickstreamData == "d/clicks")
        #expect(settings.crmFile == "d/crm.jsonl")
        #expect(settings.recordsPerSecond == 2500.5)
        #expect(settings.triggerIntervalMs == 500)
        #expect(settings.maxSeconds == 60)
        #expect(settings.trainingCustomers == 3000)
        #expect(settings.streamingCustomers == 1000)
    }

    @Test func anEmptyObjectOrNullsMeanEveryDefault() throws {
        #expect(try Self.parse("{}") == DemoSettings())
        #expect(try Self.parse(#"{"kafkaBootstrapServers": null, "maxSeconds": null}"#) == DemoSettings())
        let configuration = DemoConfiguration.resolving(DemoSettings())
        #expect(configuration.directory == "demo")
        #expect(configuration.bootstrapServers == nil)
        #expect(configuration.resolvedStoreURL == "sqlite:demo/customer360.sqlite")
        #expect(configuration.recordsPerSecond == 2000)
        #expect(configuration.triggerInterval == .seconds(1))
        #expect(configuration.maxDuration == .seconds(180))
    }

    @Test func anUnknownKeyIsNamedWithTheKnownOnes() {
        #expect(throws: DemoError.unknownSetting(path: "demo.json", key: "maxSecond", known: DemoSettings.Key.allCases.map(\.rawValue))) {
            try Self.parse(#"{"maxSecond": 30}"#)
        }
    }

    @Test func aValueOfTheWrongTypeNamesItsKeyAndOption() throws {
        let error = try #require(throws: DemoError.self) { try Self.parse(#"{"maxSeconds": "30"}"#) }
        #expect(error == .invalidSetting(setting: "maxSeconds (--max-seconds)", value: "\"30\"", expected: "a whole JSON number of seconds"))
        #expect(throws: DemoError.self) { try Self.parse(#"{"triggerIntervalMs": 1.5}"#) }
        #expect(throws: DemoError.self) { try Self.parse(#"{"kafkaBootstrapServers": ["k1:9092"]}"#) }
    }

    @Test func aFileThatIsNotOneJSONObjectIsRefused() {
        for text in ["[1, 2]", "{\"maxSeconds\": ", ""] {
            let error = #expect(throws: DemoError.self) { try Self.parse(text) }
            guard case .unreadableConfigurationFile(let path, _) = error else {
                Issue.record("\(String(describing: error)) for \(text)")
                continue
            }
            #expect(path == "demo.json")
        }
        #expect(throws: DemoError.self) { try DemoSettings.load(file: "/nonexistent/demo.json") }
    }

    @Test func theCommandLineOverridesTheFile() throws {
        let file = try Self.parse(#"{"outputDirectory": "from-file", "maxSeconds": 60, "documentStore": "sqlite:/tmp/x.db"}"#)
        var commandLine = DemoSettings()
        commandLine.maxSeconds = 20
        commandLine.recordsPerSecond = 0
        let merged = file.overriding(with: commandLine)
        #expect(merged.outputDirectory == "from-file")
        #expect(merged.maxSeconds == 20)
        #expect(merged.documentStore == "sqlite:/tmp/x.db")
        let configuration = DemoConfiguration.resolving(merged)
        #expect(configuration.recordsPerSecond == nil, "0 publishes as fast as possible")
        #expect(configuration.maxDuration == .seconds(20))
        #expect(configuration.resolvedStoreURL == "sqlite:/tmp/x.db")
    }

    @Test func validationNamesTheSettingAndWhatToChange() throws {
        func failure(_ change: (inout DemoSettings) -> Void) -> String? {
            var settings = DemoSettings()
            change(&settings)
            do { try settings.validate() } catch { return error.description }
            return nil
        }
        #expect(failure { _ in } == nil)
        #expect(failure { $0.kafkaBootstrapServers = "k1:9092,k2:9093" } == nil)
        #expect(failure { $0.documentStore = "postgresql://db/c360" } == nil)
        #expect(failure { $0.kafkaBootstrapServers = "localhost" }?.contains("kafkaBootstrapServers (--kafka)") == true)
        #expect(failure { $0.documentStore = "mysql://db" }?.contains("sqlite:PATH or postgres://") == true)
        #expect(failure { $0.topupModel = "/nonexistent/model" }?.contains("leave it out to train one") == true)
        #expect(failure { $0.topupData = "/nonexistent/data" }?.contains("customer/ and bureau/") == true)
        #expect(failure { $0.crmFile = "/etc/hostname" }?.contains("clickstreamData (--clickstream-data)") == true)
        #expect(failure { $0.recordsPerSecond = -1 }?.contains("recordsPerSecond (--rate)") == true)
        #expect(failure { $0.triggerIntervalMs = 0 }?.contains("triggerIntervalMs (--trigger)") == true)
        #expect(failure { $0.maxSeconds = 0 }?.contains("maxSeconds (--max-seconds)") == true)
        #expect(failure { $0.streamingCustomers = 10 }?.contains("streamingCustomers (--streaming-customers)") == true)
        #expect(failure { $0.outputDirectory = "" }?.contains("outputDirectory (--dir)") == true)
    }

    @Test func theFixturesSettingsNameTheSparkModelsAndValidate() throws {
        let root = FixturePaths.shared.appendingPathComponent("fixtures").path
        let settings = DemoSettings.fixtures(at: root)
        try settings.validate()
        #expect(settings.topupModel == "\(root)/topup-small/spark_pipeline_model")
        #expect(settings.crmFile == "\(root)/c360-small/input/crm/crm.jsonl")
    }

    /// With the models given, preparing generates only the streaming sets; a second preparation
    /// with the same settings reuses them, and `regenerate` writes them again.
    @Test func preparationReusesAnEarlierRunsDataUnlessRegenerating() throws {
        let dir = try FixturePaths.temporaryDirectory("demo-prepare")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixtures = FixturePaths.shared.appendingPathComponent("fixtures").path
        var settings = DemoSettings()
        settings.outputDirectory = dir.path
        settings.topupModel = DemoSettings.fixtures(at: fixtures).topupModel
        settings.churnModel = DemoSettings.fixtures(at: fixtures).churnModel
        settings.streamingCustomers = 200
        try settings.validate()
        let writer = CountingWriter()
        let lines = Mutex<[String]>([])
        let preparation = DemoPreparation(settings: settings, writer: writer, log: { line in lines.withLock { $0.append(line) } })

        let first = try preparation.prepare()
        #expect(writer.calls == ["topup 200 seed 7", "churn 200 seed 7"])
        #expect(first.topupInput == "\(dir.path)/data/stream/topup")
        #expect(first.clickstreamInput == "\(dir.path)/data/stream/churn/clickstream")
        #expect(first.crmFile == "\(dir.path)/data/stream/churn/crm/crm.jsonl")
        #expect(first.topupModel == settings.topupModel)
        #expect(FileManager.default.fileExists(atPath: first.crmFile))

        let second = try preparation.prepare()
        #expect(writer.calls.count == 2, "the second run reuses the data")
        #expect(second.topupInput == first.topupInput)
        #expect(lines.withLock { $0 }.contains { $0.contains("reusing \(dir.path)/data/stream/topup") })

        var larger = settings
        larger.streamingCustomers = 300
        _ = try DemoPreparation(settings: larger, writer: writer, log: { _ in }).prepare()
        #expect(writer.calls.suffix(2) == ["topup 300 seed 7", "churn 300 seed 7"], "other settings make the data again")

        var again = DemoPreparation(settings: larger, writer: writer, log: { _ in })
        again.regenerate = true
        _ = try again.prepare()
        #expect(writer.calls.count == 6)
    }
}

/// The project's generators (as `s360 demo` uses them), counting what they are asked to write.
final class CountingWriter: DemoDataWriter {
    private let log = Mutex<[String]>([])
    var calls: [String] { log.withLock { $0 } }

    func writeTopUp(customers: Int, seed: UInt64, to directory: String) throws {
        log.withLock { $0.append("topup \(customers) seed \(seed)") }
        _ = try TopUpGenerator(configuration: .init(customers: customers, seed: seed, outputDirectory: directory)).run()
    }

    func writeChurn(customers: Int, seed: UInt64, to directory: String) throws {
        log.withLock { $0.append("churn \(customers) seed \(seed)") }
        _ = try ClickstreamGenerator(configuration: .init(customers: customers, seed: seed, outputDirectory: directory + "/clickstream")).run()
        _ = try CRMGenerator(configuration: .init(customers: customers, seed: seed, outputDirectory: directory + "/crm")).run()
    }
}

extension DemoConfiguration {
    /// A configuration with placeholder paths and `settings` applied.
    static func resolving(_ settings: DemoSettings) -> DemoConfiguration {
        var configuration = DemoConfiguration(topupInput: "t", clickstreamInput: "c", crmFile: "f", topupModel: "m", churnModel: "n")
        configuration.apply(settings)
        return configuration
    }
}
