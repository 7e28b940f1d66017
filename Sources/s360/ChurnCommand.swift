import ArgumentParser
import Connectors
import Customer360
import StreamExecution

/// `s360 churn`: the Customer 360 churn pipeline over a clickstream and a CRM export.
struct ChurnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "churn",
        abstract: "Run the Customer 360 churn pipeline: clickstream ⋈ CRM documents, web-traffic statistics, churn label.",
        discussion: """
            Reads the clickstream (a directory of JSON-lines files: one event object or an array of \
            events per line) and the CRM documents (a JSON-lines file, flexible schema), and writes \
            joined.jsonl and weblog_stats.jsonl to OUT in the shapes of the c360-small fixture.
            """)

    @Option(help: "Clickstream: a directory of text files.")
    var clicks: String

    @Option(help: "CRM documents: a JSON-lines file, or a document store table (sqlite:PATH#TABLE, postgres://…#TABLE).")
    var crm: String

    @Option(help: "Files per micro-batch (Spark's maxFilesPerTrigger); default: all available.")
    var maxFilesPerTrigger: Int?

    @Option(help: "available-now | once | processing-time=<seconds>.")
    var trigger: String = "available-now"

    @Option(help: "Directory to write the outputs to.")
    var dump: String

    @Option(help: "A churn model directory (Spark's saved PipelineModel or Stream360's) to score the joined stream with.")
    var model: String?

    func run() async throws {
        let dumper = ChurnDump(
            clickLocation: clicks, crmPath: crm, trigger: try TriggerOption.parse(trigger),
            readLimit: maxFilesPerTrigger.map { .maxFiles($0) } ?? .all, outputDirectory: dump, modelDirectory: model)
        try await dumper.run()
    }
}
