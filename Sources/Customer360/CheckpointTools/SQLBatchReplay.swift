public import Columnar
import Connectors
import StreamExecution
import StreamSQL

/// `s360 replay ROOT/<sink> --batch N --plan FILE.sql`: batch N of one query of a pipeline file,
/// re-run from its checkpoint without touching the sink or the checkpoint
/// (``StreamExecution/StreamingQuery/replay(_:configuration:batchId:checkpoint:)``).
public enum SQLBatchReplay {
    /// Replays batch `batchId` of the query named `stage` (its sink's name) of `pipeline`, from
    /// the checkpoint `checkpoint`, and returns the rows the query handed its sink.
    /// - Throws: ``PipelineError`` when the file has no such query; ``StreamSQL/SQLError``
    ///   when it does not compile; the errors of ``StreamingQuery/replay(_:configuration:batchId:checkpoint:)``.
    public static func replay(pipeline: SQLPipeline, stage: String, checkpoint: String, batchId: Int64) throws -> RecordBatch {
        let compiled = try pipeline.compile()
        guard let query = compiled.first(where: { $0.insert.table == stage }) else {
            throw PipelineError.conflictingOptions(
                "the checkpoint \(checkpoint) is the query `\(stage)`, and the pipeline file has no INSERT INTO \(stage) "
                    + "(it has \(compiled.map { "`\($0.insert.table)`" }.joined(separator: ", "))); give the file that wrote the checkpoint")
        }
        let configuration = StreamingQueryConfiguration(name: stage, outputMode: try SQLSinks.outputMode(query.sink))
        return try StreamingQuery.replay(query.frame, configuration: configuration, batchId: batchId, checkpoint: checkpoint)
    }
}
