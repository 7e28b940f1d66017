import Foundation

/// A JSON value as the portal reads documents and progress lines: a small, `Sendable` tree.
///
/// Documents have no fixed schema (a CRM document may or may not carry `loyalty_tier`), so the
/// portal reads each one as a tree and picks fields by name, tolerating numbers written as
/// strings (`"response_time_ms":"131"`) through ``number``.
public enum JSONValue: Sendable, Hashable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text; nil when it is not valid JSON.
    public static func parse(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The field `name` of an object (nil for a missing field or a non-object).
    public subscript(name: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }

    /// The value as a number: numbers, and strings that hold one (`"131"`, `" 2.5 "`).
    public var number: Double? {
        switch self {
        case .number(let value): value
        case .string(let text): Double(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// The value as text: strings as they are, numbers and booleans written out, nil for null.
    public var text: String? {
        switch self {
        case .null: nil
        case .string(let value): value
        default: description
        }
    }

    /// The elements of an array (empty for anything else).
    public var elements: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    /// The value written for a person: integers without `.0`, objects and arrays as compact JSON.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .number(let value): Self.format(value)
        case .string(let value): value
        case .array(let items): "[" + items.map(\.quotedDescription).joined(separator: ", ") + "]"
        case .object(let fields):
            "{" + fields.keys.sorted().map { "\($0): \(fields[$0]?.quotedDescription ?? "null")" }.joined(separator: ", ") + "}"
        }
    }

    private var quotedDescription: String {
        if case .string(let value) = self { return "\"\(value)\"" }
        return description
    }

    /// A number without a trailing `.0` when it is whole.
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
