import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `s360` command line: thin commands over the Stream360 libraries.
@main
struct S360: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s360",
        abstract: "Stream360: a streaming Customer-360 analytics engine with Spark Structured Streaming semantics.",
        version: Stream360Version.current,
        subcommands: [
            DemoCommand.self, TopUpCommand.self, ChurnCommand.self, TrainCommand.self, BenchCommand.self, BrokerCommand.self, ProduceCommand.self,
            GenerateCommand.self,
            PortalCommand.self, SQLCommand.self, RunCommand.self, ExplainCommand.self,
            CheckpointCommand.self, ReplayCommand.self,
        ])

    /// Runs the command line: line-buffered standard output, deprecated option spellings
    /// rewritten (with a line on standard error saying so), and errors reported in words.
    static func main() async {
        StandardOutput.useLineBuffering()
        let rewritten = DeprecatedOptions.rewrite(Array(CommandLine.arguments.dropFirst()))
        for warning in rewritten.warnings { StandardError.write(warning) }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(rewritten.arguments)
        } catch {
            exit(withError: error)  // a usage error: ArgumentParser's message, usage line and exit code
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard let message = UserFacingError.message(for: error) else { exit(withError: error) }
            fflush(nil)
            StandardError.write("Error: \(message)")
            Glibc.exit(ExitCode.failure.rawValue)
        }
    }
}
