import Columnar
import JSONIngest
import Testing

@Suite struct QuarantineTests {
    static let malformed: [(message: String, offset: Int)] = [
        (#"[{"a":"x"}"#, 10),                 // truncated: no closing bracket
        (#"[{"a":"x}]"#, 10),                 // unterminated string
        (#"[{"a" "x"}]"#, 6),                 // missing colon
        (#"[{"a":"x"},5]"#, 11),              // element not an object
        (#""just text""#, 0),                 // top level is a string
        (#"[{"a":01}]"#, 6),                  // leading zero
        ("[{\"a\":\"x\ty\"}]", 8),            // raw control character in a string
        (#"[{"a":"\x"}]"#, 7),                // unknown escape
        (#"[{"a":tru}]"#, 6),                 // bad literal
        (#"[{"a":"x",}]"#, 10),               // trailing comma
        (#"[{a:"x"}]"#, 2),                   // unquoted name
    ]

    @Test func malformedMessagesAreQuarantinedWithPositionAndOffset() {
        var decoder = JSONRecordDecoder(schema: Schema([Field("a", .string)]), source: "bureau")
        for (index, entry) in Self.malformed.enumerated() {
            let outcome = decoder.decode(message: Array(entry.message.utf8), position: .file(path: "part-00003.jsonl", line: index + 1))
            guard case .quarantined(let error) = outcome else {
                Issue.record("\(entry.message) was accepted")
                continue
            }
            #expect(error.offset == entry.offset, "\(entry.message): \(error)")
        }
        #expect(decoder.rowCount == 0)
        #expect(decoder.quarantine.count == Self.malformed.count)
        let first = decoder.quarantine.messages[0]
        #expect(first.source == "bureau")
        #expect(first.position == .file(path: "part-00003.jsonl", line: 1))
        #expect(first.messagePrefix == Array(Self.malformed[0].message.utf8))
        #expect(first.description.contains("part-00003.jsonl:1"))
        #expect(decoder.finish().rowCount == 0)
    }

    @Test func aBadMessageLeavesNoPartialRows() {
        let point = DataType.structure([Field("x", .int)])
        let fields = [Field("s", .string), Field("n", .long), Field("p", point), Field("xs", .array(.string))]
        let (batch, decoder, outcomes) = decodeAll([
            #"[{"s":"a","n":1,"p":{"x":1},"xs":["a"]}]"#,
            #"[{"s":"b","n":2,"p":{"x":2},"xs":["b","c"]},{"s":"c","n":3,"p":{"x":3},"xs":["d","e"#,
            #"{"s":"d","n":4,"p":{"x":4},"xs":[]}"#,
        ], fields)
        #expect(outcomes[0] == .decoded(rows: 1) && outcomes[2] == .decoded(rows: 1))
        #expect(decoder.quarantine.count == 1)
        #expect(decoder.quarantine.messages[0].position == .memory(index: 1))
        #expect(batch.rowCount == 2)
        #expect(batch.values(0) == [.string("a"), .string("d")])
        #expect(batch.values(1) == [.long(1), .long(4)])
        #expect(batch.values(2) == [.structure([.int(1)]), .structure([.int(4)])])
        #expect(batch.values(3) == [.array([.string("a")]), .array([])])
    }

    @Test func longMessagesAreCutAndTheStoreIsBounded() {
        var decoder = JSONRecordDecoder(schema: Schema([Field("a", .string)]), quarantineLimit: 2)
        let long = Array(("[" + String(repeating: #"{"a":"x"},"#, count: 500)).utf8)
        for index in 0..<3 { _ = decoder.decode(message: long, position: .topic(name: "bureau", partition: 3, offset: Int64(index))) }
        #expect(decoder.quarantine.count == 3)
        #expect(decoder.quarantine.messages.count == 2)
        #expect(decoder.quarantine.messages[0].messagePrefix.count == QuarantinedMessage.keptBytes)
        #expect(decoder.quarantine.messages[0].messageLength == long.count)
        #expect(decoder.quarantine.messages[1].position.description == "bureau-3@1")
        #expect(decoder.quarantine.removeAll().count == 2)
        #expect(decoder.quarantine.isEmpty)
    }

    @Test func nestingDeeperThanTheLimitIsAnError() {
        let deep = "[{\"skip\":" + String(repeating: "[", count: 1200) + String(repeating: "]", count: 1200) + "}]"
        let (_, decoder, _) = decodeAll([deep], [Field("a", .string)])
        guard case .nestingTooDeep = decoder.quarantine.messages.first?.error else {
            Issue.record("expected nestingTooDeep, got \(String(describing: decoder.quarantine.messages.first))")
            return
        }
    }

    @Test func retentionKeepsTheFirstOrTheLatestAndCountsAll() {
        func message(_ n: Int) -> QuarantinedMessage {
            let bytes = Array("m\(n)".utf8)
            return bytes.withUnsafeBufferPointer {
                QuarantinedMessage(source: "s", position: .memory(index: n), error: .notArrayOrObject(offset: 0, found: "m"), message: $0)
            }
        }
        var first = Quarantine(limit: 3)
        var latest = Quarantine(limit: 3, retention: .latest)
        for n in 0..<10 {
            first.append(message(n))
            latest.append(message(n))
        }
        #expect(first.count == 10 && latest.count == 10)
        #expect(first.messages.map(\.position) == [0, 1, 2].map(SourcePosition.memory))
        #expect(latest.messages.map(\.position) == [7, 8, 9].map(SourcePosition.memory))
        #expect(latest.removeAll().count == 3)
        #expect(latest.isEmpty && latest.messages.isEmpty)
        var none = Quarantine(limit: 0, retention: .latest)
        none.append(message(1))
        #expect(none.count == 1 && none.messages.isEmpty)
    }
}
