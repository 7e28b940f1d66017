/// The join types stream joins support.
public enum JoinType: String, Sendable, Hashable {
    /// Rows of both sides that satisfy the condition.
    case inner
    /// Every left row; a left row with no match is emitted once, with nulls on the right,
    /// when the watermark shows that no match can arrive any more.
    case leftOuter
}

/// When a buffered row of one join side can never match a future row of the other side.
///
/// The rule reads: a row whose `column` is below `watermark + offset` is evicted. The
/// planner derives rules from the join's range conditions and the other side's
/// ``EventTimeBounds`` (see `JoinConditionAnalysis`).
public struct EvictionRule: Sendable, Hashable, CustomStringConvertible {
    public var column: String
    public var offset: Int64

    public init(column: String, offset: Int64) {
        self.column = column
        self.offset = offset
    }

    public var description: String { "\(column) < watermark \(offset >= 0 ? "+" : "-") \(abs(offset) / 1_000_000) s" }
}
