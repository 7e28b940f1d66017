import Columnar
import JSONIngest
import Testing

@Suite struct JSONRecordDecoderValueTests {
    @Test func arrayOfRecordsGivesOneRowPerElement() {
        let (batch, _, outcomes) = decodeAll(
            [#"[{"ID":"1","ts":1704067200},{"ID":"2","ts":1704067201}]"#],
            [Field("ID", .string), Field("ts", .timestamp)])
        #expect(outcomes == [.decoded(rows: 2)])
        #expect(batch.values(0) == [.string("1"), .string("2")])
        #expect(batch.values(1) == [.timestamp(1_704_067_200_000_000), .timestamp(1_704_067_201_000_000)])
    }

    /// Spark 4.3: `from_json('[{"a":"x"}, null]', array<struct<a>>)` is `[{x}, null]`, and
    /// `explode(...).select(e.*)` gives two rows, the second all null (checked with PySpark 4.3.0).
    @Test func aNullElementIsARowOfNulls() {
        let point = DataType.structure([Field("x", .int)])
        let (batch, decoder, outcomes) = decodeAll(
            [#"[{"a":"x","p":{"x":1}}, null]"#, "[null]"], [Field("a", .string), Field("p", point)])
        #expect(outcomes == [.decoded(rows: 2), .decoded(rows: 1)])
        #expect(batch.values(0) == [.string("x"), .null, .null])
        #expect(batch.values(1) == [.structure([.int(1)]), .null, .null])
        #expect(decoder.quarantine.isEmpty)
    }

    @Test func singleObjectEmptyArrayAndBlankMessage() {
        let (batch, decoder, outcomes) = decodeAll([#" {"a":"x"} "#, "[]", " [ ] ", "", "  \n"], [Field("a", .string)])
        #expect(outcomes == [.decoded(rows: 1), .decoded(rows: 0), .decoded(rows: 0), .decoded(rows: 0), .decoded(rows: 0)])
        #expect(batch.values(0) == [.string("x")])
        #expect(decoder.quarantine.isEmpty)
    }

    /// Spark 4.3's `from_json(value, array<struct<ID string>>)` reads the first value and ignores
    /// whatever follows, even text that is not JSON at all (checked with PySpark 4.3.0):
    /// every message below gives the one record ID 1.
    @Test func textAfterTheFirstValueIsIgnored() {
        let messages = [#"[{"ID":"1"}] trailing"#, #"[{"ID":"1"}][{"ID":"2"}]"#, #"{"ID":"1"} x"#, #"[{"ID":"1"}]   "#,
                        #"[{"ID":"1"}] @#$ not json at all !!"#, #"[{"ID":"1"}] "unterminated"#, #"{"ID":"1"}}"#,
                        "[{\"ID\":\"1\"}]\n[{\"ID\":\"2\"}]", "[{\"ID\":\"1\"}] \u{0}\u{FFFD}"]
        let (batch, decoder, outcomes) = decodeAll(messages, [Field("ID", .string)])
        #expect(outcomes == Array(repeating: .decoded(rows: 1), count: messages.count))
        #expect(batch.values(0) == Array(repeating: .string("1"), count: messages.count))
        #expect(decoder.quarantine.isEmpty)
        // The first value itself must still be whole: garbage inside it quarantines the message.
        let (_, bad, badOutcomes) = decodeAll([#"[{"ID":"1"} trailing"#], [Field("ID", .string)])
        #expect(badOutcomes.count == 1 && bad.quarantine.count == 1)
    }

    @Test func escapesAndUnicode() {
        let (batch, _, _) = decodeAll(
            [#"[{"s":"q\"b\\s\/ \b\f\n\r\t \u00e9\u20AC \ud83d\ude00 é€😀"},{"s":"lone \ud800 x"},{'s':'single \' "quoted"'}]"#],
            [Field("s", .string)])
        #expect(batch.values(0) == [
            .string("q\"b\\s/ \u{08}\u{0C}\n\r\t é€ 😀 é€😀"), .string("lone ? x"), .string("single ' \"quoted\""),
        ])
    }

    @Test func namesMatchExactlyAndUnknownNamesAreSkipped() {
        let (batch, _, _) = decodeAll(
            [#"[{"skip":{"a":[1,{"b":"}"}],"c":null},"id":"lower","ID":"upper","more":[[],{}],"\u0041ge":"41"}]"#],
            [Field("ID", .string), Field("Age", .string), Field("Missing", .string)])
        #expect(batch.row(0) == [.string("upper"), .string("41"), .null])
    }

    @Test func missingNullAndRepeatedNames() {
        let (batch, _, _) = decodeAll(
            [#"[{"a":"1","b":null},{"b":"2","a":"3","a":"4"},{}]"#], [Field("a", .string), Field("b", .string)])
        #expect(batch.values(0) == [.string("1"), .string("4"), .null])
        #expect(batch.values(1) == [.null, .string("2"), .null])
    }

    @Test func nonStringTokensInStringFieldsAreTheirJSONText() {
        let (batch, _, _) = decodeAll(
            [#"[{"s":12},{"s":-0},{"s":1.50},{"s":1e7},{"s":0.0001},{"s":true},{"s":false},"#
                + #"{"s":{ "a" : [1, "x\u0001\n/é", null, 2.5e-1], 'b' : {} }},{"s":[]},{"s":123456789012345678901234}]"#],
            [Field("s", .string)])
        #expect(batch.values(0) == [
            .string("12"), .string("0"), .string("1.5"), .string("1.0E7"), .string("1.0E-4"), .string("true"), .string("false"),
            .string(#"{"a":[1,"x\u0001\n/é",null,0.25],"b":{}}"#), .string("[]"), .string("123456789012345678901234"),
        ])
    }

    @Test func numericFieldsTakeOnlyTheirTokenKinds() {
        let fields = [Field("i", .int), Field("l", .long), Field("d", .double), Field("b", .boolean)]
        let (batch, _, _) = decodeAll(
            [#"[{"i":12,"l":12,"d":12,"b":true},{"i":"12","l":"12","d":"12","b":"true"},"#
                + #"{"i":12.0,"l":1e2,"d":-2.5e-3,"b":1},{"i":2147483648,"l":9223372036854775808,"d":"NaN","b":false},"#
                + #"{"i":-2147483648,"l":-9223372036854775808,"d":"-INF","b":null},{"i":[1],"l":{},"d":"+Infinity","b":[]}]"#],
            fields)
        #expect(batch.values(0) == [.int(12), .null, .null, .null, .int(-2_147_483_648), .null])
        #expect(batch.values(1) == [.long(12), .null, .null, .null, .long(.min), .null])
        let doubles = batch.columns[2]
        #expect(doubles.scalar(at: 0) == .double(12) && doubles.isNull(1) && doubles.scalar(at: 2) == .double(-0.0025))
        #expect(doubles.doubleValues[3].isNaN && doubles.scalar(at: 4) == .double(-.infinity))
        #expect(doubles.scalar(at: 5) == .double(.infinity))
        #expect(batch.values(3) == [.boolean(true), .null, .null, .boolean(false), .null, .null])
    }

    @Test func timestampsFromSecondsOrText() {
        let (batch, _, _) = decodeAll(
            [#"[{"t":0},{"t":-1},{"t":"2019-1-5"},{"t":"2019-12-31 00:00:00"},{"t":"NA"},{"t":""},{"t":1.5},"#
                + #"{"t":"2019-01-01GMT"},{"t":"31-12-2019"},{"t":true},{"t":"2019-01-01T00:00:01+01:00"}]"#],
            [Field("t", .timestamp)])
        #expect(batch.values(0) == [
            .timestamp(0), .timestamp(-1_000_000), .timestamp(1_546_646_400_000_000), .timestamp(1_577_750_400_000_000),
            .null, .null, .null, .timestamp(1_546_300_800_000_000), .null, .null, .timestamp(1_546_297_201_000_000),
        ])
    }

    @Test func nestedStructAndArrayFields() {
        let point = DataType.structure([Field("x", .int), Field("tag", .string)])
        let fields = [Field("p", point), Field("xs", .array(.long)), Field("ps", .array(point))]
        let (batch, _, outcomes) = decodeAll(
            [#"[{"p":{"tag":"a","x":1,"x":2},"xs":[1,null,"3",4],"ps":[{"x":5},null,{"tag":"b","y":[]}]},"#
                + #"{"p":null,"xs":[],"ps":"no"},{"p":[1],"xs":{"a":1}}]"#],
            fields)
        #expect(outcomes == [.decoded(rows: 3)])
        #expect(batch.values(0) == [.structure([.int(2), .string("a")]), .null, .null])
        #expect(batch.values(1) == [.array([.long(1), .null, .null, .long(4)]), .array([]), .null])
        #expect(batch.values(2) == [
            .array([.structure([.int(5), .null]), .null, .structure([.null, .string("b")])]), .null, .null,
        ])
    }
}
