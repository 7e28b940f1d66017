#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only POSIX file read by byte ranges (`pread`), so that only the footer and the
/// projected column chunks are ever loaded.
final class FileInput {
    let path: String
    let size: Int64
    private let descriptor: Int32

    init(path: String) throws(ParquetError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, operation: "open", errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw .io(path: path, operation: "fstat", errno: code)
        }
        self.path = path
        self.descriptor = fd
        self.size = Int64(info.st_size)
    }

    deinit { Glibc.close(descriptor) }

    /// Reads `count` bytes at `offset`; a short file is an error naming what was expected.
    func read(at offset: Int64, count: Int) throws(ParquetError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset + Int64(count) <= size else {
            throw .notParquet(path: path, detail: "a read of \(count) bytes at \(offset) runs past the file's \(size) bytes")
        }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                guard let base = buffer.baseAddress else { break }
                let n = pread(descriptor, base + done, count - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { failure = EIO; break }
                done += n
            }
            initialized = failure == 0 ? count : 0
        }
        guard failure == 0 else { throw .io(path: path, operation: "pread", errno: failure) }
        return bytes
    }

    /// Reads and decodes the footer.
    func readMetadata() throws(ParquetError) -> FileMetaData {
        guard size >= 12 else { throw .notParquet(path: path, detail: "the file has only \(size) bytes") }
        let head = try read(at: 0, count: 4)
        let tail = try read(at: size - 8, count: 8)
        guard head == Array("PAR1".utf8), Array(tail[4..<8]) == Array("PAR1".utf8) else {
            throw .notParquet(path: path, detail: "no PAR1 magic at the start and end (an unfinished or encrypted file?)")
        }
        let length = Int64(tail.loadLittleEndianUInt32(at: 0))
        guard length > 0, length <= size - 12 else {
            throw .notParquet(path: path, detail: "footer length \(length) does not fit in the file")
        }
        let footer = try read(at: size - 8 - length, count: Int(length))
        var reader = ThriftCompactReader(footer)
        do {
            return try FileMetaData.read(&reader)
        } catch {
            throw .corruptMetadata(path: path, detail: error.detail)
        }
    }
}
