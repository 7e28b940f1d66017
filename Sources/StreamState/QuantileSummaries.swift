/// Greenwald–Khanna quantile summaries with Spark's exact rules (`percentile_approx`).
///
/// Spark answers `percentile_approx(x, p, accuracy)` from a GK summary with relative error
/// `1 / accuracy`: values are buffered, inserted in sorted runs with Spark's `delta` rule,
/// compressed with Spark's merge threshold, merged across partial aggregates, and queried with
/// Spark's rank search. Reproducing each step (not just "a" GK sketch) is what makes the
/// returned value — always one present in the data — equal to Spark's.
public struct QuantileSummaries: Sendable, Hashable {
    /// One retained value: `g` is the gap in minimum rank to the previous sample, `delta` the
    /// rank uncertainty.
    public struct Sample: Sendable, Hashable {
        public var value: Double
        public var g: Int64
        public var delta: Int64

        public init(value: Double, g: Int64, delta: Int64) {
            self.value = value
            self.g = g
            self.delta = delta
        }
    }

    /// Spark's `defaultCompressThreshold`.
    public static let compressThreshold = 10_000
    /// Spark's `defaultHeadSize`: values buffered before they are inserted.
    public static let headSize = 50_000

    public let relativeError: Double
    public private(set) var samples: [Sample] = []
    public private(set) var count: Int64 = 0
    private var head: [Double] = []

    /// A summary answering within `relativeError` (Spark: `1.0 / accuracy`).
    public init(relativeError: Double) {
        precondition(relativeError > 0 && relativeError <= 1, "relative error must be in (0, 1]")
        self.relativeError = relativeError
    }

    /// A summary in exactly the given state, as ``samples``, ``count`` and ``bufferedValues``
    /// reported it (for restoring a checkpoint).
    public init(relativeError: Double, samples: [Sample], count: Int64, bufferedValues: [Double]) {
        self.init(relativeError: relativeError)
        self.samples = samples
        self.count = count
        self.head = bufferedValues
    }

    /// The values added but not yet inserted into ``samples``.
    public var bufferedValues: [Double] { head }

    /// Adds one value.
    public mutating func insert(_ value: Double) {
        head.append(value)
        if head.count >= Self.headSize {
            insertHead()
            if samples.count >= Self.compressThreshold { compress() }
        }
    }

    /// Inserts the buffered values and compresses (Spark's `compress()`).
    public mutating func compress() {
        insertHead()
        samples = Self.compressed(samples, mergeThreshold: 2 * relativeError * Double(count))
    }

    private mutating func insertHead() {
        guard !head.isEmpty else { return }
        var current = count
        let sorted = head.sorted()
        var merged: [Sample] = []
        merged.reserveCapacity(samples.count + sorted.count)
        var next = 0
        for (i, value) in sorted.enumerated() {
            while next < samples.count && samples[next].value <= value {
                merged.append(samples[next])
                next += 1
            }
            current += 1
            let isEdge = merged.isEmpty || (next == samples.count && i == sorted.count - 1)
            let delta = isEdge ? 0 : Int64((2 * relativeError * Double(current)).rounded(.down))
            merged.append(Sample(value: value, g: 1, delta: delta))
        }
        merged.append(contentsOf: samples[next...])
        samples = merged
        count = current
        head = []
    }

    /// Merges another (compressed) summary into this (compressed) one, as Spark's `merge`.
    public mutating func merge(_ other: QuantileSummaries) {
        var other = other
        other.compress()
        compress()
        if other.count == 0 { return }
        if count == 0 {
            self = other
            return
        }
        let selfExtra = Int64((2 * other.relativeError * Double(other.count)).rounded(.down))
        let otherExtra = Int64((2 * relativeError * Double(count)).rounded(.down))
        var merged: [Sample] = []
        merged.reserveCapacity(samples.count + other.samples.count)
        var i = 0, j = 0
        while i < samples.count && j < other.samples.count {
            if samples[i].value < other.samples[j].value {
                var s = samples[i]
                if j > 0 { s.delta += selfExtra }
                merged.append(s)
                i += 1
            } else {
                var s = other.samples[j]
                if i > 0 { s.delta += otherExtra }
                merged.append(s)
                j += 1
            }
        }
        merged.append(contentsOf: samples[i...])
        merged.append(contentsOf: other.samples[j...])
        let error = max(relativeError, other.relativeError)
        let total = count + other.count
        self = QuantileSummaries(relativeError: error)
        samples = Self.compressed(merged, mergeThreshold: 2 * error * Double(total))
        count = total
    }

    /// The value at quantile `q` in [0, 1], or nil for an empty summary (Spark's `query`).
    public mutating func query(_ q: Double) -> Double? {
        compress()
        guard let first = samples.first, let last = samples.last else { return nil }
        if q <= relativeError { return first.value }
        if q >= 1 - relativeError { return last.value }
        let rank = Int64((q * Double(count)).rounded(.up))
        let targetError = (samples.map { $0.delta + $0.g }.max() ?? 0) / 2
        var minRank: Int64 = 0
        for sample in samples.dropLast() {
            minRank += sample.g
            let maxRank = minRank + sample.delta
            if maxRank - targetError <= rank && rank <= minRank + targetError { return sample.value }
        }
        return last.value
    }

    /// Spark's `compressImmut`: merges neighbours from the back while their combined span is
    /// below the threshold, always keeping the first and last samples.
    static func compressed(_ samples: [Sample], mergeThreshold: Double) -> [Sample] {
        guard let lastSample = samples.last else { return [] }
        var reversed: [Sample] = []
        var head = lastSample
        var i = samples.count - 2
        while i >= 1 {
            let sample = samples[i]
            if Double(sample.g + head.g + head.delta) < mergeThreshold {
                head.g += sample.g
            } else {
                reversed.append(head)
                head = sample
            }
            i -= 1
        }
        reversed.append(head)
        if let first = samples.first, first.value <= head.value, samples.count > 1 {
            reversed.append(first)
        }
        return reversed.reversed()
    }
}
