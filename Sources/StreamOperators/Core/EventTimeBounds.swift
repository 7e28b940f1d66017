/// Which output columns are event times, and how they relate to the watermark.
///
/// An entry `name → offset` promises: every future row that is not late has
/// `name >= watermark + offset`. A watermarked column has offset 0; the `end` of a window
/// emitted in append mode has offset 0 (windows ending at or before the watermark were
/// already emitted); its `start` has offset `-windowDuration`. Joins use these promises to
/// evict state that no future row can match, keeping state bounded where Spark's cannot be.
///
/// Separately, ``eventTimeColumn`` names the one column Spark marks as the event time (the
/// `spark.watermarkDelayMs` metadata): the column of `withWatermark`, passed on unchanged or
/// renamed. A stream-stream join drops input rows whose event time is at or before the
/// watermark for late events, as Spark's does; columns merely derived from an event time
/// (`window.end AS window_end`) carry offsets but no mark, exactly as in Spark.
public struct EventTimeBounds: Sendable, Hashable {
    public private(set) var offsets: [String: Int64] = [:]
    /// The column marked as the event time, if any (see the type's documentation).
    public var eventTimeColumn: String?

    public init(_ offsets: [String: Int64] = [:], eventTimeColumn: String? = nil) {
        for (name, offset) in offsets { self.offsets[name.lowercased()] = offset }
        self.eventTimeColumn = eventTimeColumn
    }

    public func offset(of column: String) -> Int64? { offsets[column.lowercased()] }

    public mutating func set(_ column: String, offset: Int64) { offsets[column.lowercased()] = offset }

    public var isEmpty: Bool { offsets.isEmpty }
}
