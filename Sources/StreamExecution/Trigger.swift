/// When a streaming query runs its micro-batches (Spark's triggers).
public enum Trigger: Sendable, Hashable, CustomStringConvertible {
    /// Processes everything available, in as many batches as the sources' read limits need
    /// (plus one batch without data when the watermark moved), then stops.
    case availableNow
    /// Runs one batch over everything available, then stops.
    case once
    /// Starts a batch every `interval` (at once when the previous batch took longer); a batch
    /// only runs when there is new data or the watermark moved. Runs until stopped.
    case processingTime(Duration)

    public var description: String {
        switch self {
        case .availableNow: "available-now"
        case .once: "once"
        case .processingTime(let interval): "processing-time(\(interval))"
        }
    }
}
