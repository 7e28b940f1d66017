#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A HyperLogLog++ sketch that estimates distinct counts exactly as Spark's `approx_count_distinct`.
///
/// Why bit-exact: Stream360 reproduces Spark's results, and a model downstream consumes the
/// `*_dist` columns, so an estimate that is merely "close" would change predictions. Every step
/// follows Spark's `HyperLogLogPlusPlusHelper`: the precision derived from the relative standard
/// deviation, the register update from a 64-bit XXH64 hash with seed 42, the raw estimate with
/// `alpha`, bias correction by k-nearest-neighbour interpolation over the HLL++ paper's tables,
/// linear counting below Spark's thresholds, and Java's `Math.round`.
///
/// Trade-offs: registers are one byte each (Spark packs 6-bit registers into longs), so a
/// default sketch is 512 bytes instead of 416; in exchange `add(hash:)` is a shift, a
/// leading-zero count and one byte compare, with no allocation. Checkpoints use the packed
/// (or sparse) form described in `FORMAT.md`. Precisions 4...18 are supported (relativeSD
/// from 0.39 down to about 0.0022); Spark's bias tables end at 18.
///
/// ```swift
/// var sketch = try HyperLogLogPlusPlus()          // relativeSD 0.05: p = 9, 512 registers
/// for id in ["a", "b", "a"] { sketch.add(string: id) }
/// sketch.estimate()                                // 2
/// ```
public struct HyperLogLogPlusPlus: Sendable, Hashable {
    /// The precisions this build has HLL++ bias data for.
    public static let supportedPrecisions: ClosedRange<Int> = 4...18

    /// Spark's default relative standard deviation for `approx_count_distinct`.
    public static let defaultRelativeSD = 0.05

    /// Number of index bits `p`; the sketch has `2^p` registers.
    public let precision: Int

    /// One register per index: the largest rank (leading zeros + 1) seen, 0 when none.
    @usableFromInline
    internal var registers: [UInt8]

    /// An empty sketch for a relative standard deviation, as Spark derives it:
    /// `p = ceil(2 * log2(1.106 / relativeSD))`.
    ///
    /// - Throws: ``StreamStateError/unsupportedRelativeSD(_:precision:supported:)`` when the
    ///   precision falls outside ``supportedPrecisions``.
    public init(relativeSD: Double = defaultRelativeSD) throws(StreamStateError) {
        let precision = Self.precision(forRelativeSD: relativeSD)
        guard Self.supportedPrecisions.contains(precision) else {
            throw .unsupportedRelativeSD(relativeSD, precision: precision, supported: Self.supportedPrecisions)
        }
        self.init(validPrecision: precision)
    }

    /// An empty sketch with `2^precision` registers.
    ///
    /// - Throws: ``StreamStateError/unsupportedPrecision(_:supported:)`` outside ``supportedPrecisions``.
    public init(precision: Int) throws(StreamStateError) {
        guard Self.supportedPrecisions.contains(precision) else {
            throw .unsupportedPrecision(precision, supported: Self.supportedPrecisions)
        }
        self.init(validPrecision: precision)
    }

    init(validPrecision precision: Int, registers: [UInt8]? = nil) {
        self.precision = precision
        self.registers = registers ?? [UInt8](repeating: 0, count: 1 << precision)
    }

    /// Spark's precision for a relative standard deviation; out-of-range input gives a value
    /// outside ``supportedPrecisions`` (0 for NaN or non-positive input).
    public static func precision(forRelativeSD relativeSD: Double) -> Int {
        guard relativeSD > 0, relativeSD.isFinite else { return 0 }
        let bits = (2.0 * log(1.106 / relativeSD) / log(2.0)).rounded(.up)
        return Int(max(-1000, min(1000, bits)))
    }

    /// The smallest relative standard deviation that still maps to `precision`.
    ///
    /// Why: error messages tell the user which `relativeSD` values are accepted.
    public static func relativeSD(forPrecision precision: Int) -> Double {
        1.106 / pow(2.0, Double(precision) / 2.0)
    }

    /// Number of registers, `2^precision` (Spark's `m`).
    public var registerCount: Int { registers.count }

    /// The relative standard deviation this precision guarantees, `1.04 / sqrt(m)` (Spark's `trueRsd`).
    public var trueRelativeSD: Double { 1.04 / Double(registerCount).squareRoot() }

    /// Whether no value has been added.
    public var isEmpty: Bool { !registers.contains { $0 != 0 } }

    /// The largest value a register can hold at this precision: 64 - p leading zeros, plus one.
    public var maximumRegisterValue: UInt8 { UInt8(64 - precision + 1) }

    /// Adds a value by its 64-bit hash (Spark's XXH64 with seed 42 for `approx_count_distinct`).
    ///
    /// Why by hash: the hot path hashes column values in place and hands over only the hash.
    /// The top `p` bits choose the register; the rank is the number of leading zeros of the
    /// remaining bits (padded with a one bit at position `p - 1`, as Spark does) plus one.
    @inlinable
    public mutating func add(hash: UInt64) {
        let index = Int(truncatingIfNeeded: hash &>> UInt64(64 &- precision))
        let remaining = (hash &<< UInt64(precision)) | (1 &<< UInt64(precision &- 1))
        let rank = UInt8(truncatingIfNeeded: remaining.leadingZeroBitCount &+ 1)
        if rank > registers[index] {
            registers[index] = rank
        }
    }

    /// Merges another sketch into this one: the register-wise maximum, as Spark's `merge`.
    ///
    /// Why: partial aggregates of one group (per batch, per partition) combine without rehashing;
    /// the result equals a sketch that saw every value of both.
    /// - Throws: ``StreamStateError/precisionMismatch(expected:actual:)`` when the precisions differ.
    public mutating func merge(_ other: HyperLogLogPlusPlus) throws(StreamStateError) {
        guard other.precision == precision else {
            throw .precisionMismatch(expected: precision, actual: other.precision)
        }
        registers.withUnsafeMutableBufferPointer { mine in
            other.registers.withUnsafeBufferPointer { theirs in
                for i in mine.indices where theirs[i] > mine[i] {
                    mine[i] = theirs[i]
                }
            }
        }
    }

    /// The register at `index` (for tests and serialization).
    public func register(at index: Int) -> UInt8 {
        registers[index]
    }
}
