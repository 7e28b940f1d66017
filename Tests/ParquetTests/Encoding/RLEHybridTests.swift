@testable import Parquet
import Testing

@Suite struct RLEHybridTests {
    @Test(arguments: [1, 2, 3, 7, 8, 13, 20, 32])
    func roundTripsMixedRunsAndLiterals(bitWidth: Int) throws {
        let mask: UInt64 = bitWidth == 32 ? UInt64(UInt32.max) : (1 << UInt64(bitWidth)) - 1
        var values: [UInt32] = []
        var state: UInt64 = 42
        for block in 0..<40 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let value = UInt32(truncatingIfNeeded: (state >> 20) & mask)
            let length = block % 3 == 0 ? Int(state % 50) + 1 : 1
            values += Array(repeating: value, count: length)
        }
        let encoded = RLEHybridEncoder.encode(values, bitWidth: bitWidth)
        var decoder = try RLEHybridDecoder(bytes: encoded, start: 0, end: encoded.count, bitWidth: bitWidth)
        var decoded: [UInt32] = []
        try decoder.decode(count: values.count, into: &decoded)
        #expect(decoded == values)
    }

    @Test func longRunsBecomeRLERuns() {
        let encoded = RLEHybridEncoder.encode(Array(repeating: 1, count: 10_000), bitWidth: 1)
        #expect(encoded.count <= 4)
    }

    @Test func readingPastTheDataIsAnError() throws {
        let encoded = RLEHybridEncoder.encode([1, 0, 1], bitWidth: 1)
        var decoder = try RLEHybridDecoder(bytes: encoded, start: 0, end: encoded.count, bitWidth: 1)
        var decoded: [UInt32] = []
        #expect(throws: ThriftError.self) { try decoder.decode(count: 100, into: &decoded) }
    }
}
