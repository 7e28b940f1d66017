/// A small, fast, seedable pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// The generators need a stream that is identical on every platform and Swift version for a
/// given seed, so that `s360 generate … --seed S` writes the same bytes everywhere; the standard
/// library's `SystemRandomNumberGenerator` is neither seedable nor reproducible. xoshiro256** is
/// one of the fastest well-tested generators with a 2^256 period; SplitMix64 spreads any 64-bit
/// seed (0 included) over its 256-bit state.
///
/// Independent streams come from ``init(seed:stream:)``: the churn generators derive every
/// user's profile from `(seed, user id)`, so the clickstream and the CRM export, written by
/// separate commands, agree about each user without sharing any state.
///
/// ```swift
/// var random = SeededRandom(seed: 7)
/// let die = random.int(in: 1..<7)
/// ```
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose whole output is determined by `seed`.
    public init(seed: UInt64) {
        var mixer = seed
        s0 = Self.splitMix(&mixer)
        s1 = Self.splitMix(&mixer)
        s2 = Self.splitMix(&mixer)
        s3 = Self.splitMix(&mixer)
    }

    /// An independent generator for one entity (a user, a document) of a seeded data set.
    public init(seed: UInt64, stream: UInt64, entity: UInt64) {
        var mixer = seed
        var streamMixer = Self.splitMix(&mixer) ^ (stream &* 0x9E37_79B9_7F4A_7C15)
        var entityMixer = Self.splitMix(&streamMixer) ^ (entity &* 0xD1B5_4A32_D192_ED03)
        self.init(seed: Self.splitMix(&entityMixer))
    }

    /// SplitMix64's step: advances `state` and returns a well-mixed 64-bit value.
    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A double uniformly distributed in [0, 1), with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An integer uniformly distributed in `range` (which must not be empty).
    public mutating func int(in range: Range<Int>) -> Int {
        precondition(!range.isEmpty, "SeededRandom.int(in:) needs a non-empty range")
        let width = UInt64(range.upperBound - range.lowerBound)
        // Lemire's multiply-shift; the tiny bias (width / 2^64) is irrelevant for test data.
        let product = next().multipliedFullWidth(by: width)
        return range.lowerBound + Int(product.high)
    }

    /// An integer in `range` on the grid `range.lowerBound + k * step` (Python's `randrange(a, b, step)`).
    public mutating func int(in range: Range<Int>, step: Int) -> Int {
        let count = (range.upperBound - range.lowerBound + step - 1) / step
        return range.lowerBound + step * int(in: 0..<count)
    }

    /// Whether an event of probability `p` happens.
    public mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A double uniformly distributed in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// One element of a non-empty array, uniformly.
    public mutating func element<T>(of items: [T]) -> T {
        items[int(in: 0..<items.count)]
    }
}
