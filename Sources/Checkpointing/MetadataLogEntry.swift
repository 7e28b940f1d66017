/// The content of one batch's file in a ``MetadataLog``: the lines after the version marker.
///
/// Each log (offsets, commits, a file sink's manifest) defines its entry type; the log adds
/// the `vN` first line, checks it when reading and writes the file atomically.
public protocol MetadataLogEntry: Sendable, Equatable {
    /// The version this build writes and the highest it reads (`v1` → 1).
    static var formatVersion: Int { get }
    /// The entry's lines, without the version marker and without newlines inside a line.
    func serializedLines() -> [String]
    /// The entry from its lines (after the version marker) of the file at `path`.
    static func parse(lines: [Substring], path: String) throws(CheckpointError) -> Self
}
