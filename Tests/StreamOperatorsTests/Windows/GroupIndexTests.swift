@testable import StreamOperators
import Testing

/// ``GroupIndex`` against a dictionary model, with hashes forced to collide and to wrap around
/// the end of the table, so probing, growth and backward-shift removal are all exercised.
@Suite struct GroupIndexTests {
    struct Group: Hashable {
        var start: Int64
        var key: [UInt8]
    }

    /// A hash from a small space (many equal hashes, many equal low bits).
    static func weakHash(_ group: Group) -> UInt64 {
        UInt64(group.key.first ?? 0) % 5 &* 0x1_0000_0000 | UInt64(15 - (group.key.first ?? 0) % 3)
    }

    func find(_ index: GroupIndex, _ group: Group) -> Int? {
        group.key.withUnsafeBufferPointer { index.find(start: group.start, key: $0, hash: Self.weakHash(group)) }
    }

    @Test func collidingGroupsAreFoundAfterInsertsAndRemovals() {
        var index = GroupIndex()
        var model: [Group: Int] = [:]
        var freeSlots: [Int] = []
        var nextSlot = 0
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for step in 0..<4_000 {
            let group = Group(start: Int64(random(3)), key: [UInt8(random(40)), UInt8(random(2))])
            if let slot = model[group], random(3) == 0 {
                index.remove(slot)
                model[group] = nil
                freeSlots.append(slot)
            } else if model[group] == nil {
                let slot = freeSlots.popLast() ?? { nextSlot += 1; return nextSlot - 1 }()
                group.key.withUnsafeBufferPointer {
                    index.insert(slot: slot, start: group.start, key: $0, hash: Self.weakHash(group))
                }
                model[group] = slot
            }
            if step % 97 == 0 || step == 3_999 {
                #expect(index.count == model.count)
                for start in 0..<3 {
                    for first in 0..<40 {
                        for second in 0..<2 {
                            let probe = Group(start: Int64(start), key: [UInt8(first), UInt8(second)])
                            #expect(find(index, probe) == model[probe], "step \(step): \(probe)")
                        }
                    }
                }
            }
        }
        for (group, slot) in model { #expect(index.key(slot) == group.key && index.starts[slot] == group.start) }
    }

    @Test func emptyIndexFindsNothingAndIgnoresRemoval() {
        var index = GroupIndex()
        #expect(find(index, Group(start: 0, key: [1])) == nil)
        index.reserveSlots(4)
        index.remove(2)
        #expect(index.count == 0)
        let group = Group(start: 7, key: [])
        group.key.withUnsafeBufferPointer { index.insert(slot: 3, start: 7, key: $0, hash: Self.weakHash(group)) }
        #expect(find(index, group) == 3)
        #expect(find(index, Group(start: 8, key: [])) == nil)
    }
}
