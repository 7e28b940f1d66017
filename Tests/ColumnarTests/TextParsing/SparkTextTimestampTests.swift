import Columnar
import Testing

@Suite struct SparkTextTimestampTests {
    /// Microseconds of a UTC date-time, computed independently of the parser.
    func micros(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0, us: Int64 = 0) -> Int64 {
        TimestampFormat.daysFromCivil(year: y, month: m, day: d) * 86_400_000_000
            + Int64(h * 3600 + mi * 60 + s) * 1_000_000 + us
    }

    @Test func fixtureForms() {
        #expect(parsed("2019-12-31", SparkText.parseTimestamp) == micros(2019, 12, 31))
        #expect(parsed("2019-1-5", SparkText.parseTimestamp) == micros(2019, 1, 5))
        #expect(parsed("2019-12-31 00:00:00", SparkText.parseTimestamp) == micros(2019, 12, 31))
        #expect(parsed("2013-07-03", SparkText.parseTimestamp) == 1_372_809_600_000_000)
        for bad in ["31-12-2019", "2019/12/31", "NA", "", "   "] {
            #expect(parsed(bad, SparkText.parseTimestamp) == nil, "\(bad)")
        }
    }

    @Test func partialDatesAndTimes() {
        #expect(parsed("2019", SparkText.parseTimestamp) == micros(2019, 1, 1))
        #expect(parsed("2019-7", SparkText.parseTimestamp) == micros(2019, 7, 1))
        #expect(parsed("2019-07-04T1", SparkText.parseTimestamp) == micros(2019, 7, 4, 1))
        #expect(parsed("2019-07-04 13:5", SparkText.parseTimestamp) == micros(2019, 7, 4, 13, 5))
        #expect(parsed("2019-07-04T13:05:09", SparkText.parseTimestamp) == micros(2019, 7, 4, 13, 5, 9))
        #expect(parsed("  2019-07-04 13:05:09\n", SparkText.parseTimestamp) == micros(2019, 7, 4, 13, 5, 9))
    }

    @Test func fractionsKeepSixDigits() {
        #expect(parsed("2019-07-04 00:00:00.5", SparkText.parseTimestamp) == micros(2019, 7, 4, us: 500_000))
        #expect(parsed("2019-07-04 00:00:00.123456", SparkText.parseTimestamp) == micros(2019, 7, 4, us: 123_456))
        #expect(parsed("2019-07-04 00:00:00.1234567", SparkText.parseTimestamp) == micros(2019, 7, 4, us: 123_456))
        #expect(parsed("2019-07-04 00:00:00.", SparkText.parseTimestamp) == micros(2019, 7, 4))
        #expect(parsed("1969-12-31 23:59:59.999999", SparkText.parseTimestamp) == -1)
    }

    @Test func zones() {
        let base = micros(2019, 7, 4, 12)
        let hour: Int64 = 3_600_000_000
        #expect(parsed("2019-07-04T12:00:00Z", SparkText.parseTimestamp) == base)
        #expect(parsed("2019-07-04T12:00:00+02:00", SparkText.parseTimestamp) == base - 2 * hour)
        #expect(parsed("2019-07-04T12:00:00-0530", SparkText.parseTimestamp) == base + 5 * hour + hour / 2)
        #expect(parsed("2019-07-04 12:00:00 UTC", SparkText.parseTimestamp) == base)
        #expect(parsed("2019-07-04 12:00:00 GMT+8:00", SparkText.parseTimestamp) == base - 8 * hour)
        #expect(parsed("2019-07-04 12:00:00+8:00", SparkText.parseTimestamp) == base - 8 * hour)
        #expect(parsed("2019-07-04 12:00:00+08:3", SparkText.parseTimestamp) == base - 8 * hour - hour / 20)
        #expect(parsed("2019-07-04 12:00:00.25+01", SparkText.parseTimestamp) == base - hour + 250_000)
        #expect(parsed("2019-07-04 12:00:00UT-1", SparkText.parseTimestamp) == base + hour)
        #expect(parsed("2019-07-04 12:00:00 EST", SparkText.parseTimestamp) == base + 5 * hour)
        #expect(parsed("2019-07-04 12:00:00 Etc/UTC", SparkText.parseTimestamp) == base)
        for bad in ["2019-07-04 12:00:00 utc", "2019-07-04 12:00:00+19:00", "2019-07-04 12:00:00 Europe/Paris",
                    "2019-07-04Z", "2019-07-04T12:00Z", "2019-07-04 12:00:00 +", "2019-07-04 12:00:00+1:2:3"] {
            #expect(parsed(bad, SparkText.parseTimestamp) == nil, "\(bad)")
        }
    }

    @Test func invalidCalendarValues() {
        for bad in ["2019-02-29", "2019-13-01", "2019-00-10", "2019-04-31", "2019-07-04 24:00:00",
                    "2019-07-04 23:60:00", "2019-07-04 23:59:60", "19-07-04", "2019-007-04", "2019-07-04T",
                    "2019-07-04 12:00:00.1.2", "12:00:00", "T12:00:00", "2019-07-04 1:2:3:4", "+2019-"] {
            #expect(parsed(bad, SparkText.parseTimestamp) == nil, "\(bad)")
        }
        #expect(parsed("2020-02-29", SparkText.parseTimestamp) == micros(2020, 2, 29))
        #expect(parsed("-0044-03-15", SparkText.parseTimestamp) == micros(-44, 3, 15))
        #expect(parsed("+10000-01-01", SparkText.parseTimestamp) == micros(10000, 1, 1))
    }

    @Test func dates() {
        #expect(parsed("1970-01-01", SparkText.parseDate) == 0)
        #expect(parsed("2019-1-5", SparkText.parseDate) == 17_901)
        #expect(parsed(" 2019-12-31 00:00:00 ", SparkText.parseDate) == 18_261)
        #expect(parsed("2019-12-31Tanything", SparkText.parseDate) == 18_261)
        #expect(parsed("2019", SparkText.parseDate) == 17_897)
        for bad in ["31-12-2019", "2019/12/31", "NA", "", "2019-02-30", "2019 x", "2019-12-31x", "2019-1 5"] {
            #expect(parsed(bad, SparkText.parseDate) == nil, "\(bad)")
        }
    }
}
