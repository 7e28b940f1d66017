import ArgumentParser
import Checkpointing
import Customer360
import StreamExecution

/// `s360 checkpoint inspect|diff`: what a checkpoint holds, and whether a changed pipeline file
/// can resume from it.
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Look inside a checkpoint: its batches, offsets, watermarks, plan and state, or whether a changed pipeline can resume from it.",
        subcommands: [CheckpointInspectCommand.self, CheckpointDiffCommand.self])
}

/// The `--format` of the checkpoint commands.
enum CheckpointOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `s360 checkpoint inspect DIR [--format json]`.
struct CheckpointInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print a checkpoint's batches, offsets, watermarks, recorded plan and state sizes per operator and partition.",
        discussion: """
            DIR is a query's checkpoint (metadata, offsets/, commits/, state/) or a pipeline's \
            checkpoint root (`s360 topup|churn|run … --checkpoint ROOT`: a _pipeline marker and one \
            checkpoint per stage). Nothing is written, so it is safe while a query runs on it.

            Example: s360 checkpoint inspect out/topup-sql/checkpoint
            """)

    @Argument(help: "The checkpoint directory, or a pipeline's checkpoint root.")
    var directory: String

    @Option(help: "text | json.")
    var format: CheckpointOutputFormat = .text

    func run() throws {
        let inspection = try CheckpointInspection(path: directory)
        switch format {
        case .text: for line in inspection.textLines { print(line) }
        case .json: print(inspection.json.description)
        }
    }
}

/// `s360 checkpoint diff ROOT --plan FILE.sql`.
struct CheckpointDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say whether a changed pipeline file can resume from a checkpoint, and if not which change prevents it.",
        discussion: """
            ROOT is the checkpoint root `s360 run FILE.sql --checkpoint ROOT` wrote (one checkpoint per \
            INSERT, named after its sink). Each query's new plan is compared with the plan recorded in \
            its checkpoint, operator by operator: a window length, a watermark delay, an operator or a \
            column added, removed or retyped, an aggregate added; and the partition and source counts. \
            Exits with status 0 when every query can resume, 1 when one cannot.

            Example: s360 checkpoint diff out/topup-sql/checkpoint --plan examples/topup.sql --var FIXTURES=../shared/fixtures
            """)

    @Argument(help: "The pipeline's checkpoint root.")
    var directory: String

    @Option(help: "The changed pipeline file.")
    var plan: String

    @Option(name: .customLong("var"), help: "NAME=VALUE: replaces ${NAME} in the file (repeatable), as for `s360 run`.")
    var variables: [String] = []

    @Option(help: "The partition count the run would use (default: one per core, as `s360 run`).")
    var partitions: Int?

    @Option(help: "text | json.")
    var format: CheckpointOutputFormat = .text

    func validate() throws {
        for variable in variables where !variable.contains("=") { throw ValidationError("--var takes NAME=VALUE, not '\(variable)'") }
        if let partitions, partitions < 1 { throw ValidationError("--partitions must be at least 1, got \(partitions)") }
    }

    func run() throws {
        let program = try PipelineFile.load(plan, variables: variables)
        let name = plan.split(separator: "/").last.map(String.init) ?? plan
        var pipeline = SQLPipeline(program: program, name: name, trigger: .availableNow, checkpointDirectory: nil) { StandardError.write($0) }
        if let partitions { pipeline.partitions = partitions }
        let diff = try SQLCheckpointDiff(pipeline: pipeline, root: directory, partitions: pipeline.partitions)
        switch format {
        case .text: for line in diff.textLines { print(line) }
        case .json: print(diff.json.description)
        }
        if !diff.canResume { throw ExitCode.failure }
    }
}
