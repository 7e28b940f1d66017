/// How loan-book extracts render dates: `yyyy-MM-dd` mostly, and for a small share of values
/// one of the renderings real extracts contain, most of which Spark's timestamp cast turns into
/// null: `dd-MM-yyyy`, an empty string, slashes, `NA`; and two it accepts: a `00:00:00` time
/// part and single-digit month and day.
enum DateRendering {
    /// Appends `date` (inside a JSON string's quotes), malformed with probability `badRate`.
    static func append(_ date: CivilDate, badRate: Double, random: inout SeededRandom, to bytes: inout [UInt8]) {
        guard random.unit() < badRate else {
            DigitWriter.appendISODate(date, to: &bytes)
            return
        }
        let r = random.unit()
        if r < 0.35 {  // dd-MM-yyyy: not a Spark timestamp
            DigitWriter.append(date.day, width: 2, to: &bytes)
            bytes.append(UInt8(ascii: "-"))
            DigitWriter.append(date.month, width: 2, to: &bytes)
            bytes.append(UInt8(ascii: "-"))
            DigitWriter.append(date.year, width: 4, to: &bytes)
        } else if r < 0.55 {  // empty
            return
        } else if r < 0.65 {  // slashes
            DigitWriter.appendISODate(date, separator: UInt8(ascii: "/"), to: &bytes)
        } else if r < 0.75 {
            bytes.append(contentsOf: [UInt8(ascii: "N"), UInt8(ascii: "A")])
        } else if r < 0.90 {  // valid, with a time part
            DigitWriter.appendISODate(date, to: &bytes)
            bytes.append(contentsOf: Array(" 00:00:00".utf8))
        } else {  // single-digit month and day
            DigitWriter.append(date.year, width: 4, to: &bytes)
            bytes.append(UInt8(ascii: "-"))
            DigitWriter.append(date.month, to: &bytes)
            bytes.append(UInt8(ascii: "-"))
            DigitWriter.append(date.day, to: &bytes)
        }
    }
}
