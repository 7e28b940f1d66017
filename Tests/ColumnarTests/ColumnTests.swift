import Columnar
import Testing

@Suite struct ColumnTests {
    @Test func validityBitmapTracksNullsAcrossWords() {
        var bits = ValidityBitmap()
        for i in 0..<130 { bits.append(i % 3 != 0) }
        #expect(bits.count == 130)
        #expect(bits.nullCount == 44)
        #expect(!bits.isValid(0) && bits.isValid(1) && !bits.isValid(129))
        #expect(ValidityBitmap(repeating: true, count: 65).validCount == 65)
    }

    @Test func builderProducesColumnWithNulls() {
        var builder = ColumnBuilder(type: .string)
        builder.append("DISBURSED-AMT/HIGH CREDIT")
        builder.appendNull()
        builder.append("")
        let column = builder.finish()
        #expect(column.count == 3)
        #expect(column.nullCount == 1)
        #expect(column.scalars == [.string("DISBURSED-AMT/HIGH CREDIT"), .null, .string("")])
        #expect(column.strings.offsets == [0, 25, 25, 25])
    }

    @Test func columnWithoutNullsCarriesNoBitmap() {
        #expect(Column.longs([1, 2, 3]).validity == nil)
        #expect(Column.longs([1, nil, 3]).validity != nil)
    }

    @Test func takeGathersRowsIncludingRepeats() {
        let column = Column.strings(["a", nil, "ccc"])
        #expect(column.take([2, 2, 1, 0]).scalars == [.string("ccc"), .string("ccc"), .null, .string("a")])
        #expect(column.filter([true, false, true]).scalars == [.string("a"), .string("ccc")])
    }

    @Test func structAndArrayColumnsRoundTripScalars() {
        let type = DataType.structure([Field("start", .timestamp), Field("end", .timestamp)])
        let column = Column(type, [.structure([.timestamp(0), .timestamp(30_000_000)]), .null])
        #expect(column.scalar(at: 0) == .structure([.timestamp(0), .timestamp(30_000_000)]))
        #expect(column.isNull(1))
        let list = Column(.array(.int), [.array([.int(1), .int(2)]), .array([])])
        #expect(list.scalar(at: 0) == .array([.int(1), .int(2)]))
        #expect(list.take([1, 0]).scalar(at: 1) == .array([.int(1), .int(2)]))
    }

    @Test func concatenateKeepsOrderAndNulls() throws {
        let schema = Schema([Field("x", .long)])
        let a = try RecordBatch(schema: schema, columns: [.longs([1, nil])], rowCount: 2)
        let b = try RecordBatch(schema: schema, columns: [.longs([3])], rowCount: 1)
        let joined = RecordBatch.concatenate([a, .empty(schema), b], schema: schema)
        #expect(joined.rowCount == 3)
        #expect(joined.columns[0].scalars == [.long(1), .null, .long(3)])
    }
}

@Suite struct SchemaTests {
    let schema = Schema([Field("MaturityDAte", .string), Field("SEX", .string), Field("Top-up Month", .string)])

    @Test func namesResolveCaseInsensitivelyByDefault() throws {
        #expect(try schema.index(of: "MaturityDate") == 0)
        #expect(try schema.index(of: "Sex") == 1)
        #expect(try schema.index(of: "top-up month") == 2)
    }

    @Test func caseSensitiveResolutionIsAvailable() throws {
        #expect(try schema.index(of: "Sex", resolution: .caseSensitive) == nil)
        #expect(try schema.index(of: "SEX", resolution: .caseSensitive) == 1)
    }

    @Test func unknownAndAmbiguousNamesAreErrorsWithContext() throws {
        #expect(throws: ColumnarError.self) { try schema.requireIndex(of: "Age") }
        let twins = Schema([Field("age", .int), Field("AGE", .int)])
        #expect(throws: ColumnarError.ambiguousColumn("Age", candidates: ["age", "AGE"])) {
            try twins.index(of: "Age")
        }
        #expect(try twins.index(of: "AGE") == 1)
    }

    @Test func batchRejectsColumnsOfTheWrongLength() {
        #expect(throws: ColumnarError.lengthMismatch(column: "x", expected: 2, actual: 1)) {
            try RecordBatch(schema: Schema([Field("x", .long)]), columns: [.longs([1])], rowCount: 2)
        }
    }
}

@Suite struct TimestampFormatTests {
    @Test func civilDaysRoundTrip() {
        for days: Int64 in [-719_468, -1, 0, 19_723, 2_932_896] {
            let (y, m, d) = TimestampFormat.civilFromDays(days)
            #expect(TimestampFormat.daysFromCivil(year: y, month: m, day: d) == days)
        }
        #expect(TimestampFormat.daysFromCivil(year: 2024, month: 1, day: 1) == 19_723)
    }

    @Test func isoFormattingIsUTCWithOptionalFraction() {
        #expect(TimestampFormat.iso8601(micros: 1_704_067_200_000_000) == "2024-01-01T00:00:00Z")
        #expect(TimestampFormat.iso8601(micros: 1_500_000) == "1970-01-01T00:00:01.5Z")
        #expect(TimestampFormat.iso8601(micros: -1) == "1969-12-31T23:59:59.999999Z")
    }

    @Test func calendarValidation() {
        #expect(TimestampFormat.isValidDate(year: 2024, month: 2, day: 29))
        #expect(!TimestampFormat.isValidDate(year: 2023, month: 2, day: 29))
        #expect(!TimestampFormat.isValidDate(year: 2019, month: 13, day: 1))
    }
}
