#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Directory chores of the generators: create it, clear the data files an earlier run left,
/// and name part files the way the engine's file source lists them (`part-00000.jsonl`, …).
public enum OutputDirectory {
    /// Creates `path` and its parents when missing.
    public static func create(_ path: String) throws(GeneratorError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part + "/"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw .io(path: prefix, operation: "mkdir", errno: errno)
            }
        }
    }

    /// Removes the regular files in `directory` whose names end in `.jsonl`: a re-run with
    /// fewer customers must not leave an earlier run's later parts behind.
    public static func removeDataFiles(in directory: String) throws(GeneratorError) {
        guard let handle = opendir(directory) else { throw .io(path: directory, operation: "opendir", errno: errno) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(".jsonl") { names.append(name) }
        }
        for name in names where unlink(directory + "/" + name) != 0 {
            throw .io(path: directory + "/" + name, operation: "unlink", errno: errno)
        }
    }

    /// `part-NNNNN.jsonl`, the index zero-padded to five digits.
    public static func partName(_ index: Int) -> String {
        var bytes = Array("part-".utf8)
        DigitWriter.append(index, width: 5, to: &bytes)
        bytes.append(contentsOf: Array(".jsonl".utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `text` to `path` in one go (manifests).
    public static func write(_ text: String, to path: String) throws(GeneratorError) {
        let file = try DataFile(path: path)
        file.buffer.append(contentsOf: Array(text.utf8))
        try file.close()
    }
}
