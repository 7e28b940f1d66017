/// A generator's `manifest.json`: the arguments it ran with and the counts of what it wrote,
/// rendered with sorted keys and two-space indentation (the shape the Python generators'
/// manifests have, so tools read either).
public struct GenerationManifest: Sendable, Equatable {
    /// One manifest value.
    public enum Value: Sendable, Equatable {
        case int(Int)
        case unsigned(UInt64)
        case double(Double)
        case string(String)
    }

    /// The entries by key.
    public private(set) var entries: [String: Value] = [:]

    /// An empty manifest.
    public init() {}

    /// Sets an integer entry.
    public subscript(key: String) -> Int? {
        get {
            if case .int(let value) = entries[key] { return value }
            return nil
        }
        set { entries[key] = newValue.map(Value.int) }
    }

    /// Sets any entry.
    public mutating func set(_ key: String, _ value: Value) {
        entries[key] = value
    }

    /// The manifest as JSON text, keys sorted, ending in a newline.
    public var json: String {
        var lines: [String] = []
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
            var bytes: [UInt8] = Array("  ".utf8)
            JSONObjectWriter.appendQuoted(key, to: &bytes)
            bytes.append(contentsOf: Array(": ".utf8))
            switch value {
            case .int(let number): DigitWriter.append(number, to: &bytes)
            case .unsigned(let number): bytes.append(contentsOf: Array(String(number).utf8))
            case .double(let number): bytes.append(contentsOf: Array("\(number)".utf8))
            case .string(let text): JSONObjectWriter.appendQuoted(text, to: &bytes)
            }
            lines.append(String(decoding: bytes, as: UTF8.self))
        }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    /// Writes ``json`` to `path`.
    public func write(to path: String) throws(GeneratorError) {
        try OutputDirectory.write(json, to: path)
    }
}
