import Columnar

/// What the reader needs to decode one leaf column: its storage, levels and conversion.
struct LeafDescriptor: Sendable {
    let leafIndex: Int
    /// Dotted path, used in errors and to match `path_in_schema`.
    let name: String
    let physical: PhysicalType
    let typeLength: Int
    let maxDefinitionLevel: Int
    let maxRepetitionLevel: Int
    let conversion: LeafConversion
    let type: DataType

    /// The Stream360 type and conversion of a primitive node, or a reason it is unsupported.
    static func mapping(of element: SchemaElement) -> Result<(DataType, LeafConversion), UnsupportedFeature> {
        guard let physical = element.type else { return .failure(UnsupportedFeature("a primitive without a type")) }
        if element.convertedType == .decimal || element.logicalType == .other(fieldId: 5) {
            return .failure(UnsupportedFeature("DECIMAL"))
        }
        switch physical {
        case .boolean: return .success((.boolean, .none))
        case .int32: return .success((.int, .none))
        case .int64:
            switch (element.logicalType, element.convertedType) {
            case (.timestamp(_, .millis)?, _), (nil, .timestampMillis?): return .success((.timestamp, .millisToMicros))
            case (.timestamp(_, .micros)?, _), (nil, .timestampMicros?): return .success((.timestamp, .none))
            case (.timestamp(_, .nanos)?, _): return .success((.timestamp, .nanosToMicros))
            default: return .success((.long, .none))
            }
        case .int96: return .success((.timestamp, .int96ToMicros))
        case .float: return .success((.double, .floatToDouble))
        case .double: return .success((.double, .none))
        case .byteArray, .fixedLenByteArray: return .success((.string, .none))
        }
    }
}

/// Why a column cannot be read, kept until someone asks for that column.
struct UnsupportedFeature: Error, Sendable {
    let feature: String
    init(_ feature: String) { self.feature = feature }
}
