/// Spark's rules for turning text into values: the non-ANSI `CAST(string AS …)` family.
///
/// Every function reads UTF-8 bytes and returns `nil` where Spark (with
/// `spark.sql.ansi.enabled=false`) returns null. None of them allocates on the common path,
/// so kernels can call them once per row straight over a ``StringBuffer``'s bytes.
///
/// Trimming follows Spark 4 exactly: integer, boolean, date and timestamp casts strip leading
/// and trailing bytes that Java calls whitespace or ISO control characters (`0x00`–`0x20` and
/// `0x7F`; non-ASCII spaces such as U+00A0 are kept, so they make the text invalid). The double
/// cast goes through Java's `String.trim` instead, which strips `0x00`–`0x20` only.
///
/// ```swift
/// let age = "  41 ".utf8.withContiguousStorageIfAvailable(SparkText.parseInt32) // 41
/// ```
public enum SparkText {
    /// Whether `byte` is one Spark's `UTF8String.isWhitespaceOrISOControl` strips (for ASCII
    /// bytes; a byte of a multi-byte character is negative in Java, hence never stripped).
    @inline(__always)
    static func isTrimmable(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x7F
    }

    /// The bounds of `text` without Spark's trimmable bytes on either side (`start == end` when blank).
    @inline(__always)
    static func trimmedBounds(_ text: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int) {
        var start = 0
        var end = text.count
        while start < end, isTrimmable(text[start]) { start += 1 }
        while end > start, isTrimmable(text[end - 1]) { end -= 1 }
        return (start, end)
    }

    /// `CAST(text AS INT)`: Spark's `UTF8String.toInt`.
    ///
    /// Accepts trimmed `[+|-]digits[.digits]`; the fraction is checked for digits and then
    /// dropped (`"12.0"` → 12, `"-1.9"` → -1, `"1."` → 1, `"."` → 0, as in Spark). Overflow,
    /// grouping commas (`"1,000"`), exponents and blank text give `nil`.
    public static func parseInt32(_ text: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let value = parseIntegral(text, min: Int64(Int32.min), max: Int64(Int32.max)) else { return nil }
        return Int32(truncatingIfNeeded: value)
    }

    /// `CAST(text AS BIGINT)`: Spark's `UTF8String.toLong`, with the same rules as ``parseInt32(_:)``.
    public static func parseInt64(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        parseIntegral(text, min: Int64.min, max: Int64.max)
    }

    /// Shared body of the integer casts: accumulates negatively so that the minimum fits.
    @inline(__always)
    private static func parseIntegral(_ text: UnsafeBufferPointer<UInt8>, min: Int64, max: Int64) -> Int64? {
        var (i, end) = trimmedBounds(text)
        guard i < end else { return nil }
        let negative = text[i] == UInt8(ascii: "-")
        if negative || text[i] == UInt8(ascii: "+") {
            guard end - i > 1 else { return nil }
            i += 1
        }
        var result: Int64 = 0  // kept ≤ 0
        while i < end {
            let byte = text[i]
            i += 1
            if byte == UInt8(ascii: ".") { break }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (scaled, o1) = result.multipliedReportingOverflow(by: 10)
            let (next, o2) = scaled.subtractingReportingOverflow(Int64(digit))
            guard !o1, !o2, next >= min else { return nil }
            result = next
        }
        while i < end {
            guard text[i] &- UInt8(ascii: "0") < 10 else { return nil }
            i += 1
        }
        if negative { return result }
        guard result >= -max else { return nil }
        return -result
    }

    /// `CAST(text AS BOOLEAN)`: `t`, `true`, `y`, `yes`, `1` are true; `f`, `false`, `n`, `no`,
    /// `0` are false; any letter case; trimmed like the integer casts; anything else is `nil`.
    public static func parseBoolean(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        let (start, end) = trimmedBounds(text)
        let count = end - start
        guard count >= 1, count <= 5 else { return nil }
        // Pack the lower-cased bytes into one word and compare against the ten spellings.
        var word: UInt64 = 0
        for i in start..<end {
            var byte = text[i]
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            word = word << 8 | UInt64(byte)
        }
        if trueSpellings.contains(word) { return true }
        if falseSpellings.contains(word) { return false }
        return nil
    }

    private static let trueSpellings: [UInt64] = ["t", "true", "y", "yes", "1"].map(packed)
    private static let falseSpellings: [UInt64] = ["f", "false", "n", "no", "0"].map(packed)

    /// `literal`'s ASCII bytes packed big-endian into a word, as ``parseBoolean(_:)`` packs its input.
    private static func packed(_ literal: String) -> UInt64 {
        literal.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
