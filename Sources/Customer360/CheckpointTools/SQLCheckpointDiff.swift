public import Checkpointing
import Connectors
import StreamExecution
import StreamPlan
import StreamSQL

/// Whether a changed pipeline file can resume from a checkpoint root `s360 run FILE.sql
/// --checkpoint ROOT` wrote (`s360 checkpoint diff ROOT --plan FILE.sql`), and if not, why.
///
/// Each `INSERT` of the file is one query checkpointed in `ROOT/<sink>`. For every one the new
/// plan (as `StreamingQuery` would record it) is compared with the plan in its `metadata`,
/// operator by operator (``Checkpointing/PlanComparison``), and the partition count and source
/// count with those in its newest `offsets/N`. A query whose plan text is the same resumes; a
/// new `INSERT` starts afresh; a stage directory with no `INSERT` left is reported, since its
/// sink would stop receiving batches. Nothing is opened for writing: sources are compiled
/// (their paths checked) but not read, and no sink or checkpoint is touched.
public struct SQLCheckpointDiff: Sendable {
    /// The verdict for one stage.
    public enum Verdict: Sendable {
        /// Same plan, same partition count: the query resumes after its last committed batch.
        case resumes(lastCommitted: Int64?)
        /// The file has the query and the root has no checkpoint for it: it starts at batch 0.
        case startsAfresh
        /// The root has a checkpoint for a query the file no longer has.
        case removed
        /// The query would refuse its checkpoint, for these reasons.
        case blocked([String], changes: [PlanChange])
    }

    /// One stage: its name (the sink's) and verdict.
    public struct Stage: Sendable {
        public var name: String
        public var verdict: Verdict

        /// Whether the stage can continue from the checkpoint (or has nothing to continue from).
        public var isCompatible: Bool {
            switch verdict {
            case .resumes, .startsAfresh: true
            case .removed, .blocked: false
            }
        }
    }

    /// The checkpoint root compared.
    public var root: String
    /// Every stage of the file, then the checkpoint's stages the file no longer has.
    public var stages: [Stage]

    /// Whether every query of the file can resume (or start) and none was removed.
    public var canResume: Bool { stages.allSatisfy(\.isCompatible) }

    /// Compares `pipeline`'s queries with the checkpoint root `root`, for a run with `partitions`.
    /// - Throws: ``Checkpointing/CheckpointError`` when `root` is not a checkpoint or cannot
    ///   be read; ``StreamSQL/SQLError`` when the file does not compile.
    public init(pipeline: SQLPipeline, root: String, partitions: Int) throws {
        let inspection = try CheckpointInspection(path: root)
        self.root = inspection.path
        var stages: [Stage] = []
        for compiled in try pipeline.compile() {
            let name = compiled.insert.table
            guard let checkpoint = inspection.query(name) else {
                stages.append(Stage(name: name, verdict: .startsAfresh))
                continue
            }
            let outputMode = try SQLSinks.outputMode(compiled.sink)
            let plan = try StreamingQuery.checkpointPlan(
                of: compiled.frame, configuration: StreamingQueryConfiguration(name: name, outputMode: outputMode, partitions: partitions))
            var reasons: [String] = []
            var changes: [PlanChange] = []
            if let metadata = checkpoint.metadata {
                let comparison = PlanComparison(checkpointed: metadata.plan, current: plan)
                changes = comparison.changes
                reasons += changes.map(\.description)
            }
            let recordedPartitions = checkpoint.partitionCount ?? 1
            if checkpoint.batches.contains(where: { $0.offsets != nil }), recordedPartitions != partitions {
                reasons.append("partitions: the checkpoint's state is split into \(recordedPartitions), this run asks for \(partitions) "
                               + "(run with --partitions \(recordedPartitions))")
            }
            let sources = compiled.frame.plan.sources.count
            if let recorded = checkpoint.sourceCount, recorded != sources,
               !changes.contains(where: { if case .sourceCount = $0.kind { true } else { false } }) {
                reasons.append("sources: offsets record \(recorded) sources, the query reads \(sources)")
            }
            stages.append(Stage(name: name, verdict: reasons.isEmpty ? .resumes(lastCommitted: checkpoint.lastCommitted)
                                                                     : .blocked(reasons, changes: changes)))
        }
        for checkpoint in inspection.queries where !stages.contains(where: { $0.name == checkpoint.name }) {
            stages.append(Stage(name: checkpoint.name, verdict: .removed))
        }
        self.stages = stages
    }

    /// The comparison in words, one stage per paragraph, the verdict first.
    public var textLines: [String] {
        var lines = [canResume ? "the pipeline can resume from \(root)" : "the pipeline CANNOT resume from \(root):"]
        for stage in stages {
            switch stage.verdict {
            case .resumes(let last):
                lines.append("  \(stage.name): resumes " + (last.map { "after batch \($0)" } ?? "at batch 0 (nothing committed yet)"))
            case .startsAfresh:
                lines.append("  \(stage.name): new query, starts at batch 0 (no checkpoint in \(root)/\(stage.name))")
            case .removed:
                lines.append("  \(stage.name): the checkpoint has this query and the file does not (its sink would get no more batches; "
                             + "remove \(root)/\(stage.name) if that is intended)")
            case .blocked(let reasons, _):
                lines.append("  \(stage.name): cannot resume, the query would refuse its checkpoint:")
                lines += reasons.map { "    - \($0)" }
            }
        }
        if !canResume {
            lines.append("restore the previous file, or run the changed one with a new --checkpoint directory "
                         + "(or remove the blocked stages' directories to restart only those from batch 0)")
        }
        return lines
    }

    /// The comparison as JSON (`--format json`).
    public var json: JSONValue {
        .object([
            ("root", .string(root)),
            ("canResume", .bool(canResume)),
            ("stages", .array(stages.map { stage in
                var members: [(String, JSONValue)] = [("name", .string(stage.name))]
                switch stage.verdict {
                case .resumes(let last):
                    members += [("verdict", .string("resumes")), ("lastCommittedBatch", last.map(JSONValue.int) ?? .null)]
                case .startsAfresh: members.append(("verdict", .string("startsAfresh")))
                case .removed: members.append(("verdict", .string("removed")))
                case .blocked(let reasons, let changes):
                    members += [
                        ("verdict", .string("blocked")), ("reasons", .array(reasons.map(JSONValue.string))),
                        ("changes", .array(changes.map { change in
                            .object([("kind", .string(change.kindName)), ("operator", .string(change.operatorPath)),
                                     ("stateOperator", change.statefulIndex.map { .int(Int64($0)) } ?? .null),
                                     ("detail", .string(change.detail))])
                        })),
                    ]
                }
                return .object(members)
            })),
        ])
    }
}
