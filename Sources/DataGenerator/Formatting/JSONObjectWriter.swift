/// Writes compact JSON objects (`{"k":"v","n":1}`, no spaces, non-ASCII kept as UTF-8) field by
/// field into a byte buffer, the shape `json.dumps(separators=(",", ":"), ensure_ascii=False)`
/// produces.
///
/// Values are strings, integers, one-decimal doubles and null, which is all the generated data
/// needs; string values whose bytes are built in place (digits, dates) go through
/// ``stringField(_:build:)`` and must not need escaping.
///
/// ```swift
/// var writer = JSONObjectWriter()
/// writer.begin()
/// writer.field(JSONKey("ID"), "17")
/// writer.field(JSONKey("ts"), 1_704_067_200)
/// writer.end()  // {"ID":"17","ts":1704067200}
/// ```
public struct JSONObjectWriter: Sendable {
    /// Everything written so far.
    public var bytes: [UInt8]
    private var needsComma = false

    /// A writer appending to `bytes`.
    public init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    /// Opens an object.
    public mutating func begin() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Continues an object whose opening and first fields are already in ``bytes``.
    public mutating func resume() {
        needsComma = true
    }

    /// Closes the object opened by ``begin()``.
    public mutating func end() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    private mutating func key(_ key: JSONKey) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: key.encoded)
        needsComma = true
    }

    /// `"key":"value"`, escaping the value as JSON requires.
    public mutating func field(_ key: JSONKey, _ value: String) {
        self.key(key)
        Self.appendQuoted(value, to: &bytes)
    }

    /// `"key":value` for an integer.
    public mutating func field(_ key: JSONKey, _ value: Int) {
        self.key(key)
        DigitWriter.append(value, to: &bytes)
    }

    /// `"key":null`.
    public mutating func null(_ key: JSONKey) {
        self.key(key)
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    /// `"key":"…"` where `build` appends the value's bytes, which must need no escaping.
    public mutating func stringField(_ key: JSONKey, build: (inout [UInt8]) -> Void) {
        self.key(key)
        bytes.append(UInt8(ascii: "\""))
        build(&bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"key":value` where `build` appends a raw JSON value (a number).
    public mutating func rawField(_ key: JSONKey, build: (inout [UInt8]) -> Void) {
        self.key(key)
        build(&bytes)
    }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters
    /// escaped, everything else (non-ASCII included) copied as UTF-8.
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
