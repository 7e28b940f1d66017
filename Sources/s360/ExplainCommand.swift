import ArgumentParser
import Customer360
import StreamExecution
import StreamSQL

/// `s360 explain FILE.sql`: the logical and physical plan of every `INSERT` of a pipeline
/// file, with each stateful operator's state bound.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the plans of a streaming SQL pipeline file and each stateful operator's state bound.",
        discussion: """
            For every INSERT INTO of the file: its logical plan, its physical plan and, per stateful \
            operator, whether its state is "bounded by the watermark on ts, 35 s" or "UNBOUNDED: …" \
            with what to change. Sources are opened (to know their schemas) but nothing is read. \
            Exits with status 2 when some state is unbounded, which `s360 run` refuses unless \
            --allow-unbounded-state.
            """)

    @Argument(help: "The pipeline file.")
    var file: String

    @Option(name: .customLong("var"), help: "NAME=VALUE: replaces ${NAME} in the file (repeatable).")
    var variables: [String] = []

    func run() throws {
        let program = try PipelineFile.load(file, variables: variables)
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let pipeline = SQLPipeline(program: program, name: name, trigger: .availableNow, checkpointDirectory: nil) { StandardError.write($0) }
        let explained: (text: String, unbounded: [String])
        do {
            explained = try SQLExplain.explain(pipeline)
        } catch let error as SQLError {
            StandardError.write("Error: \(file): \(error)")
            throw ExitCode.failure
        }
        print(explained.text)
        if !explained.unbounded.isEmpty {
            print("\n\(explained.unbounded.count) stateful operator(s) with unbounded state; `s360 run` refuses them unless --allow-unbounded-state")
            throw ExitCode(2)
        }
    }
}
