public import Columnar

/// One node of a physical plan: produces this micro-batch's rows from its children's.
///
/// The runner calls ``execute(_:)`` on the root once per batch; each operator pulls its
/// children's output for the same batch. Operators belong to one query and one task, so
/// they keep their state in plain stored properties without locks. Stateful operators
/// declare their state through ``stateProgress`` and evict it by watermark.
public protocol PhysicalOperator: AnyObject {
    /// A short name for progress reports (`symmetricHashJoin`, `stateStoreSave`, …).
    var name: String { get }
    var outputSchema: Schema { get }
    var children: [any PhysicalOperator] { get }
    /// For each event-time column of the output: future on-time rows have a value of at
    /// least `watermark + offset` (see ``EventTimeBounds``).
    var eventTimeBounds: EventTimeBounds { get }
    /// This batch's rows.
    func execute(_ context: BatchContext) throws -> RecordBatch
    /// State metrics of the last batch, for operators that keep state.
    var stateProgress: StateOperatorProgress? { get }
}

extension PhysicalOperator {
    public var stateProgress: StateOperatorProgress? { nil }

    /// This operator and all operators below it, depth first.
    public var allOperators: [any PhysicalOperator] {
        [self] + children.flatMap(\.allOperators)
    }
}
