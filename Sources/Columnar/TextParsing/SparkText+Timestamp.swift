extension SparkText {
    /// `CAST(text AS TIMESTAMP)` with the session time zone UTC: Spark's `stringToTimestamp`.
    ///
    /// Returns microseconds since 1970-01-01T00:00:00Z, or `nil` for text Spark turns into null.
    /// After trimming (as the integer casts trim), the accepted forms are
    /// `[+|-]yyyy[yy]`, `…-[m]m`, `…-[m]m-[d]d`, then optionally ` ` or `T` and
    /// `[h]h[:[m]m[:[s]s[.fraction]]]`, and after the seconds (or fraction) an optional zone:
    /// `Z`, `+h`, `+hh`, `+hhmm`, `+h:mm`, `+hh:m`, `+hh:mm`, `+hh:mm:ss`, `+hhmmss`, `UTC`, `GMT`,
    /// `UT` alone or followed by one of those offsets (`GMT+8:00`), and the fixed short ids
    /// `EST`, `MST`, `HST`, optionally after a space. The year has 4 to 6 digits, the other
    /// fields 1 or 2; fractions keep 6 digits and drop the rest (toward the past).
    /// Invalid calendar dates and times (`2019-02-30`, `24:00:00`) are `nil`.
    ///
    /// Deliberate differences from Spark: time-only text (`12:30:00`, `T12:30`) is `nil`
    /// rather than today's date at that time (that would make results depend on the wall clock),
    /// and region zones (`Europe/Paris`, `PST`) are `nil` because Stream360 carries no
    /// time-zone database; only fixed offsets and the UTC aliases `Etc/UTC`, `Etc/GMT`, `Zulu`
    /// are known.
    ///
    /// ```swift
    /// "2019-1-5".utf8 → 1_546_646_400_000_000; "2019-12-31 00:00:00" valid; "2019/12/31" → nil
    /// ```
    public static func parseTimestamp(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var fields = DateTimeFields()
        var segment = 0
        var value = 0
        var digits = 0
        var fractionDigits = 0
        var zoneStart = -1
        var (j, end) = trimmedBounds(text)
        guard j < end else { return nil }
        var sign = 0
        if text[j] == UInt8(ascii: "-") || text[j] == UInt8(ascii: "+") {
            sign = text[j] == UInt8(ascii: "-") ? -1 : 1
            j += 1
        }
        while j < end {
            let byte = text[j]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                if segment == 6 { fractionDigits += 1 }
                if segment == 6 ? digits < 6 : digits < 9 { value = value * 10 + Int(digit) }
                digits += 1
                j += 1
                continue
            }
            // A separator closes the current segment; which separators are allowed depends on it.
            switch segment {
            case 0, 1:
                // `-` between date fields; `:` or a leading `T` would be time-only text (refused).
                guard byte == UInt8(ascii: "-") else { return nil }
            case 2:
                guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T") else { return nil }
            case 3, 4:
                guard byte == UInt8(ascii: ":") else { return nil }
            case 5, 6:
                if !(byte == UInt8(ascii: ".") && segment == 5) {
                    zoneStart = j  // the zone is everything that follows
                }
            default:
                return nil
            }
            guard isValidTimestampDigits(segment: segment, digits: digits) else { return nil }
            fields.set(segment, value)
            value = 0
            digits = 0
            segment += 1
            if zoneStart >= 0 {
                if segment == 6 { segment = 7 }
                break
            }
            j += 1
        }
        guard isValidTimestampDigits(segment: segment, digits: digits) else { return nil }
        fields.set(segment, value)
        while fractionDigits < 6 {
            fields.micros *= 10
            fractionDigits += 1
        }
        var offsetSeconds = 0
        if zoneStart >= 0 {
            guard let offset = zoneOffsetSeconds(UnsafeBufferPointer(rebasing: text[zoneStart..<end])) else {
                return nil
            }
            offsetSeconds = offset
        }
        if sign != 0 { fields.year *= sign }
        return fields.epochMicros(offsetSeconds: offsetSeconds)
    }

    /// `CAST(text AS DATE)`: Spark's `stringToDate`, as days since 1970-01-01.
    ///
    /// Accepts trimmed `[+|-]yyyy[yyy]`, `…-[m]m`, `…-[m]m-[d]d`, and after a full date a space
    /// or `T` followed by anything (`"2019-12-31 junk"` is 2019-12-31, as in Spark).
    public static func parseDate(_ text: UnsafeBufferPointer<UInt8>) -> Int32? {
        var (j, end) = trimmedBounds(text)
        guard j < end else { return nil }
        var sign = 1
        if text[j] == UInt8(ascii: "-") || text[j] == UInt8(ascii: "+") {
            sign = text[j] == UInt8(ascii: "-") ? -1 : 1
            j += 1
        }
        var parts = (year: 1, month: 1, day: 1)
        var segment = 0
        var value = 0
        var digits = 0
        while j < end, text[j] != UInt8(ascii: " "), text[j] != UInt8(ascii: "T") {
            let byte = text[j]
            if segment < 2, byte == UInt8(ascii: "-") {
                guard isValidDateDigits(segment: segment, digits: digits) else { return nil }
                if segment == 0 { parts.year = value } else { parts.month = value }
                value = 0
                digits = 0
                segment += 1
            } else {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                if digits < 9 { value = value * 10 + Int(digit) }
                digits += 1
            }
            j += 1
        }
        guard isValidDateDigits(segment: segment, digits: digits) else { return nil }
        if segment < 2, j < end { return nil }  // `yyyy` and `yyyy-mm` must be the whole text
        switch segment {
        case 0: parts.year = value
        case 1: parts.month = value
        default: parts.day = value
        }
        let year = sign * parts.year
        guard SparkText.isValidCalendarDate(year: year, month: parts.month, day: parts.day) else { return nil }
        let days = TimestampFormat.daysFromCivil(year: year, month: parts.month, day: parts.day)
        return Int32(exactly: days)
    }

    /// Whether the proleptic Gregorian date exists (Java's `LocalDate.of` check), without allocating.
    @inline(__always)
    static func isValidCalendarDate(year: Int, month: Int, day: Int) -> Bool {
        guard month >= 1, month <= 12, day >= 1 else { return false }
        if month == 2 {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return day <= (leap ? 29 : 28)
        }
        return day <= (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31)
    }

    @inline(__always)
    private static func isValidTimestampDigits(segment: Int, digits: Int) -> Bool {
        switch segment {
        case 0: (4...6).contains(digits)
        case 6: true
        case 7: digits <= 2
        default: (1...2).contains(digits)
        }
    }

    @inline(__always)
    private static func isValidDateDigits(segment: Int, digits: Int) -> Bool {
        segment == 0 ? (4...7).contains(digits) : (1...2).contains(digits)
    }
}

/// The fields of a local date-time while ``SparkText/parseTimestamp(_:)`` reads them.
private struct DateTimeFields {
    var year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0

    @inline(__always)
    mutating func set(_ segment: Int, _ value: Int) {
        switch segment {
        case 0: year = value
        case 1: month = value
        case 2: day = value
        case 3: hour = value
        case 4: minute = value
        case 5: second = value
        case 6: micros = value
        default: break  // the zone segment carries no digits worth keeping
        }
    }

    /// The instant, or `nil` for an invalid date or time or one outside the `Int64` range.
    func epochMicros(offsetSeconds: Int) -> Int64? {
        guard SparkText.isValidCalendarDate(year: year, month: month, day: day),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let days = TimestampFormat.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        let (scaled, overflow1) = seconds.multipliedReportingOverflow(by: 1_000_000)
        let (total, overflow2) = scaled.addingReportingOverflow(Int64(micros))
        guard !overflow1, !overflow2 else { return nil }
        return total
    }
}
