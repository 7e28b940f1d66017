#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// Appends `bytes` to `path` (created when missing) and fsyncs the file before returning:
    /// for data that must survive a crash once the call returned.
    public static func appendDurably(_ bytes: [UInt8], to path: String) throws(ConnectorError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open for appending", errno: errno) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "fsync", errno: errno) }
    }

    /// Cuts the file at `path` to its first `length` bytes (creating it empty when missing).
    public static func truncate(_ path: String, to length: Int64) throws(ConnectorError) {
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open for truncating", errno: errno) }
        defer { close(fd) }
        guard ftruncate(fd, off_t(length)) == 0 else { throw .io(path: path, operation: "truncate", errno: errno) }
        guard fsync(fd) == 0 else { throw .io(path: path, operation: "fsync", errno: errno) }
    }

    /// The size in bytes of the file at `path`, or nil when it does not exist.
    public static func fileSize(_ path: String) -> Int64? {
        var st = stat()
        return stat(path, &st) == 0 ? Int64(st.st_size) : nil
    }
}
