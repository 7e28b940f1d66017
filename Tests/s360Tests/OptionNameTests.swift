import ArgumentParser
import Testing
@testable import s360

/// The converged option names (`--customer`, `--clicks`, Kafka locations as `kafka://…/TOPIC`,
/// `--trigger processing-time=<seconds>`) and the old spellings rewritten for one release.
@Suite struct OptionNameTests {
    @Test func produceTopUpTakesInputsAndKafkaLocationsByTheTopUpCommandsNames() throws {
        let command = try ProduceCommand.TopUp.parse([
            "--customer", "in/customer", "--bureau", "in/bureau",
            "--customer-topic", "kafka://127.0.0.1:9092/customer_data", "--bureau-topic", "kafka://127.0.0.1:9092/bureau_data",
        ])
        #expect(command.customer == "in/customer")
        #expect(command.bureau == "in/bureau")
        #expect(command.customerTopic == "kafka://127.0.0.1:9092/customer_data")
        #expect(throws: (any Error).self) {
            try ProduceCommand.TopUp.parse([
                "--customer", "c", "--bureau", "b", "--customer-topic", "customer_data", "--bureau-topic", "kafka://h:1/bureau_data",
            ])
        }
        #expect(throws: (any Error).self, "two clusters") {
            try ProduceCommand.TopUp.parse([
                "--customer", "c", "--bureau", "b", "--customer-topic", "kafka://a:1/c", "--bureau-topic", "kafka://b:1/b",
            ])
        }
    }

    @Test func produceClickstreamTakesClicksAndAKafkaLocation() throws {
        let command = try ProduceCommand.Clickstream.parse(["--clicks", "in/clicks", "--clicks-topic", "kafka://h:1,h:2/clickstream"])
        #expect(command.clicks == "in/clicks")
        #expect(command.clicksTopic == "kafka://h:1,h:2/clickstream")
    }

    @Test func theOldProduceSpellingsAreRewrittenWithADeprecationLineEach() throws {
        let old = ["produce", "topup", "--customer-dir", "in/c", "--bureau-dir=in/b", "--bootstrap", "127.0.0.1:9092", "--bureau-topic", "bureau2"]
        let rewritten = DeprecatedOptions.rewrite(old)
        #expect(rewritten.arguments == [
            "produce", "topup", "--customer", "in/c", "--bureau=in/b", "--bureau-topic", "kafka://127.0.0.1:9092/bureau2",
            "--customer-topic", "kafka://127.0.0.1:9092/customer_data",
        ])
        #expect(rewritten.warnings.count == 3)
        #expect(rewritten.warnings.allSatisfy { $0.contains("deprecated") })
        #expect(rewritten.warnings[0].contains("--customer-dir") && rewritten.warnings[0].contains("--customer instead"))
        #expect(rewritten.warnings[2].contains("--customer-topic kafka://127.0.0.1:9092/customer_data"))

        let parsed = try #require(try S360.parseAsRoot(rewritten.arguments) as? ProduceCommand.TopUp)
        #expect(parsed.customer == "in/c")
        #expect(parsed.bureau == "in/b")
        #expect(parsed.bureauTopic == "kafka://127.0.0.1:9092/bureau2")

        let clicks = DeprecatedOptions.rewrite(["produce", "clickstream", "--dir", "in", "--bootstrap=h:1"])
        #expect(clicks.arguments == ["produce", "clickstream", "--clicks", "in", "--clicks-topic", "kafka://h:1/clickstream"])
        #expect(clicks.warnings.count == 2)
    }

    @Test func demoTakesKafkaAsALocationAndTheTriggerAsTheOtherCommandsDo() throws {
        let command = try DemoCommand.parse(["--kafka", "kafka://broker1:9092,broker2:9092", "--trigger", "processing-time=0.5"])
        #expect(command.commandLineSettings.kafkaBootstrapServers == "broker1:9092,broker2:9092")
        #expect(command.commandLineSettings.triggerIntervalMs == 500)
        #expect(throws: (any Error).self) { try DemoCommand.parse(["--kafka", "broker1:9092"]) }
        #expect(throws: (any Error).self) { try DemoCommand.parse(["--kafka", "kafka://broker1:9092/customer_data"]) }
        #expect(throws: (any Error).self) { try DemoCommand.parse(["--trigger", "available-now"]) }

        let old = DeprecatedOptions.rewrite(["demo", "--bootstrap", "b:1", "--trigger-ms=250", "--dir", "d"])
        #expect(old.arguments == ["demo", "--kafka", "kafka://b:1", "--trigger", "processing-time=0.25", "--dir", "d"])
        #expect(old.warnings.count == 2)
        let parsed = try #require(try S360.parseAsRoot(old.arguments) as? DemoCommand)
        #expect(parsed.commandLineSettings.triggerIntervalMs == 250)
        #expect(parsed.commandLineSettings.outputDirectory == "d", "--dir is the demo's own option, not an old spelling")
    }

    @Test func otherCommandsAndArgumentsAfterTheTerminatorAreLeftAlone() {
        let topup = ["topup", "--customer", "c", "--bootstrap", "x"]
        #expect(DeprecatedOptions.rewrite(topup).arguments == topup)
        #expect(DeprecatedOptions.rewrite(topup).warnings.isEmpty)
        let terminated = ["produce", "clickstream", "--clicks", "c", "--", "--dir"]
        #expect(DeprecatedOptions.rewrite(terminated).arguments == terminated)
    }

    @Test func theVersionIsDefinedOnceAndGivenToTheRootCommand() {
        #expect(S360.configuration.version == Stream360Version.current)
        #expect(!Stream360Version.current.isEmpty)
    }
}
