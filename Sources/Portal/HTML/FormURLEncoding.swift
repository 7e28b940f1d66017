/// Decoding of `application/x-www-form-urlencoded` text: the query a `<form method="get">` sends.
///
/// A browser encodes a form field's space as `+` and everything else outside the unreserved
/// characters as `%XX` (so a typed `+` arrives as `%2B`). Decoding therefore turns `+` into a
/// space first and percent-decodes second (the WHATWG URL standard's order); a `%` not followed
/// by two hex digits stays as it is. Hummingbird's `queryParameters` only percent-decodes, which
/// left `Kenji+Kim` as the search text.
enum FormURLEncoding {
    /// The decoded value of the first `name=value` pair named `name` in `query` (the raw text
    /// after `?`), `""` for a name without `=`, nil when `query` has no such pair.
    static func value(of name: String, in query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard decode(parts[0]) == name else { continue }
            return parts.count > 1 ? decode(parts[1]) : ""
        }
        return nil
    }

    /// `text` with `+` as a space, then `%XX` escapes decoded as UTF-8 (invalid sequences as U+FFFD).
    static func decode(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
                continue
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
