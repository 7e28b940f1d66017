/// A pseudo-random permutation of `0..<count` computed one position at a time: the CRM export
/// lists its documents in shuffled order (as a document store's scan would) without holding
/// the list in memory.
///
/// A four-round Feistel network over the smallest even number of bits that covers `count` is a
/// bijection on that power of two; cycle walking (re-applying it until the value falls below
/// `count`) restricts it to `0..<count`. The domain is less than four times `count`, so a
/// position takes fewer than four walks on average.
struct ShuffledOrder {
    let count: Int
    private let halfBits: Int
    private let keys: [UInt64]

    /// The permutation of `0..<count` chosen by `seed`.
    init(count: Int, seed: UInt64) {
        self.count = count
        var bits = 2
        while (1 << bits) < count { bits += 2 }
        halfBits = bits / 2
        var random = SeededRandom(seed: seed, stream: 3, entity: UInt64(count))
        keys = (0..<4).map { _ in random.next() }
    }

    /// The element at `position` of the shuffled order.
    func element(at position: Int) -> Int {
        precondition(position >= 0 && position < count, "ShuffledOrder position \(position) outside 0..<\(count)")
        var value = UInt64(position)
        repeat { value = permute(value) } while value >= UInt64(count)
        return Int(value)
    }

    private func permute(_ value: UInt64) -> UInt64 {
        let mask: UInt64 = (1 << UInt64(halfBits)) - 1
        var left = value >> UInt64(halfBits)
        var right = value & mask
        for key in keys {
            var mixer = right ^ key
            let next = left ^ (SeededRandom.splitMix(&mixer) & mask)
            left = right
            right = next
        }
        return left << UInt64(halfBits) | right
    }
}
