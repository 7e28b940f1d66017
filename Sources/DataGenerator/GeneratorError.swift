#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// Why a generator could not write its data set.
public enum GeneratorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file-system call failed: what was attempted, on which path, and the `errno` it set.
    case io(path: String, operation: String, errno: Int32)
    /// A configuration value is out of range: the option, the value given, and what is accepted.
    case invalidConfiguration(option: String, value: String, expected: String)

    /// A message saying what happened and what to try next.
    public var description: String {
        switch self {
        case .io(let path, let operation, let errno):
            "\(operation) failed for \(path): \(String(cString: strerror(errno))); check that the output directory is writable and the disk has space"
        case .invalidConfiguration(let option, let value, let expected):
            "\(option) \(value) is not accepted: expected \(expected)"
        }
    }
}
