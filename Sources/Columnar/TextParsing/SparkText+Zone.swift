extension SparkText {
    /// The offset from UTC, in seconds, of a zone written after a timestamp, or `nil` when
    /// Stream360 cannot resolve it.
    ///
    /// Mirrors Spark's `getZoneId`: Java's `String.trim`, then the two pre-Spark-3 fix-ups
    /// (`+h:` becomes `+0h:`, a trailing `+hh:m` becomes `+hh:0m`), then
    /// `ZoneId.of(id, SHORT_IDS)`: `Z`; `±h`, `±hh`, `±hhmm`, `±hh:mm`, `±hhmmss`, `±hh:mm:ss`
    /// up to ±18:00; `UTC`, `GMT` or `UT` alone or followed by such an offset; `EST`, `MST`,
    /// `HST`. Ids are case-sensitive, as in Java (`utc` is refused). Region ids need a
    /// time-zone database and give `nil`, except the fixed UTC aliases listed in
    /// ``parseTimestamp(_:)``.
    static func zoneOffsetSeconds(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        var end = raw.count
        while start < end, raw[start] <= 0x20 { start += 1 }
        while end > start, raw[end - 1] <= 0x20 { end -= 1 }
        let length = end - start
        guard length > 0, length <= 32 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer -> Int? in
            var count = 0
            for k in start..<end {
                buffer[count] = raw[k]
                count += 1
            }
            normalizeLegacyOffsets(buffer, &count)
            return zoneIdOffset(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Spark's two `replaceFirst` fix-ups, in place (the buffer has room for two more bytes).
    private static func normalizeLegacyOffsets(_ id: UnsafeMutableBufferPointer<UInt8>, _ count: inout Int) {
        func isSign(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") }
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        func insertZero(at index: Int) {
            var k = count
            while k > index {
                id[k] = id[k - 1]
                k -= 1
            }
            id[index] = UInt8(ascii: "0")
            count += 1
        }
        // (\+|\-)(\d):  →  $1 0 $2 :
        if count >= 3 {
            for k in 0...(count - 3) where isSign(id[k]) && isDigit(id[k + 1]) && id[k + 2] == UInt8(ascii: ":") {
                insertZero(at: k + 1)
                break
            }
        }
        // (\+|\-)(\d\d):(\d)$  →  $1 $2 : 0 $3
        if count >= 5 {
            let k = count - 5
            if isSign(id[k]), isDigit(id[k + 1]), isDigit(id[k + 2]), id[k + 3] == UInt8(ascii: ":"), isDigit(id[k + 4]) {
                insertZero(at: count - 1)
            }
        }
    }

    /// Java's `ZoneId.of(id, SHORT_IDS)` for the ids that have a fixed offset.
    private static func zoneIdOffset(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        if matches(id, "EST") { return -5 * 3600 }
        if matches(id, "MST") { return -7 * 3600 }
        if matches(id, "HST") { return -10 * 3600 }
        if id.count <= 1 || id[0] == UInt8(ascii: "+") || id[0] == UInt8(ascii: "-") {
            return zoneOffsetID(id)
        }
        let prefixLength: Int
        if startsWith(id, "UTC") || startsWith(id, "GMT") {
            prefixLength = 3
        } else if startsWith(id, "UT") {
            prefixLength = 2
        } else {
            return fixedRegionOffset(id)
        }
        if id.count == prefixLength { return 0 }
        let next = id[prefixLength]
        guard next == UInt8(ascii: "+") || next == UInt8(ascii: "-") else { return fixedRegionOffset(id) }
        return zoneOffsetID(UnsafeBufferPointer(rebasing: id[prefixLength...]))
    }

    /// Region ids whose rules are plain UTC, so no database is needed.
    private static func fixedRegionOffset(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        for name: StaticString in ["Etc/UTC", "Etc/GMT", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Zulu", "UCT", "Universal"]
        where matches(id, name) {
            return 0
        }
        return nil
    }

    /// Java's `ZoneOffset.of`: `Z`, `±h`, `±hh`, `±hhmm`, `±hh:mm`, `±hhmmss`, `±hh:mm:ss`.
    private static func zoneOffsetID(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        if id.count == 1 && id[0] == UInt8(ascii: "Z") { return 0 }
        guard id.count >= 2, id[0] == UInt8(ascii: "+") || id[0] == UInt8(ascii: "-") else { return nil }
        func number(_ at: Int, afterColon: Bool) -> Int? {
            if afterColon && id[at - 1] != UInt8(ascii: ":") { return nil }
            let high = id[at] &- UInt8(ascii: "0")
            let low = id[at + 1] &- UInt8(ascii: "0")
            guard high < 10, low < 10 else { return nil }
            return Int(high) * 10 + Int(low)
        }
        var hours: Int?
        var minutes: Int? = 0
        var seconds: Int? = 0
        switch id.count {
        case 2:
            let digit = id[1] &- UInt8(ascii: "0")
            hours = digit < 10 ? Int(digit) : nil
        case 3: hours = number(1, afterColon: false)
        case 5: hours = number(1, afterColon: false); minutes = number(3, afterColon: false)
        case 6: hours = number(1, afterColon: false); minutes = number(4, afterColon: true)
        case 7:
            hours = number(1, afterColon: false); minutes = number(3, afterColon: false)
            seconds = number(5, afterColon: false)
        case 9:
            hours = number(1, afterColon: false); minutes = number(4, afterColon: true)
            seconds = number(7, afterColon: true)
        default: return nil
        }
        guard let h = hours, let m = minutes, let s = seconds, h <= 18, m <= 59, s <= 59 else { return nil }
        if h == 18 && (m != 0 || s != 0) { return nil }
        let total = h * 3600 + m * 60 + s
        return id[0] == UInt8(ascii: "-") ? -total : total
    }

    private static func startsWith(_ text: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        guard text.count >= prefix.utf8CodeUnitCount else { return false }
        return matches(UnsafeBufferPointer(rebasing: text[0..<prefix.utf8CodeUnitCount]), prefix)
    }
}
