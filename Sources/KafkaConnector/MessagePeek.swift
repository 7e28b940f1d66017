/// A quick look into a message holding a JSON array of records (or one record object): how many
/// records, and the first one's key field (`ID` for the top-up streams, `user_id` for clickstream).
///
/// Used by the producers to key messages (so that the partitioner spreads them) and to count
/// records for rate limiting, without decoding the message. Strings are skipped with their escapes;
/// anything malformed just gives fewer records and no ID, as the producer publishes it anyway.
struct MessagePeek {
    /// Top-level objects in the array (0 when the message is not an array).
    var records = 0
    /// The first record's key field value (a string's contents or a number's text).
    var firstID: String?

    init(_ bytes: UnsafeBufferPointer<UInt8>, keyField: String = "ID") {
        let keyBytes = Array(keyField.utf8)
        var firstNonSpace = 0
        while firstNonSpace < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[firstNonSpace]) { firstNonSpace += 1 }
        let recordDepth = firstNonSpace < bytes.count && bytes[firstNonSpace] == UInt8(ascii: "{") ? 1 : 2
        var depth = 0
        var index = 0
        var lastKey: Range<Int>?
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index + 1
                index = Self.endOfString(bytes, from: start)
                let range = start..<min(index, bytes.count)
                if depth == recordDepth && records == 1 && firstID == nil, let key = lastKey, Self.equals(bytes, key, keyBytes) {
                    firstID = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                }
                lastKey = Self.isKey(bytes, after: index + 1) ? range : nil
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if byte == UInt8(ascii: "{") && depth == recordDepth { records += 1 }
                lastKey = nil
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                lastKey = nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                while index + 1 < bytes.count, [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+")]
                    .contains(bytes[index + 1]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1]) {
                    index += 1
                }
                if depth == recordDepth && records == 1 && firstID == nil, let key = lastKey, Self.equals(bytes, key, keyBytes) {
                    firstID = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...index]), as: UTF8.self)
                }
                lastKey = nil
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                break
            default:
                lastKey = nil
            }
            index += 1
        }
    }

    /// The index of the closing quote of a string whose contents start at `from`.
    private static func endOfString(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = from
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == UInt8(ascii: "\"") { return index }
            index += 1
        }
        return bytes.count
    }

    /// Whether the next non-space byte after `index` is a colon (the string was a key).
    private static func isKey(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        var index = index
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: ":")
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ expected: [UInt8]) -> Bool {
        range.count == expected.count && zip(range, expected).allSatisfy { bytes[$0.0] == $0.1 }
    }
}
