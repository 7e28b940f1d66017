extension SparkText {
    /// `CAST(value AS STRING)` for a double: Java's `Double.toString` (`NaN`, `Infinity`,
    /// `-Infinity` for the special values).
    public static func formatDouble(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return JavaDoubleFormat.string(value)
    }

    /// `CAST(micros AS STRING)` for a timestamp in UTC: `yyyy-MM-dd HH:mm:ss[.ffffff]`,
    /// fractional digits only as far as they are not zero.
    public static func formatTimestamp(_ micros: Int64) -> String {
        String(TimestampFormat.iso8601(micros: micros).dropLast().map { $0 == "T" ? " " : $0 })
    }
}

/// Java's `Double.toString` layout for finite doubles, from the shortest round-trip digits.
///
/// Java writes `[-]int.frac` when `10⁻³ ≤ |v| < 10⁷` and `[-]d.dddE[-]n` otherwise, always
/// with at least one fractional digit. The digits here are Swift's shortest round-trip digits,
/// which is what Java 19+ prints; Java 17's older algorithm occasionally prints one more digit.
package enum JavaDoubleFormat {
    /// The text of a finite `value`.
    package static func string(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (digits, exponent) = shortestDigits(value.magnitude)
        let sign = value < 0 ? "-" : ""
        // value = 0.d1d2d3… × 10^exponent
        let magnitude = value.magnitude
        if magnitude >= 1e-3 && magnitude < 1e7 {
            if exponent <= 0 {
                return sign + "0." + String(repeating: "0", count: -exponent) + digits
            }
            if exponent >= digits.count {
                return sign + digits + String(repeating: "0", count: exponent - digits.count) + ".0"
            }
            let split = digits.index(digits.startIndex, offsetBy: exponent)
            return sign + digits[..<split] + "." + digits[split...]
        }
        let first = digits.prefix(1)
        let rest = digits.count > 1 ? String(digits.dropFirst()) : "0"
        return sign + first + "." + rest + "E" + String(exponent - 1)
    }

    /// The shortest decimal digits of a positive finite double and its exponent `e` such that
    /// the value is `0.digits × 10^e`.
    private static func shortestDigits(_ value: Double) -> (digits: String, exponent: Int) {
        let text = value.description  // e.g. "1.2345e-05", "100.0", "5e-324"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integer + fraction
        var pointPosition = integer.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, pointPosition)
    }
}
