/// Many HyperLogLog++ sketches of one precision, stored compactly side by side.
///
/// A streaming aggregation keeps one sketch per group and column, and most groups see few
/// distinct values. Each sketch therefore starts *sparse*: up to ``sparseCapacity`` non-zero
/// registers as 16-bit `(index << 6) | rank` entries in one 64-byte line of a shared buffer.
/// When a sketch needs more, it moves to a *dense* block of `2^precision` byte registers.
/// Both forms give exactly ``HyperLogLogPlusPlus``'s registers, hence Spark's estimates; the
/// sparse form keeps the working set small enough for the caches, which is what bounds
/// `approx_count_distinct` on many groups. No per-sketch allocation happens on the hot path.
public struct HyperLogLogSketchArray: Sendable {
    public let precision: Int
    /// Registers per sketch (`2^precision`).
    public let registersPerSketch: Int
    /// Non-zero registers a sketch holds before it turns dense.
    public static let sparseCapacity = 32

    @usableFromInline var sparseEntries: [UInt16] = []
    /// Entries used per sketch; ``denseMarker`` for dense sketches.
    @usableFromInline var sparseCounts: [UInt8] = []
    /// The dense block of each dense sketch.
    @usableFromInline var denseBlock: [Int32] = []
    @usableFromInline var dense: [UInt8] = []
    @usableFromInline var freeDenseBlocks: [Int32] = []
    @usableFromInline static let denseMarker: UInt8 = 0xFF

    public init(relativeSD: Double = HyperLogLogPlusPlus.defaultRelativeSD) throws(StreamStateError) {
        let sketch = try HyperLogLogPlusPlus(relativeSD: relativeSD)
        precision = sketch.precision
        registersPerSketch = sketch.registerCount
    }

    init(emptyWithPrecision precision: Int) {
        self.precision = precision
        registersPerSketch = 1 << precision
    }

    /// An empty array to leave behind while the real one is moved out for an update.
    public static let placeholder = HyperLogLogSketchArray(emptyWithPrecision: 4)

    /// The number of sketches.
    public var count: Int { sparseCounts.count }

    /// Bytes held, for progress reports.
    public var memoryBytes: Int { sparseEntries.count * 2 + sparseCounts.count * 5 + dense.count }

    /// Makes room for sketches `0..<count`, new ones empty.
    public mutating func ensureCount(_ count: Int) {
        guard sparseCounts.count < count else { return }
        let extra = count - sparseCounts.count
        sparseCounts.append(contentsOf: repeatElement(0, count: extra))
        denseBlock.append(contentsOf: repeatElement(-1, count: extra))
        sparseEntries.append(contentsOf: repeatElement(0, count: extra * Self.sparseCapacity))
    }

    /// Empties sketch `slot`.
    public mutating func reset(_ slot: Int) {
        if sparseCounts[slot] == Self.denseMarker {
            freeDenseBlocks.append(denseBlock[slot])
            denseBlock[slot] = -1
        }
        sparseCounts[slot] = 0
    }

    /// Adds a 64-bit hash (see ``XXHash64``) to sketch `slot`, with Spark's register rule.
    @inlinable
    public mutating func add(slot: Int, hash: UInt64) {
        let p = UInt64(precision)
        let index = Int(truncatingIfNeeded: hash &>> (64 &- p))
        let rank = UInt8(truncatingIfNeeded: ((hash &<< p) | (1 &<< (p &- 1))).leadingZeroBitCount &+ 1)
        let used = sparseCounts[slot]
        if used == Self.denseMarker {
            let at = Int(denseBlock[slot]) &* registersPerSketch &+ index
            if rank > dense[at] { dense[at] = rank }
            return
        }
        let base = slot &* Self.sparseCapacity
        for i in base..<(base &+ Int(used)) {
            let entry = sparseEntries[i]
            if Int(entry &>> 6) == index {
                if rank > UInt8(entry & 63) { sparseEntries[i] = UInt16(index) &<< 6 | UInt16(rank) }
                return
            }
        }
        if Int(used) < Self.sparseCapacity {
            sparseEntries[base &+ Int(used)] = UInt16(index) &<< 6 | UInt16(rank)
            sparseCounts[slot] = used &+ 1
            return
        }
        makeDense(slot)
        add(slot: slot, hash: hash)
    }

    @usableFromInline
    mutating func makeDense(_ slot: Int) {
        let block: Int32
        if let free = freeDenseBlocks.popLast() {
            block = free
            let start = Int(block) * registersPerSketch
            for i in start..<(start + registersPerSketch) { dense[i] = 0 }
        } else {
            block = Int32(dense.count / registersPerSketch)
            dense.append(contentsOf: repeatElement(0, count: registersPerSketch))
        }
        let start = Int(block) * registersPerSketch
        let base = slot * Self.sparseCapacity
        for i in base..<(base + Int(sparseCounts[slot])) {
            let entry = sparseEntries[i]
            dense[start + Int(entry >> 6)] = UInt8(entry & 63)
        }
        denseBlock[slot] = block
        sparseCounts[slot] = Self.denseMarker
    }

    /// The registers of sketch `slot`, densely.
    public func registers(_ slot: Int) -> [UInt8] {
        if sparseCounts[slot] == Self.denseMarker {
            let start = Int(denseBlock[slot]) * registersPerSketch
            return Array(dense[start..<(start + registersPerSketch)])
        }
        var registers = [UInt8](repeating: 0, count: registersPerSketch)
        let base = slot * Self.sparseCapacity
        for i in base..<(base + Int(sparseCounts[slot])) {
            registers[Int(sparseEntries[i] >> 6)] = UInt8(sparseEntries[i] & 63)
        }
        return registers
    }

    /// Spark's estimate for sketch `slot`.
    public func estimate(_ slot: Int) -> Int64 {
        let used = sparseCounts[slot]
        if used == Self.denseMarker {
            let start = Int(denseBlock[slot]) * registersPerSketch
            return dense.withUnsafeBufferPointer {
                HyperLogLogPlusPlus.estimate(
                    registers: UnsafeBufferPointer(rebasing: $0[start..<(start + registersPerSketch)]), precision: precision)
            }
        }
        // Zero registers each add 2^0; the sum is exact (see `harmonicSum`), so it equals Spark's.
        let base = slot * Self.sparseCapacity
        var units = UInt64(registersPerSketch - Int(used)) << 43
        for i in base..<(base + Int(used)) {
            let rank = UInt8(sparseEntries[i] & 63)
            if rank > 43 {
                return registers(slot).withUnsafeBufferPointer { HyperLogLogPlusPlus.estimate(registers: $0, precision: precision) }
            }
            units += 1 << UInt64(43 - rank)
        }
        return HyperLogLogPlusPlus.estimate(
            zInverse: Double(units) * 0x1p-43, zeros: Double(registersPerSketch - Int(used)),
            registerCount: registersPerSketch, precision: precision)
    }

    /// Sketch `slot` as a standalone value (for merging or serialization).
    public func sketch(_ slot: Int) -> HyperLogLogPlusPlus {
        HyperLogLogPlusPlus(validPrecision: precision, registers: registers(slot))
    }
}
