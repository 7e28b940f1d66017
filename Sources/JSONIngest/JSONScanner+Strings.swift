extension JSONScanner {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Scans a string whose opening `quote` was just consumed; leaves `position` after the
    /// closing quote and returns the raw content range and whether it contains escapes.
    ///
    /// Eight bytes at a time, a word is tested for the quote, a backslash or a control byte
    /// with the classic "has a zero byte" bit trick, so plain text costs about one branch per
    /// word. Escapes are validated here, so ``unescape(_:quote:into:)`` cannot fail later.
    @inline(__always)
    mutating func scanString(quote: UInt8) throws(JSONIngestError) -> (range: Range<Int>, hasEscapes: Bool) {
        let start = position
        var i = position
        let end = bytes.count
        var hasEscapes = false
        let quoteWord = UInt64(quote) &* Self.ones
        let backslashWord = UInt64(0x5C) &* Self.ones
        let base = UnsafeRawPointer(bytes.baseAddress)
        while true {
            if let base {
                while i + 8 <= end {
                    let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let q = word ^ quoteWord
                    let b = word ^ backslashWord
                    let found = ((q &- Self.ones) & ~q | (b &- Self.ones) & ~b | (word &- 0x20 &* Self.ones) & ~word) & Self.highs
                    if found != 0 {
                        i += found.littleEndian.trailingZeroBitCount >> 3
                        break
                    }
                    i += 8
                }
            }
            // Byte at a time from the first candidate (or for the last few bytes).
            while i < end {
                let byte = bytes[i]
                if byte == quote || byte == 0x5C || byte < 0x20 { break }
                i += 1
            }
            guard i < end else { throw .unexpectedEnd(offset: end, expected: "the closing quote of the string at byte \(start - 1)") }
            let byte = bytes[i]
            if byte == quote {
                position = i + 1
                return (start..<i, hasEscapes)
            }
            if byte < 0x20 {
                throw .invalidString(
                    offset: i, reason: "raw control character 0x\(String(byte, radix: 16)) must be escaped",
                    excerpt: excerpt(around: i))
            }
            hasEscapes = true
            i = try validateEscape(at: i)
        }
    }

    /// Checks the escape whose backslash is at `index`; returns the index after it.
    private func validateEscape(at index: Int) throws(JSONIngestError) -> Int {
        guard index + 1 < bytes.count else { throw .unexpectedEnd(offset: bytes.count, expected: "an escape") }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "'"),
             UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return index + 2
        case UInt8(ascii: "u"):
            guard index + 6 <= bytes.count else { throw .unexpectedEnd(offset: bytes.count, expected: "four hex digits") }
            for k in (index + 2)..<(index + 6) where hexValue(bytes[k]) == nil {
                throw .invalidString(offset: k, reason: "'\\u' needs four hex digits", excerpt: excerpt(around: k))
            }
            return index + 6
        default:
            throw .invalidString(
                offset: index, reason: "unknown escape '\\\(Character(Unicode.Scalar(bytes[index + 1])))'",
                excerpt: excerpt(around: index))
        }
    }

    @inline(__always)
    private func hexValue(_ byte: UInt8) -> UInt32? {
        if byte &- UInt8(ascii: "0") < 10 { return UInt32(byte &- UInt8(ascii: "0")) }
        let lower = byte | 0x20
        if lower &- UInt8(ascii: "a") < 6 { return UInt32(lower &- UInt8(ascii: "a") + 10) }
        return nil
    }

    private func hex4(at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in index..<(index + 4) { value = value << 4 | (hexValue(bytes[k]) ?? 0) }
        return value
    }

    /// Appends the unescaped UTF-8 of a string validated by ``scanString(quote:)`` to `output`.
    ///
    /// `\uXXXX` pairs that form a surrogate pair become one 4-byte character; a lone surrogate
    /// becomes `?`, which is what Java's UTF-8 encoder (and so Spark) writes for it.
    func unescape(_ range: Range<Int>, into output: inout [UInt8]) {
        var i = range.lowerBound
        var runStart = i
        while i < range.upperBound {
            guard bytes[i] == 0x5C else {
                i += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            let code = bytes[i + 1]
            i += 2
            switch code {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(at: i)
                i += 4
                if scalar & 0xFC00 == 0xD800, i + 6 <= range.upperBound, bytes[i] == 0x5C, bytes[i + 1] == UInt8(ascii: "u") {
                    let low = hex4(at: i + 2)
                    if low & 0xFC00 == 0xDC00 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                Self.appendUTF8(scalar, to: &output)
            default: output.append(code)  // " \ / '
            }
            runStart = i
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<range.upperBound]))
    }

    /// Appends `scalar` as UTF-8; surrogates (unpaired by now) become `?`.
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0xD800..<0xE000:
            output.append(UInt8(ascii: "?"))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
