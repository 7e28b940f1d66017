#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written front to back through a fixed-size buffer: the generators' only sink, so
/// their memory stays bounded whatever the data set's size.
///
/// Not `Sendable`: one generator owns it from ``init(path:)`` to ``close(modificationTime:)``.
public final class DataFile {
    /// Where the file is written.
    public let path: String
    /// Bytes waiting to be written; callers append to it, then call ``flushIfFull()``.
    public var buffer: [UInt8] = []
    /// Bytes handed to the kernel so far plus those still buffered.
    public var byteCount: Int { written + buffer.count }
    private var written = 0
    private var descriptor: Int32
    private let capacity: Int

    /// Creates (or truncates) `path`.
    public init(path: String, capacity: Int = 1 << 20) throws(GeneratorError) {
        self.path = path
        self.capacity = capacity
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, operation: "create", errno: errno) }
        buffer.reserveCapacity(capacity + capacity / 4)
    }

    deinit {
        if descriptor >= 0 { _ = closeDescriptor(descriptor) }
    }

    /// Writes the buffer out once it holds at least the capacity given at creation.
    public func flushIfFull() throws(GeneratorError) {
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out everything buffered.
    public func flush() throws(GeneratorError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "write", errno: errno)
            }
            offset += n
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes, and optionally stamps the file's modification time (seconds since the
    /// epoch), so a file source that orders by modification time reads files in name order.
    public func close(modificationTime: Int? = nil) throws(GeneratorError) {
        try flush()
        let status = closeDescriptor(descriptor)
        descriptor = -1
        guard status == 0 else { throw .io(path: path, operation: "close", errno: errno) }
        if let modificationTime {
            let stamp = timeval(tv_sec: modificationTime, tv_usec: 0)
            let times = [stamp, stamp]
            guard utimes(path, times) == 0 else { throw .io(path: path, operation: "utimes", errno: errno) }
        }
    }
}

/// The POSIX `close`, out of reach of ``DataFile/close(modificationTime:)``'s name.
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
