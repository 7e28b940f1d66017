/// Many HyperLogLog++ sketches of one precision in a single contiguous register buffer.
///
/// A streaming aggregation keeps one sketch per group and column; giving each its own array
/// would cost an allocation per group and reference counting on every update. Here sketch
/// `slot` owns registers `[slot * m, (slot + 1) * m)` of one buffer, updated and estimated with
/// exactly the rules of ``HyperLogLogPlusPlus``.
public struct HyperLogLogSketchArray: Sendable {
    public let precision: Int
    /// Registers per sketch (`2^precision`).
    public let registersPerSketch: Int
    @usableFromInline
    internal var registers: [UInt8] = []

    public init(relativeSD: Double = HyperLogLogPlusPlus.defaultRelativeSD) throws(StreamStateError) {
        let sketch = try HyperLogLogPlusPlus(relativeSD: relativeSD)
        precision = sketch.precision
        registersPerSketch = sketch.registerCount
    }

    /// The number of sketches.
    public var count: Int { registers.count / registersPerSketch }

    /// Makes room for sketches `0..<count`, new ones empty.
    public mutating func ensureCount(_ count: Int) {
        let needed = count * registersPerSketch
        if registers.count < needed { registers.append(contentsOf: repeatElement(0, count: needed - registers.count)) }
    }

    /// Empties sketch `slot`.
    public mutating func reset(_ slot: Int) {
        let base = slot * registersPerSketch
        registers.withUnsafeMutableBufferPointer { all in
            for i in base..<(base + registersPerSketch) { all[i] = 0 }
        }
    }

    /// Adds a 64-bit hash (see ``XXHash64``) to sketch `slot`.
    @inlinable
    public mutating func add(slot: Int, hash: UInt64) {
        let p = UInt64(precision)
        let index = slot &* registersPerSketch &+ Int(truncatingIfNeeded: hash &>> (64 &- p))
        let rank = UInt8(truncatingIfNeeded: ((hash &<< p) | (1 &<< (p &- 1))).leadingZeroBitCount &+ 1)
        registers.withUnsafeMutableBufferPointer { all in
            if rank > all[index] { all[index] = rank }
        }
    }

    /// Spark's estimate for sketch `slot`.
    public func estimate(_ slot: Int) -> Int64 {
        registers.withUnsafeBufferPointer { all in
            HyperLogLogPlusPlus.estimate(
                registers: UnsafeBufferPointer(rebasing: all[(slot * registersPerSketch)..<((slot + 1) * registersPerSketch)]),
                precision: precision)
        }
    }

    /// Sketch `slot` as a standalone value (for merging or serialization).
    public func sketch(_ slot: Int) -> HyperLogLogPlusPlus {
        HyperLogLogPlusPlus(
            validPrecision: precision,
            registers: Array(registers[(slot * registersPerSketch)..<((slot + 1) * registersPerSketch)]))
    }
}
