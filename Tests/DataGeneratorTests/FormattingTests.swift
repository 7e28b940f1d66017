@testable import DataGenerator
import Testing

@Suite struct FormattingTests {
    @Test(arguments: [
        (0, "0"), (999, "999"), (1000, "1,000"), (12_345, "12,345"), (120_000, "1,20,000"),
        (12_345_678, "1,23,45,678"), (-1500, "-1,500"),
    ])
    func indianDigitGrouping(value: Int, expected: String) {
        #expect(IndianDigitGrouping.format(value) == expected)
    }

    @Test func civilDatesRoundTripThroughDayNumbers() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(days: days).days == days)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1).days == 0)
        #expect(CivilDate(year: 2024, month: 1, day: 1).days == 19_723)
    }

    @Test func addingMonthsClampsToTheMonthsEnd() {
        #expect(CivilDate(year: 2024, month: 1, day: 31).adding(months: 1) == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(year: 2023, month: 11, day: 30).adding(months: 3) == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(year: 2024, month: 3, day: 15).adding(months: -15) == CivilDate(year: 2022, month: 12, day: 15))
    }

    @Test func jsonStringsAreEscaped() {
        var writer = JSONObjectWriter()
        writer.begin()
        writer.field(JSONKey("a\"b"), "line\nbreak \\ \"quoted\" Müller \u{1}")
        writer.field(JSONKey("n"), -12)
        writer.null(JSONKey("z"))
        writer.end()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a\"b":"line\nbreak \\ \"quoted\" Müller \u0001","n":-12,"z":null}"#)
    }

    @Test func clickTimesAreUTC() {
        var bytes: [UInt8] = []
        ClickstreamGenerator.appendDateTime(1_704_067_200 + 8 * 3600 + 61, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "2024-01-01 08:01:01")
    }
}
