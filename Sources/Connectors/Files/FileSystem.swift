#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small POSIX file helpers the connectors share (no Foundation on data paths).
public enum FileSystem {
    /// The whole content of the file at `path`.
    public static func readAll(_ path: String) throws(ConnectorError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, operation: "fstat", errno: errno) }
        // Read straight into a buffer of the file's size; keep reading if the file grew.
        var result = [UInt8](repeating: 0, count: max(Int(st.st_size), 0))
        var filled = 0
        while true {
            if filled == result.count { result.append(contentsOf: repeatElement(0, count: max(result.count, 1 << 16))) }
            let n = result.withUnsafeMutableBytes { read(fd, $0.baseAddress.map { $0 + filled }, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "read", errno: errno)
            }
            if n == 0 { break }
            filled += n
        }
        result.removeLast(result.count - filled)
        return result
    }

    /// Writes `bytes` to `path` through a temporary file, fsync and rename: readers see the
    /// old content or the new one, never a torn file.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ConnectorError) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .io(path: temporary, operation: "create", errno: errno) }
        do {
            try writeAll(bytes, to: fd, path: temporary)
        } catch {
            close(fd)
            throw error
        }
        guard fsync(fd) == 0 else {
            let code = errno
            close(fd)
            throw .io(path: temporary, operation: "fsync", errno: code)
        }
        close(fd)
        guard posixRename(temporary, path) == 0 else { throw .io(path: path, operation: "rename", errno: errno) }
    }

    /// Creates `path` and its parents when missing.
    /// Appends `bytes` to `path` (created when missing) in one `O_APPEND` write sequence: a
    /// reader that follows the file by offset sees whole lines once it waits for the newline.
    /// Not synced: for logs a reader tails, not for data that must survive a crash.
    public static func append(_ bytes: [UInt8], to path: String) throws(ConnectorError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open for appending", errno: errno) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
    }

    /// Writes all of `bytes` to `fd`, resuming after short writes and `EINTR`.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(ConnectorError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "write", errno: errno)
            }
            offset += n
        }
    }

    public static func createDirectory(_ path: String) throws(ConnectorError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part + "/"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw .io(path: prefix, operation: "mkdir", errno: errno)
            }
        }
    }

    /// Whether `path` names an existing regular file.
    public static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Microseconds since the epoch, from the system's real-time clock.
    public static func wallClockMicros() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
    }

    /// Whether `path` names an existing directory.
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names of the regular files in `directory` that Spark reads as data
    /// (``isDataFileName(_:)``: not `.hidden`, not `_metadata` unless `_p=1`, not `…._COPYING_`), sorted by name.
    public static func listDataFiles(_ directory: String) throws(ConnectorError) -> [String] {
        guard let dir = opendir(directory) else {
            throw .unreadableLocation(directory, reason: "cannot open the directory: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard isDataFileName(name) else { continue }
            var st = stat()
            if stat(directory + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { names.append(name) }
        }
        return names.sorted()
    }
}
