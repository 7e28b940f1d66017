/// Reports a long generation's progress: a line at most every `interval` (and a last one),
/// with the records written so far and the rate.
///
/// Time comes from the `ContinuousClock`; a test that wants no lines passes a `log` that
/// ignores them.
public struct GenerationProgress {
    private let log: (String) -> Void
    private let label: String
    private let total: Int
    private let interval: Duration
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastReport: ContinuousClock.Instant

    /// Progress of producing `total` units (customers, events) named `label`.
    public init(label: String, total: Int, interval: Duration = .seconds(2), log: @escaping (String) -> Void) {
        self.log = log
        self.label = label
        self.total = total
        self.interval = interval
        started = clock.now
        lastReport = started
    }

    /// Seconds since the generation started.
    public var elapsedSeconds: Double {
        let elapsed = started.duration(to: clock.now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }

    /// Records per second so far.
    public func rate(records: Int) -> Double {
        Double(records) / max(elapsedSeconds, 1e-9)
    }

    /// Logs a line if `interval` has passed since the last one.
    public mutating func update(done: Int, records: Int) {
        let now = clock.now
        guard lastReport.duration(to: now) >= interval else { return }
        lastReport = now
        log("\(label): \(done)/\(total), \(records) records, \(Int(rate(records: records))) records/s")
    }

    /// Logs the final line.
    public func finish(records: Int, bytes: Int) {
        let seconds = elapsedSeconds
        let megabytes = Double(bytes) / 1_048_576
        log("\(label): \(total) done, \(records) records, \(Int(megabytes)) MiB in \(Int(seconds * 1000)) ms, "
            + "\(Int(rate(records: records))) records/s")
    }
}
