/// Which output columns are event times, and how they relate to the watermark.
///
/// An entry `name → offset` promises: every future row that is not late has
/// `name >= watermark + offset`. A watermarked column has offset 0; the `end` of a window
/// emitted in append mode has offset 0 (windows ending at or before the watermark were
/// already emitted); its `start` has offset `-windowDuration`. Joins use these promises to
/// evict state that no future row can match, keeping state bounded where Spark's cannot be.
public struct EventTimeBounds: Sendable, Hashable {
    public private(set) var offsets: [String: Int64] = [:]

    public init(_ offsets: [String: Int64] = [:]) {
        for (name, offset) in offsets { self.offsets[name.lowercased()] = offset }
    }

    public func offset(of column: String) -> Int64? { offsets[column.lowercased()] }

    public mutating func set(_ column: String, offset: Int64) { offsets[column.lowercased()] = offset }

    public var isEmpty: Bool { offsets.isEmpty }
}
