#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// Facts about one file, as `stat` gives them.
    public struct FileStatus: Sendable, Hashable {
        /// Size in bytes.
        public var size: Int64
        /// Last modification, milliseconds since the epoch.
        public var modificationTimeMs: Int64
        public var isDirectory: Bool
    }

    /// The status of `path`, or nil when it does not exist.
    public static func status(_ path: String) -> FileStatus? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        #if os(Linux)
        let ms = Int64(st.st_mtim.tv_sec) * 1000 + Int64(st.st_mtim.tv_nsec) / 1_000_000
        #else
        let ms = Int64(st.st_mtimespec.tv_sec) * 1000 + Int64(st.st_mtimespec.tv_nsec) / 1_000_000
        #endif
        return FileStatus(size: Int64(st.st_size), modificationTimeMs: ms, isDirectory: (st.st_mode & S_IFMT) == S_IFDIR)
    }

    /// Whether a file named `name` holds data, by Spark's rules for listing a source directory
    /// (`HadoopFSUtils.shouldFilterOutPathName`, then `PartitioningAwareFileIndex.isDataPath`):
    /// names starting with `.` are hidden; names starting with `_` are metadata (`_SUCCESS`,
    /// `_spark_metadata`, `_metadata`) unless they contain `=` (`_p=1`, a partition); names
    /// ending in `._COPYING_` are copies in flight (`hdfs dfs -put`). Checked with PySpark 4.3.0.
    public static func isDataFileName(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("._COPYING_") { return false }
        return !name.hasPrefix("_") || name.contains("=")
    }

    /// Whether anything exists at `path`.
    public static func exists(_ path: String) -> Bool { status(path) != nil }

    /// Every entry of `directory` except `.` and `..` (files and directories, hidden ones too), sorted by name.
    public static func listEntries(_ directory: String) throws(ConnectorError) -> [String] {
        guard let dir = opendir(directory) else {
            throw .io(path: directory, operation: "opendir", errno: errno)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Removes the file at `path`; a missing file is not an error.
    public static func removeFile(_ path: String) throws(ConnectorError) {
        if unlink(path) != 0, errno != ENOENT { throw .io(path: path, operation: "unlink", errno: errno) }
    }

    /// Renames `from` to `to`, replacing `to` (atomic within one file system).
    public static func rename(_ from: String, to: String) throws(ConnectorError) {
        guard posixRename(from, to) == 0 else { throw .io(path: to, operation: "rename from \(from)", errno: errno) }
    }

    /// Flushes the file (or directory) at `path` to stable storage.
    public static func sync(_ path: String) throws(ConnectorError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io(path: path, operation: "open for fsync", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "fsync", errno: errno) }
    }

    /// The absolute, symlink-free form of an existing `path`.
    public static func canonicalPath(_ path: String) throws(ConnectorError) -> String {
        guard let resolved = realpath(path, nil) else { throw .io(path: path, operation: "realpath", errno: errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// POSIX `rename`, reachable from inside `FileSystem` whose own `rename` shadows it.
func posixRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}
