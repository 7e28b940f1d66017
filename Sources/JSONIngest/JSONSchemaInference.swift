public import Columnar

/// Infers a schema from JSON documents the way Spark's `spark.read.json` does.
///
/// Each document contributes its fields; the result is the union of all fields, **sorted by
/// name** (Spark's order), with types merged: integers are `bigint`, numbers with a fraction
/// or exponent `double`, `bigint` with `double` is `double`, any other mix is `string`;
/// objects become structs (merged field by field), arrays arrays of their merged element
/// type; a field seen only as `null` is `string`. Documents that are not valid JSON are
/// skipped and reported (Spark's PERMISSIVE mode would add a `_corrupt_record` column).
public struct JSONSchemaInference {
    /// What one value or field has been seen as so far.
    indirect enum Inferred: Equatable {
        case null, boolean, long, double, string
        case object([String: Inferred])
        case array(Inferred)

        func merged(with other: Inferred) -> Inferred {
            switch (self, other) {
            case (.null, let x), (let x, .null): return x
            case (.long, .double), (.double, .long): return .double
            case (.object(let a), .object(let b)): return .object(a.merging(b) { $0.merged(with: $1) })
            case (.array(let a), .array(let b)): return .array(a.merged(with: b))
            default: return self == other ? self : .string
            }
        }

        var dataType: DataType {
            switch self {
            case .null, .string: .string
            case .boolean: .boolean
            case .long: .long
            case .double: .double
            case .object(let fields): .structure(fields.keys.sorted().map { Field($0, fields[$0]?.dataType ?? .string) })
            case .array(let element): .array(element.dataType)
            }
        }
    }

    private var root: [String: Inferred] = [:]
    /// Documents that could not be read, with their index and the parser's error.
    public private(set) var rejected: [(index: Int, error: JSONIngestError)] = []
    private var seen = 0

    public init() {}

    /// Adds one document (a JSON object; other top-level values are rejected).
    public mutating func add(document: UnsafeBufferPointer<UInt8>) {
        defer { seen += 1 }
        var scanner = JSONScanner(document)
        do throws(JSONIngestError) {
            guard case .object(let fields) = try Self.value(&scanner, depth: 0) else {
                throw scanner.unexpected(expected: "a JSON object")
            }
            if scanner.peekSkippingWhitespace() != nil { throw scanner.unexpected(expected: "the end of the document") }
            root.merge(fields) { $0.merged(with: $1) }
        } catch {
            rejected.append((seen, error))
        }
    }

    /// The schema of everything added so far.
    public var schema: Schema {
        Schema(root.keys.sorted().map { Field($0, root[$0]?.dataType ?? .string) })
    }

    private static func value(_ scanner: inout JSONScanner, depth: Int) throws(JSONIngestError) -> Inferred {
        guard depth < JSONScanner.depthLimit else { throw .nestingTooDeep(offset: scanner.position, limit: JSONScanner.depthLimit) }
        let byte = try scanner.nextByte(expecting: "a value")
        switch byte {
        case UInt8(ascii: "{"):
            scanner.position += 1
            var fields: [String: Inferred] = [:]
            if try scanner.nextByte(expecting: "a name or '}'") == UInt8(ascii: "}") {
                scanner.position += 1
                return .object(fields)
            }
            while true {
                let name = try scanner.scanName()
                var nameBytes: [UInt8] = []
                if name.hasEscapes {
                    scanner.unescape(name.range, into: &nameBytes)
                } else {
                    nameBytes = Array(scanner.bytes[name.range])
                }
                try scanner.expectColon()
                let inferred = try value(&scanner, depth: depth + 1)
                let key = String(decoding: nameBytes, as: UTF8.self)
                fields[key] = fields[key].map { $0.merged(with: inferred) } ?? inferred
                if try scanner.endOfMember(closing: UInt8(ascii: "}")) { return .object(fields) }
            }
        case UInt8(ascii: "["):
            scanner.position += 1
            var element = Inferred.null
            if try scanner.nextByte(expecting: "a value or ']'") == UInt8(ascii: "]") {
                scanner.position += 1
                return .array(element)
            }
            while true {
                element = element.merged(with: try value(&scanner, depth: depth + 1))
                if try scanner.endOfMember(closing: UInt8(ascii: "]")) { return .array(element) }
            }
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            scanner.position += 1
            _ = try scanner.scanString(quote: byte)
            return .string
        case UInt8(ascii: "t"):
            try scanner.consumeLiteral("true")
            return .boolean
        case UInt8(ascii: "f"):
            try scanner.consumeLiteral("false")
            return .boolean
        case UInt8(ascii: "n"):
            try scanner.consumeLiteral("null")
            return .null
        default:
            let number = try scanner.scanNumber()
            return number.isInteger && scanner.integerValue(number.range) != nil ? .long : .double
        }
    }
}
