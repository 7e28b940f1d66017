import ArgumentParser
import Checkpointing
import Columnar
import Connectors
import Customer360
import StreamExecution

/// `s360 replay DIR --batch N --dump OUT --plan FILE.sql`: one batch re-run from its checkpoint.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run one batch of a checkpointed query from its recorded offsets and state, writing its output as JSON lines.",
        discussion: """
            DIR is one query's checkpoint of a pipeline file run with `s360 run FILE.sql --checkpoint \
            ROOT` (ROOT/<sink>), or ROOT with --query <sink>. Batch N is re-run exactly as a restart \
            after a crash in N would run it: the state and watermarks saved after N-1, the source \
            ranges recorded in offsets/N-1 and offsets/N, the watermark recorded in offsets/N. The \
            sink and the checkpoint are not touched (nothing is written into DIR) and the sources are \
            not committed; the rows the query handed its sink for batch N go to OUT as JSON lines, \
            the same lines a JSON-lines sink wrote for that batch. The sources must still hold the \
            batch's data (files kept, Kafka retention).

            Example: s360 replay out/topup-sql/checkpoint/bureau_groups_out --batch 3 --dump /tmp/batch3.jsonl \
            --plan examples/topup.sql --var FIXTURES=../shared/fixtures
            """)

    @Argument(help: "The query's checkpoint directory (or a pipeline's checkpoint root with --query).")
    var directory: String

    @Option(help: "The batch id to re-run.")
    var batch: Int64

    @Option(help: "Where to write the batch's output (JSON lines); replaced if it exists.")
    var dump: String

    @Option(help: "The pipeline file that wrote the checkpoint.")
    var plan: String?

    @Option(help: "The query (its sink's name) when DIR is a pipeline's checkpoint root.")
    var query: String?

    @Option(name: .customLong("var"), help: "NAME=VALUE: replaces ${NAME} in the file (repeatable), as for `s360 run`.")
    var variables: [String] = []

    func validate() throws {
        for variable in variables where !variable.contains("=") { throw ValidationError("--var takes NAME=VALUE, not '\(variable)'") }
        if batch < 0 { throw ValidationError("--batch must be a batch id (0 or more), got \(batch)") }
    }

    func run() throws {
        let trimmed = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let checkpoint = query.map { "\(trimmed)/\($0)" } ?? trimmed
        let stage = query ?? (trimmed.split(separator: "/").last.map(String.init) ?? trimmed)
        if query == nil, FileSystem.isRegularFile("\(trimmed)/\(PipelineCheckpoint.markerName)") {
            let stages = try CheckpointInspection(path: trimmed).queries.map(\.name)
            throw ValidationError("\(trimmed) is a pipeline's checkpoint root; name the query with --query (one of: \(stages.joined(separator: ", ")))")
        }
        guard let plan else {
            let parent = trimmed.split(separator: "/").dropLast().joined(separator: "/")
            let owner = (try? FileSystem.readAll((trimmed.hasPrefix("/") ? "/" : "") + parent + "/" + PipelineCheckpoint.markerName))
                .map { String(decoding: $0, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "" }
            let hint = owner.map { $0.hasPrefix("run ") ? " (this checkpoint was written by `s360 \($0)`: give that file)" : " (this checkpoint was written by `s360 \($0)`, whose plan is built in; replay runs pipeline files)" } ?? ""
            throw ValidationError("replay needs the pipeline file that wrote the checkpoint: --plan FILE.sql\(hint)")
        }
        let program = try PipelineFile.load(plan, variables: variables)
        let name = plan.split(separator: "/").last.map(String.init) ?? plan
        let pipeline = SQLPipeline(program: program, name: name, trigger: .availableNow, checkpointDirectory: nil) { StandardError.write($0) }
        let output = try SQLBatchReplay.replay(pipeline: pipeline, stage: stage, checkpoint: checkpoint, batchId: batch)
        var bytes: [UInt8] = []
        JSONLinesEncoder.encode(output, into: &bytes)
        try FileSystem.writeAtomically(bytes, to: dump)
        print("batch \(batch) of \(stage): \(output.rowCount) row\(output.rowCount == 1 ? "" : "s") written to \(dump)")
    }
}
