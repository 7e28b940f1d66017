import ArgumentParser

/// The `s360` command line: thin commands over the Stream360 libraries.
@main
struct S360: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s360",
        abstract: "Stream360: a streaming Customer-360 analytics engine with Spark Structured Streaming semantics.",
        subcommands: [
            DemoCommand.self, TopUpCommand.self, ChurnCommand.self, TrainCommand.self, BenchCommand.self, BrokerCommand.self, ProduceCommand.self,
            GenerateCommand.self,
            PortalCommand.self,
        ])
}
