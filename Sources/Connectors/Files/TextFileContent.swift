import Compression

/// The text of a data file as Spark's text source reads it (Hadoop's `LineRecordReader`):
/// decompressed when its name ends in a codec's extension (``FileCompression``: `.gz`,
/// `.deflate`, `.zst`, `.snappy`, any case), and without the UTF-8 byte order mark that may
/// open the file (Hadoop drops it from the first line only; a BOM further on stays in its line).
///
/// Checked with PySpark 4.3.0: a file starting with `EF BB BF` gives a first `value` without
/// it, so `from_json` parses that line; `.gz` files with several members are read whole.
public enum TextFileContent {
    /// The UTF-8 byte order mark.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The text of the file at `path`: read, decompressed by its name, the leading BOM dropped.
    /// - Throws: ``ConnectorError/unreadableLocation(_:reason:)`` naming the file when it is
    ///   compressed with a codec Stream360 does not read (bzip2, LZ4) or is corrupt, and
    ///   ``ConnectorError/io(path:operation:errno:)`` when it cannot be read.
    public static func read(_ path: String) throws(ConnectorError) -> [UInt8] {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var bytes = try FileSystem.readAll(path)
        if let compression = FileCompression(fileName: name) {
            do {
                bytes = try compression.decompress(bytes)
            } catch {
                throw .unreadableLocation(path, reason: error.description)
            }
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        return bytes
    }
}
