import Testing
@testable import StreamState

@Suite struct HyperLogLogPlusPlusSerializationTests {
    static func sketch(precision: Int = 9, values: Int) throws -> HyperLogLogPlusPlus {
        var sketch = try HyperLogLogPlusPlus(precision: precision)
        for i in 0..<values { sketch.add(long: Int64(i) &* 1_000_003) }
        return sketch
    }

    /// Replaces the trailing checksum so that a deliberately malformed body reaches validation.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var body = Array(bytes.dropLast(8))
        let checksum = XXHash64.hashBytes(body, seed: 0)
        for i in 0..<8 { body.append(UInt8(truncatingIfNeeded: checksum >> UInt64(8 * i))) }
        return body
    }

    @Test(arguments: [0, 1, 5, 100, 127, 128, 129, 1000, 100_000])
    func roundTripsAtDefaultPrecision(values: Int) throws {
        let original = try Self.sketch(values: values)
        let restored = try HyperLogLogPlusPlus(serialized: original.serialized())
        #expect(restored == original)
        #expect(restored.estimate() == original.estimate())
    }

    @Test func roundTripsAtEveryPrecision() throws {
        for precision in HyperLogLogPlusPlus.supportedPrecisions {
            for values in [3, 5000] {
                let original = try Self.sketch(precision: precision, values: values)
                #expect(try HyperLogLogPlusPlus(serialized: original.serialized()) == original, "p \(precision)")
            }
        }
    }

    @Test func picksTheSmallerEncoding() throws {
        let empty = try Self.sketch(values: 0).serialized()
        #expect(empty.count == 7 + 4 + 8)
        #expect(empty[6] == 1)
        let five = try Self.sketch(values: 5).serialized()
        #expect(five.count == 7 + 4 + 3 * 5 + 8)
        let dense = try Self.sketch(values: 10_000).serialized()
        #expect(dense[6] == 0)
        #expect(dense.count == 7 + 384 + 8)
        #expect(Array(dense.prefix(6)) == Array("HLL+".utf8) + [1, 9])
    }

    @Test func restoredSketchKeepsCounting() throws {
        var restored = try HyperLogLogPlusPlus(serialized: Self.sketch(values: 40).serialized())
        for i in 40..<80 { restored.add(long: Int64(i) &* 1_000_003) }
        #expect(restored == (try Self.sketch(values: 80)))
    }

    @Test func rejectsCorruptInput() throws {
        let dense = try Self.sketch(values: 10_000).serialized()
        let sparse = try Self.sketch(values: 5).serialized()

        #expect(throws: StreamStateError.truncatedSketch(expectedBytes: 15, actualBytes: 3)) {
            try HyperLogLogPlusPlus(serialized: Array(dense.prefix(3)))
        }
        #expect(throws: StreamStateError.truncatedSketch(expectedBytes: dense.count, actualBytes: dense.count - 1)) {
            try HyperLogLogPlusPlus(serialized: Self.resealed(Array(dense.dropLast(9)) + [UInt8](repeating: 0, count: 8)))
        }
        #expect(throws: StreamStateError.trailingSketchBytes(expectedBytes: sparse.count, actualBytes: sparse.count + 1)) {
            try HyperLogLogPlusPlus(serialized: Self.resealed(Array(sparse.dropLast(8)) + [0, 0, 0, 0, 0, 0, 0, 0, 0]))
        }
        #expect(throws: StreamStateError.badSketchMagic(found: Array("JSON".utf8))) {
            try HyperLogLogPlusPlus(serialized: Array("JSON".utf8) + Array(dense.dropFirst(4)))
        }
        var newer = dense
        newer[4] = 2
        #expect(throws: StreamStateError.unsupportedSketchVersion(2, supported: 1)) {
            try HyperLogLogPlusPlus(serialized: newer)
        }
        var encoding = dense
        encoding[6] = 7
        #expect(throws: StreamStateError.unknownSketchEncoding(7)) { try HyperLogLogPlusPlus(serialized: encoding) }
        var precision = dense
        precision[5] = 30
        #expect(throws: StreamStateError.unsupportedPrecision(30, supported: 4...18)) {
            try HyperLogLogPlusPlus(serialized: precision)
        }

        var flipped = dense
        flipped[100] ^= 0x10
        #expect(throws: (any Error).self) { try HyperLogLogPlusPlus(serialized: flipped) }
        do {
            _ = try HyperLogLogPlusPlus(serialized: flipped)
        } catch {
            guard case .sketchChecksumMismatch = error else {
                Issue.record("expected a checksum mismatch, got \(error)")
                return
            }
        }
    }

    @Test func rejectsRegistersNoHashCanProduce() throws {
        var dense = try Self.sketch(values: 10_000).serialized()
        dense[7] = dense[7] | 0x3F  // register 0 := 63 > 64 - 9 + 1
        #expect(throws: StreamStateError.invalidSketchRegister(index: 0, value: 63, maximum: 56)) {
            try HyperLogLogPlusPlus(serialized: Self.resealed(dense))
        }
    }

    @Test func rejectsSparseEntriesOutOfOrder() throws {
        let sparse = try Self.sketch(values: 5).serialized()
        var swapped = sparse
        // Swap the first two 3-byte entries (they start after the 7-byte header and 4-byte count).
        for i in 0..<3 { swapped.swapAt(11 + i, 14 + i) }
        let firstIndexAfterSwap = Int(UInt32(swapped[14]) | UInt32(swapped[15]) << 8 | UInt32(swapped[16]) << 16) >> 6
        #expect(throws: StreamStateError.invalidSparseEntry(position: 1, index: firstIndexAfterSwap, registerCount: 512)) {
            try HyperLogLogPlusPlus(serialized: Self.resealed(swapped))
        }
    }
}
