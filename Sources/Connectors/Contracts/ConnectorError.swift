#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// Errors raised by the built-in connectors.
public enum ConnectorError: Error, Sendable, CustomStringConvertible {
    /// A source location that does not exist or cannot be listed.
    case unreadableLocation(String, reason: String)
    /// A file that could not be read or written.
    case io(path: String, operation: String, errno: Int32)
    /// An offset written by another kind of source or by a newer version.
    case invalidOffset(source: String, offset: String)
    /// A source location in a form no connector understands.
    case unsupportedLocation(String)

    public var description: String {
        switch self {
        case .unreadableLocation(let location, let reason): "cannot read \(location): \(reason)"
        case .io(let path, let operation, let errno):
            "\(operation) failed for \(path): \(String(cString: strerror(errno))); check that the path exists and that this user may read and write it"
        case .invalidOffset(let source, let offset): "source \(source) cannot resume from offset \(offset)"
        case .unsupportedLocation(let location):
            "unsupported source location '\(location)': give a directory of text files or kafka://HOST:PORT[,HOST:PORT...]/TOPIC"
        }
    }
}
