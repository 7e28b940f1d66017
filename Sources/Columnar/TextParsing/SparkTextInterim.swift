// Interim text parsing used until the full SparkText rules land; replaced by TextParsing/SparkText*.swift.
public enum SparkText {
    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var s = 0, e = b.count
        while s < e, b[s] <= 0x20 { s += 1 }
        while e > s, b[e - 1] <= 0x20 { e -= 1 }
        return UnsafeBufferPointer(rebasing: b[s..<e])
    }

    public static func parseInt64(_ raw: UnsafeBufferPointer<UInt8>) -> Int64? {
        let b = trimmed(raw)
        var i = 0
        var negative = false
        if i < b.count, b[i] == 0x2D || b[i] == 0x2B { negative = b[i] == 0x2D; i += 1 }
        var value: Int64 = 0
        var digits = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = negative ? m.subtractingReportingOverflow(Int64(b[i] - 0x30)) : m.addingReportingOverflow(Int64(b[i] - 0x30))
            if o1 || o2 { return nil }
            value = a; digits += 1; i += 1
        }
        if i < b.count, b[i] == 0x2E {
            i += 1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        }
        return digits > 0 && i == b.count ? value : nil
    }

    public static func parseInt32(_ raw: UnsafeBufferPointer<UInt8>) -> Int32? {
        parseInt64(raw).flatMap { Int32(exactly: $0) }
    }

    public static func parseDouble(_ raw: UnsafeBufferPointer<UInt8>) -> Double? {
        Double(String(decoding: trimmed(raw), as: UTF8.self))
    }

    public static func parseBoolean(_ raw: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch String(decoding: trimmed(raw), as: UTF8.self).lowercased() {
        case "t", "true", "y", "yes", "1": true
        case "f", "false", "n", "no", "0": false
        default: nil
        }
    }

    public static func parseTimestamp(_ raw: UnsafeBufferPointer<UInt8>) -> Int64? {
        let b = trimmed(raw)
        var parts: [Int] = []
        var i = 0
        let seps: [UInt8] = [0x2D, 0x2D, 0x20, 0x3A, 0x3A]
        while parts.count < 6 {
            var v = 0, n = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { v = v * 10 + Int(b[i] - 0x30); n += 1; i += 1 }
            if n == 0 { return nil }
            parts.append(v)
            if i == b.count { break }
            let sep = seps[parts.count - 1]
            if b[i] == sep || (parts.count == 3 && b[i] == 0x54) { i += 1 } else { return nil }
        }
        guard i == b.count, parts.count >= 3, TimestampFormat.isValidDate(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
        let days = TimestampFormat.daysFromCivil(year: parts[0], month: parts[1], day: parts[2])
        let h = parts.count > 3 ? parts[3] : 0, m = parts.count > 4 ? parts[4] : 0, s = parts.count > 5 ? parts[5] : 0
        return days * TimestampFormat.microsPerDay + Int64(h * 3600 + m * 60 + s) * TimestampFormat.microsPerSecond
    }

    public static func formatTimestamp(_ micros: Int64) -> String {
        String(TimestampFormat.iso8601(micros: micros).dropLast().map { $0 == "T" ? " " : $0 })
    }

    public static func formatDouble(_ value: Double) -> String { value.description }
}
