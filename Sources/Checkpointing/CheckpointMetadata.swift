/// The `metadata` file of a checkpoint: the query's id (Spark's `StreamMetadata`) and the
/// fingerprint of the plan that wrote it.
///
/// One JSON line without a version marker, as Spark writes it; Spark reads only `id` and
/// ignores the rest:
/// `{"id":"0d9a…","planFingerprint":"9f2c…","plan":"stateStoreSave(…) <- …"}`.
public struct CheckpointMetadata: Sendable, Hashable {
    /// The query's id, a UUID kept across restarts.
    public var id: String
    /// 16 hex digits (FNV-1a 64 of ``plan``).
    public var planFingerprint: String
    /// A one-line description of the plan, shown when a different plan is refused.
    public var plan: String

    public init(id: String, plan: String) {
        self.id = id
        self.plan = plan
        self.planFingerprint = Self.fingerprint(plan)
    }

    /// FNV-1a 64 of the text's UTF-8 bytes, as 16 hex digits: stable across builds and platforms.
    public static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A random (version 4) UUID in its usual text form.
    public static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }

    var json: String {
        JSONValue.object([("id", .string(id)), ("planFingerprint", .string(planFingerprint)), ("plan", .string(plan))]).description
    }

    static func parse(_ text: String, path: String) throws(CheckpointError) -> CheckpointMetadata {
        let line = text.split(separator: "\n").first ?? ""
        guard let json = JSONValue.parse(line), let id = json["id"]?.stringValue else {
            throw .malformedEntry(path: path, line: 1, detail: "expected {\"id\":…,\"planFingerprint\":…}")
        }
        var metadata = CheckpointMetadata(id: id, plan: json["plan"]?.stringValue ?? "")
        metadata.planFingerprint = json["planFingerprint"]?.stringValue ?? ""
        return metadata
    }
}
