import Columnar

/// Spark's partition directory names: `column=value`, with Hive's escaping.
///
/// Characters 0x01–0x1F, `"`, `#`, `%`, `'`, `*`, `/`, `:`, `=`, `?`, `\`, 0x7F, `{`, `[`, `]`
/// and `^` become `%XX` (uppercase hex); a null or empty value is `__HIVE_DEFAULT_PARTITION__`.
/// Values are written as Spark casts them to strings (timestamps as `yyyy-MM-dd HH:mm:ss[.f]`
/// in UTC, doubles as Java prints them).
public enum PartitionPath {
    /// The directory name Spark uses for a null (or empty) partition value.
    public static let defaultPartitionName = "__HIVE_DEFAULT_PARTITION__"

    /// `name` with Spark's path escaping.
    public static func escape(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if needsEscaping(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The inverse of ``escape(_:)``: `%XX` sequences become their character.
    public static func unescape(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let code = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(code)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x01 && v <= 0x1F || v == 0x7F { return true }
        return "\"#%'*/:=?\\{[]^".unicodeScalars.contains(scalar)
    }

    /// The `column=value` segment for row `row` of `column`.
    static func segment(name: String, column: Column, row: Int) -> String {
        escape(name) + "=" + (value(column, row).map { $0.isEmpty ? defaultPartitionName : escape($0) } ?? defaultPartitionName)
    }

    /// The value as Spark casts it to a string; nil for null.
    static func value(_ column: Column, _ row: Int) -> String? {
        if column.isNull(row) { return nil }
        switch column.storage {
        case .int32(let v): return String(v[row])
        case .int64(let v): return column.type == .timestamp ? SparkText.formatTimestamp(v[row]) : String(v[row])
        case .float64(let v): return SparkText.formatDouble(v[row])
        case .boolean(let v): return v[row] ? "true" : "false"
        case .utf8(let strings): return strings.string(row)
        case .structure, .list: return column.scalar(at: row).description
        }
    }

    /// Whether a column of `type` can partition a dataset.
    static func supports(_ type: DataType) -> Bool {
        switch type {
        case .structure, .array: false
        default: true
        }
    }

    /// `path` as a `file://` URI, percent-encoding what a URI path cannot hold (`%`, spaces, …).
    public static func fileURI(_ path: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=:@".utf8)
        var out = "file://"
        for byte in path.utf8 {
            if allowed.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" : "") + hex
            }
        }
        return out
    }

    /// The file path of a `file:` URI (`file:///a/b`, `file:/a/b`), percent-decoded; nil for other schemes.
    public static func path(fromURI uri: String) -> String? {
        guard uri.hasPrefix("file:") else { return uri.hasPrefix("/") ? uri : nil }
        var rest = Substring(uri.dropFirst("file:".count))
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            rest = rest[slash...]
        }
        return unescape(String(rest))
    }
}
