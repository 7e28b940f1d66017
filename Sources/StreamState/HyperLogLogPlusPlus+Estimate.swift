#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension HyperLogLogPlusPlus {
    /// Spark's linear-counting thresholds per precision (index `p - 4`): at or below these,
    /// linear counting is more accurate than the bias-corrected HyperLogLog estimate.
    static let linearCountingThresholds: [Double] = [
        10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 15500, 20000, 50000, 120000, 350000,
    ]

    /// Number of nearest neighbours averaged for bias correction (the paper's and Spark's k = 6).
    static let biasNeighbours = 6

    /// The estimated number of distinct values added, exactly as Spark's `query`.
    ///
    /// Why these steps, in Spark's order: the raw HyperLogLog estimate `E = alpha m^2 / sum 2^-M[j]`
    /// overestimates small cardinalities, so below `5 m` the interpolated bias is subtracted;
    /// while registers are still empty, linear counting `m ln(m / V)` is used instead when it is
    /// at most the precision's threshold or `E <= 2.5 m`. The result is rounded as Java's
    /// `Math.round` (half up).
    public func estimate() -> Int64 {
        registers.withUnsafeBufferPointer { Self.estimate(registers: $0, precision: precision) }
    }

    /// The estimate of a sketch whose registers live elsewhere (see ``HyperLogLogSketchArray``).
    public static func estimate(registers: UnsafeBufferPointer<UInt8>, precision: Int) -> Int64 {
        let (zInverse, zeros) = Self.harmonicSum(registers)
        return estimate(zInverse: zInverse, zeros: zeros, registerCount: registers.count, precision: precision)
    }

    /// The estimate from the register statistics: `sum 2^-M[j]` and the count of zero registers.
    static func estimate(zInverse: Double, zeros: Double, registerCount: Int, precision: Int) -> Int64 {
        let m = Double(registerCount)
        let raw = alphaM2(precision: precision, m: m) / zInverse
        let estimate: Double
        if zeros > 0 {
            let linear = m * log(m / zeros)
            if linear <= Self.linearCountingThresholds[precision - 4] || raw <= 2.5 * m {
                estimate = linear
            } else {
                estimate = biasCorrected(raw, precision: precision, m: m)
            }
        } else {
            estimate = biasCorrected(raw, precision: precision, m: m)
        }
        return Self.javaRound(estimate)
    }

    /// `sum 2^-M[j]` and the number of zero registers, bit for bit as Spark's sequential loop.
    ///
    /// Every term is a power of two, so while all registers are at most 43 the exact sum fits a
    /// 53-bit integer count of `2^-43` units: summing integers (fast, vectorizable, in any order)
    /// then gives exactly the double Spark's in-order loop computes, because that loop is exact
    /// too. A register above 43 (odds about 2^-43 per value) takes Spark's loop itself.
    static func harmonicSum(_ registers: UnsafeBufferPointer<UInt8>) -> (zInverse: Double, zeros: Double) {
        var units: UInt64 = 0
        var zeros = 0
        var highest: UInt8 = 0
        // Sketches of small groups are mostly empty registers: skip eight zeros at a time.
        var i = 0
        let raw = UnsafeRawBufferPointer(registers)
        while i &+ 8 <= registers.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if word == 0 {
                units &+= 8 &<< 43
                zeros &+= 8
            } else {
                for j in i..<(i &+ 8) {
                    let register = registers[j]
                    highest = max(highest, register)
                    units &+= 1 &<< UInt64(43 &- min(register, 43))
                    zeros &+= register == 0 ? 1 : 0
                }
            }
            i &+= 8
        }
        while i < registers.count {
            let register = registers[i]
            highest = max(highest, register)
            units &+= 1 &<< UInt64(43 &- min(register, 43))
            zeros &+= register == 0 ? 1 : 0
            i &+= 1
        }
        if highest <= 43 {
            return (Double(units) * 0x1p-43, Double(zeros))
        }
        var zInverse = 0.0
        for register in registers {
            zInverse += Double(sign: .plus, exponent: -Int(register), significand: 1)
        }
        return (zInverse, Double(zeros))
    }

    static func alphaM2(precision: Int, m: Double) -> Double {
        switch precision {
        case 4: return 0.673 * m * m
        case 5: return 0.697 * m * m
        case 6: return 0.709 * m * m
        default: return (0.7213 / (1.0 + 1.079 / m)) * m * m
        }
    }

    static func biasCorrected(_ raw: Double, precision: Int, m: Double) -> Double {
        raw < 5.0 * m ? raw - estimatedBias(raw, precision: precision) : raw
    }

    /// The bias of a raw estimate: the mean bias of the `k` measured points nearest to it.
    ///
    /// Why replicate Java's binary search: the paper's table for p = 5 is not strictly
    /// ascending (128.3464, 128.3462), so the starting point must come from the same search.
    static func estimatedBias(_ raw: Double, precision: Int) -> Double {
        let estimates = Self.rawEstimateData[precision - 4]
        let biases = Self.biasData[precision - 4]
        let count = estimates.count
        let found = Self.javaBinarySearch(estimates, raw)
        let nearest = found >= 0 ? found : -(found + 1)
        func distance(_ i: Int) -> Double {
            let diff = raw - estimates[i]
            return diff * diff
        }
        var low = max(nearest - Self.biasNeighbours + 1, 0)
        var high = min(low + Self.biasNeighbours, count)
        while high < count && distance(high) < distance(low) {
            low += 1
            high += 1
        }
        var sum = 0.0
        for i in low..<high { sum += biases[i] }
        return sum / Double(high - low)
    }

    /// `java.util.Arrays.binarySearch(double[], double)`: the index of a match, or
    /// `-(insertion point) - 1`. Equal values compare by their bit patterns, as Java does.
    static func javaBinarySearch(_ values: [Double], _ key: Double) -> Int {
        var low = 0
        var high = values.count - 1
        while low <= high {
            let mid = (low + high) >> 1
            let midValue = values[mid]
            if midValue < key {
                low = mid + 1
            } else if midValue > key {
                high = mid - 1
            } else {
                let midBits = javaDoubleBits(midValue)
                let keyBits = javaDoubleBits(key)
                if midBits == keyBits { return mid }
                if midBits < keyBits { low = mid + 1 } else { high = mid - 1 }
            }
        }
        return -(low + 1)
    }

    /// `Double.doubleToLongBits`: the IEEE bits as a signed long, every NaN collapsed to one.
    private static func javaDoubleBits(_ value: Double) -> Int64 {
        value.isNaN ? 0x7FF8_0000_0000_0000 : Int64(bitPattern: value.bitPattern)
    }

    /// Java's `Math.round(double)`: the closest long, ties towards positive infinity;
    /// NaN gives 0 and values beyond the long range saturate.
    static func javaRound(_ value: Double) -> Int64 {
        if value.isNaN { return 0 }
        let floor = value.rounded(.down)
        let rounded = value - floor >= 0.5 ? floor + 1 : floor
        if rounded >= 9_223_372_036_854_775_807.0 { return .max }
        if rounded <= -9_223_372_036_854_775_808.0 { return .min }
        return Int64(rounded)
    }
}
