import Columnar

extension MessageReader {
    /// Reads one value into `builder`, converting it as Spark's `JacksonParser` does in
    /// PERMISSIVE mode with partial results: a token of the wrong kind makes this value null
    /// and leaves the rest of the record alone.
    ///
    /// - string: a JSON string gives its unescaped text; any other token gives its JSON text
    ///   as Jackson re-serializes it (see ``renderToken(into:depth:)``), or, with
    ///   ``exactStringParsing``, exactly as it appears in the message.
    /// - int, bigint: integer tokens that fit; anything else (floats, strings) is null.
    /// - double: any number; the strings `NaN`, `Infinity`, `+Infinity`, `+INF`, `-Infinity`,
    ///   `-INF`; anything else is null (Spark does not parse other strings as numbers).
    /// - boolean: `true` / `false` only.
    /// - timestamp: an integer is seconds since the epoch (×1 000 000, wrapping on overflow
    ///   as Spark's `Long` arithmetic does); a string follows ``SparkText/parseTimestamp(_:)``,
    ///   retried without `GMT` (Spark's legacy fallback); anything else is null.
    /// - struct and array: an object or array of the right shape; anything else is null.
    mutating func readValue(_ kind: ValueKind, into builder: inout ColumnBuilder, depth: Int) throws(JSONIngestError) {
        let byte = try scanner.nextByte(expecting: "a value")
        if byte == UInt8(ascii: "n") {
            try scanner.consumeLiteral("null")
            builder.appendNull()
            return
        }
        let isQuote = byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        let isNumber = byte == UInt8(ascii: "-") || byte &- UInt8(ascii: "0") < 10
        switch kind {
        case .string:
            if isQuote {
                scanner.position += 1
                let string = try scanner.scanString(quote: byte)
                if !string.hasEscapes {
                    builder.append(utf8: UnsafeBufferPointer(rebasing: scanner.bytes[string.range]))
                    return
                }
                scratch.removeAll(keepingCapacity: true)
                scanner.unescape(string.range, into: &scratch)
            } else if exactStringParsing {
                let start = scanner.position
                try scanner.skipValue(depth: depth)
                builder.append(utf8: UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.position]))
                return
            } else {
                var rendered: [UInt8] = []
                swap(&rendered, &scratch)  // renderToken mutates self: render into a local
                rendered.removeAll(keepingCapacity: true)
                try renderToken(into: &rendered, depth: depth)
                swap(&rendered, &scratch)
            }
            scratch.withUnsafeBufferPointer { builder.append(utf8: $0) }

        case .int32, .int64, .timestamp:
            if isNumber {
                let number = try scanner.scanNumber()
                guard number.isInteger, let value = scanner.integerValue(number.range) else { return builder.appendNull() }
                switch kind {
                case .int32:
                    if let small = Int32(exactly: value) { builder.append(small) } else { builder.appendNull() }
                case .int64: builder.append(value)
                default: builder.append(value &* 1_000_000)
                }
            } else if isQuote, kind == .timestamp {
                try withStringValue(quote: byte) { text in SparkText.parseTimestamp(text) ?? Self.parseWithoutGMT(text) }
                    .map { builder.append($0) } ?? builder.appendNull()
            } else {
                try scanner.skipValue(depth: depth)
                builder.appendNull()
            }

        case .double:
            if isNumber {
                let number = try scanner.scanNumber()
                let value = SparkText.parseDouble(UnsafeBufferPointer(rebasing: scanner.bytes[number.range]))
                value.map { builder.append($0) } ?? builder.appendNull()
            } else if isQuote {
                try withStringValue(quote: byte, Self.specialDouble).map { builder.append($0) } ?? builder.appendNull()
            } else {
                try scanner.skipValue(depth: depth)
                builder.appendNull()
            }

        case .boolean:
            if byte == UInt8(ascii: "t") {
                try scanner.consumeLiteral("true")
                builder.append(true)
            } else if byte == UInt8(ascii: "f") {
                try scanner.consumeLiteral("false")
                builder.append(false)
            } else {
                try scanner.skipValue(depth: depth)
                builder.appendNull()
            }

        case .structure(let level):
            guard byte == UInt8(ascii: "{") else {
                try scanner.skipValue(depth: depth)
                return builder.appendNull()
            }
            guard depth < JSONScanner.depthLimit else {
                throw .nestingTooDeep(offset: scanner.position, limit: JSONScanner.depthLimit)
            }
            scanner.position += 1
            try readObject(level: level, into: &builder.children, depth: depth + 1)
            builder.appendStructRow()

        case .array(let element):
            guard byte == UInt8(ascii: "[") else {
                try scanner.skipValue(depth: depth)
                return builder.appendNull()
            }
            guard depth < JSONScanner.depthLimit else {
                throw .nestingTooDeep(offset: scanner.position, limit: JSONScanner.depthLimit)
            }
            scanner.position += 1
            if try scanner.nextByte(expecting: "a value or ']'") == UInt8(ascii: "]") {
                scanner.position += 1
            } else {
                let elementKind = plan.elementKinds[element]
                while true {
                    try readValue(elementKind, into: &builder.children[0], depth: depth + 1)
                    if try scanner.endOfMember(closing: UInt8(ascii: "]")) { break }
                }
            }
            builder.appendListRow()
        }
    }

    /// Scans the string whose opening `quote` is at `position` and passes its unescaped bytes to `body`.
    private mutating func withStringValue<T>(
        quote: UInt8, _ body: (UnsafeBufferPointer<UInt8>) -> T?
    ) throws(JSONIngestError) -> T? {
        scanner.position += 1
        let string = try scanner.scanString(quote: quote)
        if !string.hasEscapes { return body(UnsafeBufferPointer(rebasing: scanner.bytes[string.range])) }
        scratch.removeAll(keepingCapacity: true)
        scanner.unescape(string.range, into: &scratch)
        return scratch.withUnsafeBufferPointer(body)
    }

    /// The strings Spark's JSON reader accepts for a double field (`allowNonNumericNumbers`).
    private static func specialDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        if SparkText.matches(text, "NaN") { return .nan }
        if SparkText.matches(text, "Infinity") || SparkText.matches(text, "+Infinity") || SparkText.matches(text, "+INF") {
            return .infinity
        }
        if SparkText.matches(text, "-Infinity") || SparkText.matches(text, "-INF") { return -.infinity }
        return nil
    }

    /// Spark's `cleanLegacyTimestampStr` fallback: every `GMT` removed, then parsed again.
    private static func parseWithoutGMT(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var cleaned: [UInt8] = []
        var i = 0
        var found = false
        while i < text.count {
            if i + 3 <= text.count, text[i] == UInt8(ascii: "G"), text[i + 1] == UInt8(ascii: "M"), text[i + 2] == UInt8(ascii: "T") {
                found = true
                i += 3
                continue
            }
            cleaned.append(text[i])
            i += 1
        }
        guard found else { return nil }
        return cleaned.withUnsafeBufferPointer { SparkText.parseTimestamp($0) }
    }
}
