import Connectors

/// A JSON value used in conditions and to build small documents.
///
/// Only what conditions need: scalars, plus ``json(_:)`` to embed an object or array already
/// written as JSON text.
public enum DocumentValue: Sendable, Hashable, CustomStringConvertible,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral {
    case null
    case boolean(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    /// A value given as JSON text (an object or an array); inserted as is.
    case json(String)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }

    /// The value as JSON text: strings quoted and escaped, non-finite doubles as `null`.
    public var json: String {
        var out: [UInt8] = []
        append(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value as JSON to `out`.
    func append(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .boolean(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: (d.isFinite ? JSONLinesEncoder.formatDouble(d) : "null").utf8)
        case .string(let s): JSONLinesEncoder.appendString(s, to: &out)
        case .json(let text): out.append(contentsOf: text.utf8)
        }
    }

    /// Whether comparisons (`<`, `>`) treat the value as a number (else as a string).
    var isNumber: Bool {
        switch self {
        case .integer, .double: true
        default: false
        }
    }

    public var description: String { json }
}
