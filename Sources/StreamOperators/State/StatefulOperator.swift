/// An operator whose state outlives a batch and must be saved with every checkpoint.
///
/// The runner calls ``snapshot()`` once per batch, after the batch's output reached the
/// sink, and stores the bytes as the operator's state version for that batch; a restarted
/// query builds the same plan and calls ``restore(_:)`` with the bytes of the last committed
/// batch before running anything. The encoding is the operator's own, versioned and
/// checksummed (see ``StateSnapshot`` and `Sources/Checkpointing/FORMAT.md`).
public protocol StatefulOperator: PhysicalOperator {
    /// The operator's state as self-describing bytes.
    func snapshot() throws(OperatorError) -> [UInt8]
    /// Replaces the operator's state with the one in `bytes` (from ``snapshot()`` of the same plan).
    /// - Throws: ``OperatorError/corruptSnapshot(operator:detail:)`` when the bytes are damaged,
    ///   of a newer version, or were written by a differently configured operator.
    func restore(_ bytes: [UInt8]) throws(OperatorError)
}
