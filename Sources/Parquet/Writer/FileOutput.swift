#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only POSIX file descriptor that tracks its byte offset.
///
/// Short writes and `EINTR` are retried; any other failure becomes ``ParquetError/io(path:operation:errno:)``.
struct FileOutput {
    let descriptor: Int32
    let path: String
    let ownsDescriptor: Bool
    private(set) var offset: Int64

    /// Creates (or truncates) `path` for writing.
    init(creating path: String) throws(ParquetError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        self.init(descriptor: fd, path: path, owns: true, offset: 0)
    }

    /// Wraps a descriptor the caller opened; offsets start at its current position.
    init(descriptor: Int32, path: String, owns: Bool = false) {
        let position = lseek(descriptor, 0, SEEK_CUR)
        self.init(descriptor: descriptor, path: path, owns: owns, offset: position > 0 ? Int64(position) : 0)
    }

    private init(descriptor: Int32, path: String, owns: Bool, offset: Int64) {
        self.descriptor = descriptor
        self.path = path
        self.ownsDescriptor = owns
        self.offset = offset
    }

    mutating func write(_ bytes: [UInt8]) throws(ParquetError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                guard let base = raw.baseAddress else { return }
                let n = Glibc.write(descriptor, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        guard failure == 0 else { throw .io(path: path, operation: "write", errno: failure) }
        offset += Int64(bytes.count)
    }

    /// Closes the descriptor when this output opened it.
    func close() throws(ParquetError) {
        guard ownsDescriptor else { return }
        guard Glibc.close(descriptor) == 0 else { throw .io(path: path, operation: "close", errno: errno) }
    }
}
