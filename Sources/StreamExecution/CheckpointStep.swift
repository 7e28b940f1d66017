/// The steps of a checkpointed batch, in order: the points where a crash can leave a checkpoint.
///
/// A batch N is durable once ``committed`` is reached; a crash at any earlier step makes the
/// restarted query re-run N with the offsets and watermark recorded in ``offsetsWritten``.
public enum CheckpointStep: String, Sendable, CaseIterable {
    /// `offsets/N` is written; nothing of the batch has run yet.
    case offsetsWritten
    /// The sink has taken batch N (it may be asked again after a crash: sinks are idempotent).
    case sinkWritten
    /// The state of every stateful operator after N is saved.
    case stateWritten
    /// `commits/N` is written: the batch will never run again.
    case committed
}
