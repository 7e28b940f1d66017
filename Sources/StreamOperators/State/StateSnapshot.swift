import StreamState

/// The envelope of an operator state snapshot: magic, version, operator kind, payload, checksum.
///
/// ```
/// "S3OP" | version u8 (1) | kind (u32 length + UTF-8) | payload | XXH64 (seed 0) of all bytes before, u64 LE
/// ```
/// Why a checksum: a damaged state file must fail loudly at restart, not change results.
public enum StateSnapshot {
    /// The payload version this build writes and reads.
    public static let version: UInt8 = 1
    static let magic: [UInt8] = Array("S3OP".utf8)

    /// `payload` wrapped for operator kind `kind`.
    static func seal(kind: String, _ payload: StateSnapshotWriter) -> [UInt8] {
        var out = StateSnapshotWriter()
        out.bytes = magic
        out.bytes.reserveCapacity(payload.bytes.count + 32)
        out.write(version)
        out.write(kind)
        out.bytes.append(contentsOf: payload.bytes)
        let checksum = out.bytes.withUnsafeBytes { XXHash64.hashBytes($0, seed: 0) }
        out.write(checksum)
        return out.bytes
    }

    /// A reader positioned at the payload of `bytes`, after checking magic, version, kind and checksum.
    static func open(_ bytes: [UInt8], kind: String) throws(OperatorError) -> StateSnapshotReader {
        func corrupt(_ detail: String) -> OperatorError { .corruptSnapshot(operator: kind, detail: detail) }
        guard bytes.count >= magic.count + 1 + 4 + 8, bytes.starts(with: magic) else {
            throw corrupt("not a state snapshot (\(bytes.count) bytes, no S3OP magic)")
        }
        let end = bytes.count - 8
        let computed = bytes.withUnsafeBytes { XXHash64.hashBytes(UnsafeRawBufferPointer(rebasing: $0[..<end]), seed: 0) }
        var tail = StateSnapshotReader(bytes, kind: kind, position: end)
        guard try tail.uint64() == computed else { throw corrupt("checksum mismatch: the file was damaged") }
        var reader = StateSnapshotReader(Array(bytes[..<end]), kind: kind, position: magic.count)
        let found = try reader.uint8()
        guard found >= 1, found <= version else {
            throw corrupt("snapshot version \(found) is not supported (this build reads up to \(version))")
        }
        let writtenKind = try reader.string()
        guard writtenKind == kind else { throw corrupt("the snapshot belongs to a '\(writtenKind)' operator") }
        return reader
    }
}
