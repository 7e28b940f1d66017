public import Columnar

/// `window(timeColumn, duration, slide, startTime)`: Spark's tumbling and sliding event-time windows.
///
/// A row with event time `t` belongs to every window `[start, start + duration)` with
/// `start = startTime + k * slide` for an integer `k` and `start <= t < start + duration`.
/// Tumbling windows have `slide == duration`, so each row falls in exactly one.
/// Rows with a null event time belong to no window and are dropped, as in Spark.
public struct TimeWindow: Sendable, Hashable {
    public var timeColumn: String
    /// Microseconds.
    public var duration: Int64
    /// Microseconds; equal to `duration` for tumbling windows.
    public var slide: Int64
    /// Offset of window starts from the epoch, microseconds.
    public var startTime: Int64

    public init(timeColumn: String, duration: Int64, slide: Int64? = nil, startTime: Int64 = 0) {
        precondition(duration > 0, "a window needs a positive duration")
        precondition((slide ?? duration) > 0 && (slide ?? duration) <= duration, "the slide must be positive and at most the duration")
        self.timeColumn = timeColumn
        self.duration = duration
        self.slide = slide ?? duration
        self.startTime = startTime
    }

    /// The struct type of the `window` column.
    public static let structType = DataType.structure([Field("start", .timestamp), Field("end", .timestamp)])

    /// The latest window start at or before `t`.
    @inline(__always)
    public func lastStart(containing t: Int64) -> Int64 {
        let shifted = t - startTime
        var remainder = shifted % slide
        if remainder < 0 { remainder += slide }
        return t - remainder
    }

    /// Calls `body` with the start of every window containing `t`, latest first.
    @inline(__always)
    public func forEachStart(containing t: Int64, _ body: (Int64) -> Void) {
        var start = lastStart(containing: t)
        while start + duration > t {
            body(start)
            start -= slide
        }
    }
}
