import Columnar

extension MessageReader {
    /// Appends the JSON text of the value at `position` as Jackson's `copyCurrentStructure`
    /// writes it, which is what `from_json` stores for a non-string token in a string field.
    ///
    /// `from_json` reads through a `Reader`, so Spark 4's exact-string parsing does not apply:
    /// the token is re-serialized. Whitespace between tokens disappears; strings are written
    /// with double quotes and Jackson's escapes (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`,
    /// `\u00XX` for other control characters; everything else as UTF-8); `-0` becomes `0`;
    /// floats are parsed as doubles and written as Java's `Double.toString` lays them out
    /// (`1.5`, `100.0`, `1.0E7`, `1.0E-4`), with non-finite values as the strings
    /// `"Infinity"` / `"-Infinity"`.
    mutating func renderToken(into output: inout [UInt8], depth: Int) throws(JSONIngestError) {
        let byte = try scanner.nextByte(expecting: "a value")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            scanner.position += 1
            let string = try scanner.scanString(quote: byte)
            var decoded: [UInt8] = []
            scanner.unescape(string.range, into: &decoded)
            Self.appendQuoted(decoded, to: &output)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < JSONScanner.depthLimit else {
                throw .nestingTooDeep(offset: scanner.position, limit: JSONScanner.depthLimit)
            }
            let isObject = byte == UInt8(ascii: "{")
            let closing = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            scanner.position += 1
            output.append(byte)
            if try scanner.nextByte(expecting: "a value or closing bracket") == closing {
                scanner.position += 1
                output.append(closing)
                return
            }
            while true {
                if isObject {
                    let name = try scanner.scanName()
                    var decoded: [UInt8] = []
                    scanner.unescape(name.range, into: &decoded)
                    Self.appendQuoted(decoded, to: &output)
                    try scanner.expectColon()
                    output.append(UInt8(ascii: ":"))
                }
                try renderToken(into: &output, depth: depth + 1)
                if try scanner.endOfMember(closing: closing) { break }
                output.append(UInt8(ascii: ","))
            }
            output.append(closing)
        case UInt8(ascii: "t"):
            try scanner.consumeLiteral("true")
            output.append(contentsOf: "true".utf8)
        case UInt8(ascii: "f"):
            try scanner.consumeLiteral("false")
            output.append(contentsOf: "false".utf8)
        case UInt8(ascii: "n"):
            try scanner.consumeLiteral("null")
            output.append(contentsOf: "null".utf8)
        default:
            let number = try scanner.scanNumber()
            let text = UnsafeBufferPointer(rebasing: scanner.bytes[number.range])
            if number.isInteger {
                if text.count == 2 && text[0] == UInt8(ascii: "-") && text[1] == UInt8(ascii: "0") {
                    output.append(UInt8(ascii: "0"))
                } else {
                    output.append(contentsOf: text)
                }
            } else {
                let value = SparkText.parseDouble(text) ?? .nan
                if value.isFinite {
                    output.append(contentsOf: JavaDoubleFormat.string(value).utf8)
                } else {
                    output.append(contentsOf: (value < 0 ? "\"-Infinity\"" : "\"Infinity\"").utf8)
                }
            }
        }
    }

    /// Appends `text` as a double-quoted JSON string with Jackson's default escapes.
    static func appendQuoted(_ text: [UInt8], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case 0x08: output.append(contentsOf: "\\b".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0C: output.append(contentsOf: "\\f".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case 0..<0x20:
                let hex = Array("0123456789ABCDEF".utf8)
                output.append(contentsOf: "\\u00".utf8)
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
