/// Renders integers the way Indian loan books print amounts: the last three digits, then
/// groups of two (`120000` → `"1,20,000"`, `12345678` → `"1,23,45,678"`).
public enum IndianDigitGrouping {
    /// `value` with Indian digit grouping, a leading `-` for negative values.
    public static func format(_ value: Int) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` with Indian digit grouping to `bytes` (the generators' hot path).
    public static func append(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var rest = value.magnitude
        var written = 0
        // Least significant digit first, a comma after the third digit and then after every second.
        repeat {
            if written >= 3, (written - 3) % 2 == 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
            written += 1
        } while rest > 0
        bytes[start...].reverse()
    }
}
