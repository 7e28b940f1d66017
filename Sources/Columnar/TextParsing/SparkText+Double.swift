extension SparkText {
    /// `CAST(text AS DOUBLE)`: Java's `Double.parseDouble`, then Spark's special literals.
    ///
    /// Java's grammar, after stripping bytes `0x00`–`0x20` on both sides: an optional sign, then
    /// `NaN` or `Infinity` (exact case), or decimal digits with an optional `.` and fraction
    /// (at least one digit overall), an optional exponent `e`/`E` with optional sign, and an
    /// optional type suffix `d`, `D`, `f` or `F` (`"1.5f"` is 1.5; the value is still read as
    /// a double). Hexadecimal floats (`0x1.8p1`) need the binary exponent, as in Java.
    /// When Java refuses the text, Spark accepts `inf`, `+inf`, `infinity`, `+infinity`,
    /// `-inf`, `-infinity` and `nan` in any letter case. Everything else is `nil`.
    ///
    /// Results are correctly rounded (round half to even), bit for bit what Java returns.
    /// Decimals with at most 19 significant digits and a small exponent take an exact fast
    /// path; the rest are handed to the standard library's correctly rounded parser.
    public static func parseDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var start = 0
        var end = text.count
        while start < end, text[start] <= 0x20 { start += 1 }
        while end > start, text[end - 1] <= 0x20 { end -= 1 }
        guard start < end else { return nil }
        let trimmed = UnsafeBufferPointer(rebasing: text[start..<end])
        if let value = parseJavaDouble(trimmed) { return value }
        return specialLiteral(trimmed)
    }

    /// Java's `Double.parseDouble` grammar over already trimmed text.
    static func parseJavaDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let end = text.count
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < end else { return nil }
        let body = UnsafeBufferPointer(rebasing: text[i..<end])
        if matches(body, "NaN") { return .nan }
        if matches(body, "Infinity") { return negative ? -.infinity : .infinity }
        if body.count > 2, body[0] == UInt8(ascii: "0"), body[1] | 0x20 == UInt8(ascii: "x") {
            return parseHexDouble(text)
        }
        // Decimal: digits [. digits] [e [sign] digits] [suffix]
        var significand: UInt64 = 0
        var significantDigits = 0
        var droppedDigits = false
        var decimalExponent = 0
        var sawDigit = false
        while i < end, text[i] &- UInt8(ascii: "0") < 10 {
            accumulate(text[i], &significand, &significantDigits, &droppedDigits, &decimalExponent, fraction: false)
            sawDigit = true
            i += 1
        }
        if i < end, text[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, text[i] &- UInt8(ascii: "0") < 10 {
                accumulate(text[i], &significand, &significantDigits, &droppedDigits, &decimalExponent, fraction: true)
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if i < end, text[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < end, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
                exponentNegative = text[i] == UInt8(ascii: "-")
                i += 1
            }
            var sawExponentDigit = false
            while i < end, text[i] &- UInt8(ascii: "0") < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(text[i] &- UInt8(ascii: "0")) }
                sawExponentDigit = true
                i += 1
            }
            guard sawExponentDigit else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        let numberEnd = i
        if i < end, isTypeSuffix(text[i]) { i += 1 }
        guard i == end else { return nil }
        if !droppedDigits, let fast = exactDecimal(significand, exponent: decimalExponent + exponent) {
            return negative ? -fast : fast
        }
        return slowDecimal(UnsafeBufferPointer(rebasing: text[0..<numberEnd]))
    }

    /// Adds one digit to the running significand, or records it as dropped once 19 are held.
    @inline(__always)
    private static func accumulate(
        _ byte: UInt8, _ significand: inout UInt64, _ digits: inout Int, _ dropped: inout Bool,
        _ exponent: inout Int, fraction: Bool
    ) {
        let digit = UInt64(byte &- UInt8(ascii: "0"))
        if significand == 0 && digit == 0 {
            if fraction { exponent -= 1 }  // leading zeros carry no precision
            return
        }
        if digits < 19 {
            significand = significand * 10 + digit
            digits += 1
            if fraction { exponent -= 1 }
        } else {
            if digit != 0 { dropped = true }
            if !fraction { exponent += 1 }
        }
    }

    /// Clinger's fast path: exact when the significand and the power of ten are both exact doubles.
    @inline(__always)
    private static func exactDecimal(_ significand: UInt64, exponent: Int) -> Double? {
        if significand == 0 { return 0 }
        guard significand <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        let value = Double(significand)
        return exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }  // every step is exact up to 1e22
        return value
    }

    /// The correctly rounded value of a validated decimal (sign included, no suffix).
    private static func slowDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        Double(String(decoding: text, as: UTF8.self))
    }

    /// Java's hexadecimal form: `[sign]0x` hex digits `[.` hex digits`]` `p` `[sign]` digits `[suffix]`.
    private static func parseHexDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") ? 3 : 2
        let end = text.count
        var sawDigit = false
        while i < end, isHexDigit(text[i]) { sawDigit = true; i += 1 }
        if i < end, text[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, isHexDigit(text[i]) { sawDigit = true; i += 1 }
        }
        guard sawDigit, i < end, text[i] | 0x20 == UInt8(ascii: "p") else { return nil }
        i += 1
        if i < end, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") { i += 1 }
        let exponentStart = i
        while i < end, text[i] &- UInt8(ascii: "0") < 10 { i += 1 }
        guard i > exponentStart else { return nil }
        let numberEnd = i
        if i < end, isTypeSuffix(text[i]) { i += 1 }
        guard i == end else { return nil }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: text[0..<numberEnd]), as: UTF8.self))
    }

    /// Spark's `processFloatingPointSpecialLiterals`, for text Java refused.
    private static func specialLiteral(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            i = 1
        }
        let body = UnsafeBufferPointer(rebasing: text[i...])
        if matchesIgnoringCase(body, "inf") || matchesIgnoringCase(body, "infinity") {
            return negative ? -.infinity : .infinity
        }
        if i == 0, matchesIgnoringCase(body, "nan") { return .nan }
        return nil
    }

    @inline(__always)
    private static func isTypeSuffix(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower == UInt8(ascii: "d") || lower == UInt8(ascii: "f")
    }

    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }

    /// Whether `text` is exactly `literal`.
    package static func matches(_ text: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard text.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { expected in
            for k in 0..<expected.count where text[k] != expected[k] { return false }
            return true
        }
    }

    /// Whether `text` is `literal` (given in lower case) in any ASCII letter case.
    static func matchesIgnoringCase(_ text: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard text.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { expected in
            for k in 0..<expected.count {
                var byte = text[k]
                if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte |= 0x20 }
                if byte != expected[k] { return false }
            }
            return true
        }
    }
}
