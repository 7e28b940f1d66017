/// A cursor over one message's bytes with the JSON lexing primitives the decoder needs.
///
/// The grammar is Jackson's as Spark configures it for `from_json`: standard JSON plus
/// single-quoted strings and names (`allowSingleQuotes` is on by default in Spark); no
/// comments, no unquoted names, no leading zeros, no raw control characters in strings.
/// The scanner never allocates; values are returned as byte ranges into the message.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    /// Jackson's default maximum nesting depth.
    static let depthLimit = 1000

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// Skips JSON whitespace and returns the next byte without consuming it (`nil` at the end).
    @inline(__always)
    mutating func peekSkippingWhitespace() -> UInt8? {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            position += 1
        }
        return nil
    }

    /// The next non-whitespace byte, which must exist.
    @inline(__always)
    mutating func nextByte(expecting what: @autoclosure () -> String) throws(JSONIngestError) -> UInt8 {
        guard let byte = peekSkippingWhitespace() else { throw .unexpectedEnd(offset: position, expected: what()) }
        return byte
    }

    /// Consumes the literal `true`, `false` or `null` whose first byte is at `position`.
    mutating func consumeLiteral(_ literal: StaticString) throws(JSONIngestError) {
        let count = literal.utf8CodeUnitCount
        let matched = literal.withUTF8Buffer { expected -> Bool in
            guard position + count <= bytes.count else { return false }
            for k in 0..<count where bytes[position + k] != expected[k] { return false }
            return true
        }
        guard matched else {
            if position + count > bytes.count && isPrefix(of: literal) {
                throw .unexpectedEnd(offset: bytes.count, expected: "the rest of '\(literal)'")
            }
            throw unexpected(expected: "a JSON value")
        }
        position += count
    }

    private func isPrefix(of literal: StaticString) -> Bool {
        literal.withUTF8Buffer { expected in
            for k in 0..<(bytes.count - position) where bytes[position + k] != expected[k] { return false }
            return true
        }
    }

    /// Scans a number starting at `position`; returns its byte range and whether it is an integer.
    mutating func scanNumber() throws(JSONIngestError) -> (range: Range<Int>, isInteger: Bool) {
        let start = position
        let end = bytes.count
        var i = position
        if i < end, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < end else { throw .unexpectedEnd(offset: i, expected: "digits") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < end, bytes[i] &- UInt8(ascii: "0") < 10 { throw .invalidNumber(offset: start, excerpt: excerpt(around: start)) }
        } else if bytes[i] &- UInt8(ascii: "1") < 9 {
            while i < end, bytes[i] &- UInt8(ascii: "0") < 10 { i += 1 }
        } else {
            throw .invalidNumber(offset: start, excerpt: excerpt(around: start))
        }
        var isInteger = true
        if i < end, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            let digitsStart = i
            while i < end, bytes[i] &- UInt8(ascii: "0") < 10 { i += 1 }
            guard i > digitsStart else { throw numberError(start, at: i) }
        }
        if i < end, bytes[i] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            i += 1
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let digitsStart = i
            while i < end, bytes[i] &- UInt8(ascii: "0") < 10 { i += 1 }
            guard i > digitsStart else { throw numberError(start, at: i) }
        }
        position = i
        return (start..<i, isInteger)
    }

    private func numberError(_ start: Int, at i: Int) -> JSONIngestError {
        i >= bytes.count ? .unexpectedEnd(offset: i, expected: "digits") : .invalidNumber(offset: start, excerpt: excerpt(around: start))
    }

    /// The value of an integer token, or `nil` when it does not fit an `Int64`.
    func integerValue(_ range: Range<Int>) -> Int64? {
        var i = range.lowerBound
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value: Int64 = 0  // accumulated negatively so that Int64.min fits
        while i < range.upperBound {
            let (scaled, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = scaled.subtractingReportingOverflow(Int64(bytes[i] &- UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            value = next
            i += 1
        }
        if negative { return value }
        return value == .min ? nil : -value
    }

    /// Skips one complete value of any kind starting at `position` (after whitespace).
    mutating func skipValue(depth: Int) throws(JSONIngestError) {
        let byte = try nextByte(expecting: "a JSON value")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            position += 1
            _ = try scanString(quote: byte)
        case UInt8(ascii: "{"):
            guard depth < Self.depthLimit else { throw .nestingTooDeep(offset: position, limit: Self.depthLimit) }
            position += 1
            if try nextByte(expecting: "a name or '}'") == UInt8(ascii: "}") {
                position += 1
                return
            }
            while true {
                _ = try scanName()
                try expectColon()
                try skipValue(depth: depth + 1)
                if try endOfMember(closing: UInt8(ascii: "}")) { return }
            }
        case UInt8(ascii: "["):
            guard depth < Self.depthLimit else { throw .nestingTooDeep(offset: position, limit: Self.depthLimit) }
            position += 1
            if try nextByte(expecting: "a value or ']'") == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                if try endOfMember(closing: UInt8(ascii: "]")) { return }
            }
        case UInt8(ascii: "t"): try consumeLiteral("true")
        case UInt8(ascii: "f"): try consumeLiteral("false")
        case UInt8(ascii: "n"): try consumeLiteral("null")
        default:
            _ = try scanNumber()
        }
    }

    /// Reads an object member's name (after whitespace): its raw range and whether it has escapes.
    @inline(__always)
    mutating func scanName() throws(JSONIngestError) -> (range: Range<Int>, hasEscapes: Bool) {
        let quote = try nextByte(expecting: "a quoted name")
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw unexpected(expected: "a quoted name")
        }
        position += 1
        return try scanString(quote: quote)
    }

    /// Consumes the `:` after a name.
    @inline(__always)
    mutating func expectColon() throws(JSONIngestError) {
        guard try nextByte(expecting: "':'") == UInt8(ascii: ":") else { throw unexpected(expected: "':'") }
        position += 1
    }

    /// After a member or element: consumes `,` (returns `false`) or the closing bracket (`true`).
    @inline(__always)
    mutating func endOfMember(closing: UInt8) throws(JSONIngestError) -> Bool {
        let byte = try nextByte(expecting: closing == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'")
        position += 1
        if byte == UInt8(ascii: ",") { return false }
        if byte == closing { return true }
        position -= 1
        throw unexpected(expected: closing == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'")
    }

    /// An ``JSONIngestError/unexpectedCharacter(offset:found:expected:excerpt:)`` at `position`.
    func unexpected(expected: String) -> JSONIngestError {
        guard position < bytes.count else { return .unexpectedEnd(offset: position, expected: expected) }
        return .unexpectedCharacter(
            offset: position, found: Self.describe(bytes[position]), expected: expected, excerpt: excerpt(around: position))
    }

    /// A short human-readable name for a byte (`'x'`, `byte 0x01`).
    static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    /// Up to 24 bytes either side of `offset`, quoted, for error messages.
    func excerpt(around offset: Int) -> String {
        let lower = max(0, offset - 24)
        let upper = min(bytes.count, offset + 24)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        return "\"" + (lower > 0 ? "…" : "") + text + (upper < bytes.count ? "…" : "") + "\""
    }
}
