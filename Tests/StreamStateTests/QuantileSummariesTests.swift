import StreamState
import Testing

@Suite struct QuantileSummariesTests {
    /// With few values per summary no sample carries rank uncertainty, so Spark's query returns
    /// the value of rank ceil(q * n) (1-based) among the sorted values.
    @Test func smallSummariesAnswerTheNearestRank() {
        var summary = QuantileSummaries(relativeError: 1e-4)
        let values = (1...999).map { Double(($0 * 7919) % 1000) }
        for v in values { summary.insert(v) }
        let sorted = values.sorted()
        for q in [0.1, 0.5, 0.95] {
            let rank = Int((q * Double(values.count)).rounded(.up))
            #expect(summary.query(q) == sorted[rank - 1], "q = \(q)")
        }
        #expect(summary.query(0.00001) == sorted.first)
        #expect(summary.query(1) == sorted.last)
    }

    /// Inserting the later half of 8,000 values (count past 5,000) gives its samples a delta of
    /// floor(2 * 1e-4 * count) = 1; the query then tolerates one rank (targetError 1) and returns
    /// the first sample whose rank window contains the target, one rank lower than exact.
    @Test func rankUncertaintyFollowsSparksDeltaRule() {
        var summary = QuantileSummaries(relativeError: 1e-4)
        for v in 1...8000 { summary.insert(Double(v)) }
        let answer = summary.query(0.95)
        // ceil(0.95 * 8000) = 7600; with targetError 1 the first sample with minRank >= 7599 answers.
        #expect(answer == 7599)
    }

    @Test func mergingTwoExactHalvesKeepsExactRanks() {
        var left = QuantileSummaries(relativeError: 1e-4)
        var right = QuantileSummaries(relativeError: 1e-4)
        for v in 1...4000 {
            if v % 2 == 0 { left.insert(Double(v)) } else { right.insert(Double(v)) }
        }
        left.merge(right)
        #expect(left.count == 4000)
        #expect(left.query(0.95) == 3800)
        var empty = QuantileSummaries(relativeError: 1e-4)
        #expect(empty.query(0.5) == nil)
        empty.merge(left)
        #expect(empty.query(0.5) == 2000)
    }
}
