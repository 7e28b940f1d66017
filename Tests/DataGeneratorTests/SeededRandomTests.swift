@testable import DataGenerator
import Testing

@Suite struct SeededRandomTests {
    @Test func theSameSeedGivesTheSameStream() {
        var a = SeededRandom(seed: 42)
        var b = SeededRandom(seed: 42)
        var c = SeededRandom(seed: 43)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
        #expect(SeededRandom(seed: 1, stream: 1, entity: 5).unitSample() != SeededRandom(seed: 1, stream: 2, entity: 5).unitSample())
    }

    @Test func integersStayInRangeAndCoverIt() {
        var random = SeededRandom(seed: 9)
        var seen = Set<Int>()
        for _ in 0..<10_000 {
            let value = random.int(in: 45_000..<150_001, step: 100)
            #expect((45_000...150_000).contains(value) && value % 100 == 0)
            seen.insert(random.int(in: 2..<6))
        }
        #expect(seen == [2, 3, 4, 5])
    }

    @Test func distributionsHaveTheirMoments() {
        var random = SeededRandom(seed: 3)
        let n = 50_000
        let normal = (0..<n).map { _ in random.gaussian(mean: 36, deviation: 9) }
        let mean = normal.reduce(0, +) / Double(n)
        let variance = normal.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        #expect(abs(mean - 36) < 0.2)
        #expect(abs(variance.squareRoot() - 9) < 0.2)
        let beta = (0..<n).map { _ in random.beta(1.6, 4.5) }
        #expect(beta.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(abs(beta.reduce(0, +) / Double(n) - 1.6 / 6.1) < 0.01)
    }

    @Test(arguments: [1, 2, 5, 17, 1000, 4097])
    func shuffledOrderIsAPermutation(count: Int) {
        let order = ShuffledOrder(count: count, seed: 11)
        let elements = (0..<count).map(order.element(at:))
        #expect(Set(elements).count == count)
        #expect(elements.allSatisfy { (0..<count).contains($0) })
        if count >= 1000 { #expect(elements != Array(0..<count)) }
    }
}

extension SeededRandom {
    fileprivate func unitSample() -> Double {
        var copy = self
        return copy.unit()
    }
}
