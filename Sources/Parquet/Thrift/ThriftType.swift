/// The element and field type codes of Thrift's compact protocol.
enum ThriftType: UInt8, Sendable {
    case stop = 0
    case booleanTrue = 1
    case booleanFalse = 2
    case byte = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case structure = 12
}

/// A malformed Thrift message; the Parquet layer wraps it with the file and structure it read.
struct ThriftError: Error, Sendable, Equatable, CustomStringConvertible {
    var detail: String
    init(_ detail: String) { self.detail = detail }
    var description: String { detail }
}
