/// Appends decimal digits to a byte buffer without going through `String` (the generators
/// write millions of numbers; `String(format:)` would dominate their run time).
public enum DigitWriter {
    /// Appends `value` in decimal, zero-padded on the left to at least `width` digits.
    public static func append(_ value: Int, width: Int = 1, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var rest = value.magnitude
        var written = 0
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
            written += 1
        } while rest > 0
        while written < width {
            bytes.append(UInt8(ascii: "0"))
            written += 1
        }
        bytes[start...].reverse()
    }

    /// Appends `hundredths / 100` with exactly two decimals (`7205` → `72.05`).
    public static func appendHundredths(_ hundredths: Int, to bytes: inout [UInt8]) {
        if hundredths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = abs(hundredths)
        append(magnitude / 100, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        append(magnitude % 100, width: 2, to: &bytes)
    }

    /// Appends `date` as `yyyy-MM-dd`, or with `separator` in place of `-`.
    public static func appendISODate(_ date: CivilDate, separator: UInt8 = UInt8(ascii: "-"), to bytes: inout [UInt8]) {
        append(date.year, width: 4, to: &bytes)
        bytes.append(separator)
        append(date.month, width: 2, to: &bytes)
        bytes.append(separator)
        append(date.day, width: 2, to: &bytes)
    }
}
