import Columnar
import Foundation
import Testing
@testable import StreamState

@Suite struct HyperLogLogPlusPlusTests {
    @Test func precisionFollowsSparksFormula() throws {
        let sketch = try HyperLogLogPlusPlus()
        #expect(sketch.precision == 9)
        #expect(sketch.registerCount == 512)
        #expect(HyperLogLogPlusPlus.precision(forRelativeSD: 0.01) == 14)
        #expect(HyperLogLogPlusPlus.precision(forRelativeSD: 0.39) == 4)
        #expect(HyperLogLogPlusPlus.precision(forRelativeSD: 0.4) == 3)
        #expect(throws: StreamStateError.unsupportedRelativeSD(0.4, precision: 3, supported: 4...18)) {
            try HyperLogLogPlusPlus(relativeSD: 0.4)
        }
        #expect(throws: StreamStateError.unsupportedRelativeSD(0, precision: 0, supported: 4...18)) {
            try HyperLogLogPlusPlus(relativeSD: 0)
        }
        #expect(throws: StreamStateError.unsupportedPrecision(19, supported: 4...18)) {
            try HyperLogLogPlusPlus(precision: 19)
        }
    }

    @Test func registerUpdateUsesTopBitsForIndexAndLeadingZerosForRank() throws {
        var sketch = try HyperLogLogPlusPlus(precision: 9)
        // Index 0b1_0000_0001 = 257; after the index bits: 3 zeros, then a one.
        sketch.add(hash: 0b1_0000_0001 << 55 | 1 << 51)
        #expect(sketch.register(at: 257) == 4)
        // All-zero remainder: the padding bit at p - 1 caps the rank at 64 - p + 1.
        sketch.add(hash: 0)
        #expect(sketch.register(at: 0) == 56)
        #expect(sketch.maximumRegisterValue == 56)
        // A smaller rank never lowers a register.
        sketch.add(hash: 0b1_0000_0001 << 55 | 1 << 54)
        #expect(sketch.register(at: 257) == 4)
    }

    @Test func smallSetsUseLinearCounting() throws {
        for count in [0, 1, 2, 5, 17, 60, 200, 350] {
            var sketch = try HyperLogLogPlusPlus()
            for i in 0..<count { sketch.add(string: "value-\(i)") }
            let m = Double(sketch.registerCount)
            let zeros = Double((0..<sketch.registerCount).filter { sketch.register(at: $0) == 0 }.count)
            let linear = (m * Foundation.log(m / zeros)).rounded(.toNearestOrAwayFromZero)
            #expect(sketch.estimate() == Int64(linear), "\(count) values")
            #expect(abs(sketch.estimate() - Int64(count)) <= max(1, Int64(count) / 10), "\(count) values")
        }
    }

    /// Estimates from an independent implementation of Spark's helper (Python, over the same
    /// hashes), covering linear counting, bias correction (E < 5m) and the plain estimate.
    @Test(arguments: [
        (4, [11, 109, 296, 350, 1029, 2022, 2682, 8008]),
        (5, [9, 101, 294, 457, 1278, 2044, 2973, 8407]),
        (9, [10, 99, 300, 486, 950, 2017, 2908, 9585]),
        (12, [10, 100, 294, 487, 983, 1975, 2940, 10107]),
    ])
    func estimatesMatchSparksAlgorithm(precision: Int, expected: [Int64]) throws {
        let counts = [10, 100, 300, 500, 1000, 2000, 3000, 10000]
        for (count, want) in zip(counts, expected) {
            var sketch = try HyperLogLogPlusPlus(precision: precision)
            for i in 0..<count { sketch.add(string: "v\(i)") }
            #expect(sketch.estimate() == want, "p \(precision), \(count) strings")
        }
    }

    @Test func biasCorrectedRangeForLongs() throws {
        let expected: [Int: Int64] = [1000: 1026, 1500: 1400, 2000: 1947, 2500: 2378, 5000: 4671]
        for (count, want) in expected {
            var sketch = try HyperLogLogPlusPlus()
            for i in 0..<count { sketch.add(long: Int64(i)) }
            #expect(sketch.estimate() == want, "\(count) longs")
        }
    }

    @Test func largeCardinalityWithinThreeStandardDeviations() throws {
        var sketch = try HyperLogLogPlusPlus(relativeSD: 0.05)
        let count = 200_000
        for i in 0..<count { sketch.add(long: Int64(i) &* 7_919) }
        let error = abs(Double(sketch.estimate()) - Double(count)) / Double(count)
        #expect(error < 3 * sketch.trueRelativeSD)
    }

    @Test func duplicatesDoNotCount() throws {
        var once = try HyperLogLogPlusPlus()
        var thrice = try HyperLogLogPlusPlus()
        for i in 0..<1000 { once.add(int: Int32(i)) }
        for _ in 0..<3 { for i in 0..<1000 { thrice.add(int: Int32(i)) } }
        #expect(once == thrice)
    }

    @Test func mergeEqualsAddingEverything() throws {
        var left = try HyperLogLogPlusPlus()
        var right = try HyperLogLogPlusPlus()
        var all = try HyperLogLogPlusPlus()
        for i in 0..<3000 { left.add(string: "k\(i)"); all.add(string: "k\(i)") }
        for i in 2000..<6000 { right.add(string: "k\(i)"); all.add(string: "k\(i)") }
        var merged = left
        try merged.merge(right)
        #expect(merged == all)
        #expect(merged.estimate() == all.estimate())
        var reversed = right
        try reversed.merge(left)
        #expect(reversed == all)
        var empty = try HyperLogLogPlusPlus()
        try empty.merge(all)
        #expect(empty == all)
    }

    @Test func mergeRejectsAnotherPrecision() throws {
        var nine = try HyperLogLogPlusPlus(precision: 9)
        let ten = try HyperLogLogPlusPlus(precision: 10)
        #expect(throws: StreamStateError.precisionMismatch(expected: 9, actual: 10)) { try nine.merge(ten) }
    }

    @Test func conveniencesHashLikeSpark() throws {
        var byValue = try HyperLogLogPlusPlus()
        var byHash = try HyperLogLogPlusPlus()
        byValue.add(long: 1_704_067_200_000_000)
        byHash.add(hash: XXHash64.hashLong(1_704_067_200_000_000, seed: 42))
        byValue.add(int: -7)
        byHash.add(hash: XXHash64.hashInt(-7, seed: 42))
        byValue.add(string: "Consumer Loan")
        byHash.add(hash: XXHash64.hashBytes(Array("Consumer Loan".utf8), seed: 42))
        byValue.add(double: -0.0)
        byHash.add(hash: XXHash64.hashLong(0, seed: 42))
        byValue.add(boolean: true)
        byHash.add(hash: XXHash64.hashInt(1, seed: 42))
        #expect(byValue == byHash)
    }

    @Test func columnRowsSkipNullsAndHashAsTheirType() throws {
        var fromColumn = try HyperLogLogPlusPlus()
        var fromValues = try HyperLogLogPlusPlus()
        let strings = Column.strings(["a", nil, "b", "a", nil])
        let stamps = Column.timestamps([0, nil, 30_000_000])
        for row in 0..<strings.count { fromColumn.add(strings, row: row) }
        for row in 0..<stamps.count { fromColumn.add(stamps, row: row) }
        for value in ["a", "b"] { fromValues.add(string: value) }
        for value: Int64 in [0, 30_000_000] { fromValues.add(long: value) }
        #expect(fromColumn == fromValues)
        #expect(fromColumn.estimate() == 4)
        var onlyNulls = try HyperLogLogPlusPlus()
        onlyNulls.add(Column.strings([nil, nil]), row: 0)
        #expect(onlyNulls.isEmpty && onlyNulls.estimate() == 0)
    }

    @Test func javaRoundingAndBinarySearch() {
        #expect(HyperLogLogPlusPlus.javaRound(2.5) == 3)
        #expect(HyperLogLogPlusPlus.javaRound(-2.5) == -2)
        #expect(HyperLogLogPlusPlus.javaRound(0.49999999999999994) == 0)
        #expect(HyperLogLogPlusPlus.javaRound(.nan) == 0)
        #expect(HyperLogLogPlusPlus.javaRound(1e300) == .max)
        #expect(HyperLogLogPlusPlus.javaBinarySearch([1, 3, 5], 3) == 1)
        #expect(HyperLogLogPlusPlus.javaBinarySearch([1, 3, 5], 4) == -3)
        #expect(HyperLogLogPlusPlus.javaBinarySearch([1, 3, 5], 9) == -4)
    }

    @Test func biasTablesHaveTheirPublishedShape() {
        #expect(HyperLogLogPlusPlus.rawEstimateData.count == 15)
        #expect(HyperLogLogPlusPlus.biasData.map(\.count) == HyperLogLogPlusPlus.rawEstimateData.map(\.count))
        #expect(HyperLogLogPlusPlus.rawEstimateData[5].count == 201)
        #expect(HyperLogLogPlusPlus.rawEstimateData[5].first == 369)
        #expect(HyperLogLogPlusPlus.biasData[5].last == -6.23199999999997)
    }
}
