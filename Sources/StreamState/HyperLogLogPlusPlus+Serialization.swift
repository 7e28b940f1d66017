extension HyperLogLogPlusPlus {
    /// The format version ``serialized()`` writes; see `FORMAT.md` beside this file.
    public static let serializationVersion: UInt8 = 1

    static let magic: [UInt8] = Array("HLL+".utf8)
    static let headerSize = 7
    static let checksumSize = 8
    static let denseEncoding: UInt8 = 0
    static let sparseEncoding: UInt8 = 1

    /// The sketch as compact bytes for a checkpoint: dense (6-bit packed registers) or sparse
    /// (only non-empty registers), whichever is smaller, followed by an XXH64 checksum.
    ///
    /// Why both encodings: most window groups see a handful of values, so a sparse sketch of
    /// p = 9 with 5 values is 22 bytes where the dense form is 398.
    public func serialized() -> [UInt8] {
        let nonEmpty = registers.reduce(0) { $0 + ($1 == 0 ? 0 : 1) }
        let denseSize = Self.packedSize(registerCount: registerCount)
        let sparseSize = 4 + 3 * nonEmpty
        var out = Self.magic
        out.reserveCapacity(Self.headerSize + min(denseSize, sparseSize) + Self.checksumSize)
        out.append(Self.serializationVersion)
        out.append(UInt8(precision))
        if sparseSize < denseSize {
            out.append(Self.sparseEncoding)
            appendLittleEndian(UInt64(nonEmpty), bytes: 4, to: &out)
            for (index, value) in registers.enumerated() where value != 0 {
                appendLittleEndian(UInt64(index) << 6 | UInt64(value), bytes: 3, to: &out)
            }
        } else {
            out.append(Self.denseEncoding)
            var bitBuffer: UInt64 = 0
            var bitCount = 0
            for value in registers {
                bitBuffer |= UInt64(value) << UInt64(bitCount)
                bitCount += 6
                while bitCount >= 8 {
                    out.append(UInt8(truncatingIfNeeded: bitBuffer))
                    bitBuffer >>= 8
                    bitCount -= 8
                }
            }
            if bitCount > 0 { out.append(UInt8(truncatingIfNeeded: bitBuffer)) }
        }
        let checksum = out.withUnsafeBytes { XXHash64.hashBytes($0, seed: 0) }
        appendLittleEndian(checksum, bytes: 8, to: &out)
        return out
    }

    /// Restores a sketch from ``serialized()`` bytes, validating everything before trusting it.
    ///
    /// Why so strict: a corrupt sketch would silently change distinct counts after recovery;
    /// failing loudly lets the runner fall back to an older checkpoint.
    /// - Throws: a ``StreamStateError`` naming what is wrong: bad magic, unknown version or
    ///   encoding, wrong length, checksum mismatch, impossible register values.
    public init(serialized bytes: [UInt8]) throws(StreamStateError) {
        guard bytes.count >= Self.headerSize + Self.checksumSize else {
            if !bytes.starts(with: Self.magic.prefix(bytes.count)) {
                throw .badSketchMagic(found: Array(bytes.prefix(4)))
            }
            throw .truncatedSketch(expectedBytes: Self.headerSize + Self.checksumSize, actualBytes: bytes.count)
        }
        guard bytes.starts(with: Self.magic) else { throw .badSketchMagic(found: Array(bytes.prefix(4))) }
        guard bytes[4] <= Self.serializationVersion, bytes[4] > 0 else {
            throw .unsupportedSketchVersion(bytes[4], supported: Self.serializationVersion)
        }
        let payloadEnd = bytes.count - Self.checksumSize
        let stored = readLittleEndian(bytes, at: payloadEnd, bytes: 8)
        let computed = bytes.withUnsafeBytes { XXHash64.hashBytes(UnsafeRawBufferPointer(rebasing: $0[..<payloadEnd]), seed: 0) }
        let precision = Int(bytes[5])
        let encoding = bytes[6]
        guard Self.supportedPrecisions.contains(precision) else {
            throw .unsupportedPrecision(precision, supported: Self.supportedPrecisions)
        }
        let registerCount = 1 << precision
        let expected: Int
        switch encoding {
        case Self.denseEncoding:
            expected = Self.headerSize + Self.packedSize(registerCount: registerCount) + Self.checksumSize
        case Self.sparseEncoding:
            guard bytes.count >= Self.headerSize + 4 + Self.checksumSize else {
                throw .truncatedSketch(expectedBytes: Self.headerSize + 4 + Self.checksumSize, actualBytes: bytes.count)
            }
            let entries = Int(readLittleEndian(bytes, at: Self.headerSize, bytes: 4))
            expected = Self.headerSize + 4 + 3 * entries + Self.checksumSize
        default:
            throw .unknownSketchEncoding(encoding)
        }
        guard bytes.count >= expected else { throw .truncatedSketch(expectedBytes: expected, actualBytes: bytes.count) }
        guard bytes.count == expected else { throw .trailingSketchBytes(expectedBytes: expected, actualBytes: bytes.count) }
        guard stored == computed else { throw .sketchChecksumMismatch(stored: stored, computed: computed) }

        var registers = [UInt8](repeating: 0, count: registerCount)
        let maximum = UInt8(64 - precision + 1)
        if encoding == Self.denseEncoding {
            for index in 0..<registerCount {
                let bit = index * 6
                let pair = UInt16(bytes[Self.headerSize + bit / 8])
                    | UInt16(bit % 8 > 2 ? bytes[Self.headerSize + bit / 8 + 1] : 0) << 8
                registers[index] = UInt8(truncatingIfNeeded: pair >> UInt16(bit % 8)) & 0x3F
            }
        } else {
            var previous = -1
            for position in 0..<(expected - Self.headerSize - 4 - Self.checksumSize) / 3 {
                let entry = readLittleEndian(bytes, at: Self.headerSize + 4 + 3 * position, bytes: 3)
                let index = Int(entry >> 6)
                guard index > previous, index < registerCount, entry & 0x3F != 0 else {
                    throw .invalidSparseEntry(position: position, index: index, registerCount: registerCount)
                }
                registers[index] = UInt8(entry & 0x3F)
                previous = index
            }
        }
        if let bad = registers.firstIndex(where: { $0 > maximum }) {
            throw .invalidSketchRegister(index: bad, value: registers[bad], maximum: maximum)
        }
        self.init(validPrecision: precision, registers: registers)
    }

    static func packedSize(registerCount: Int) -> Int {
        (registerCount * 6 + 7) / 8
    }
}

private func appendLittleEndian(_ value: UInt64, bytes count: Int, to out: inout [UInt8]) {
    for i in 0..<count {
        out.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * i)))
    }
}

private func readLittleEndian(_ bytes: [UInt8], at offset: Int, bytes count: Int) -> UInt64 {
    var value: UInt64 = 0
    for i in 0..<count {
        value |= UInt64(bytes[offset + i]) << UInt64(8 * i)
    }
    return value
}
