import Columnar

/// How one Stream360 field is stored by the writer.
struct WriterColumnLayout: Sendable {
    let name: String
    let type: DataType
    let nullable: Bool
    let physical: PhysicalType

    /// The layout of `field`, or an error for types the writer does not store (nested ones).
    init(_ field: Field, path: String) throws(ParquetError) {
        name = field.name
        type = field.type
        nullable = field.nullable
        switch field.type {
        case .int: physical = .int32
        case .long, .timestamp: physical = .int64
        case .double: physical = .double
        case .boolean: physical = .boolean
        case .string: physical = .byteArray
        case .array, .structure:
            throw .unsupported(path: path, column: field.name, feature: "writing nested type \(field.type)")
        }
    }

    /// The thrift schema element describing this column.
    var schemaElement: SchemaElement {
        var element = SchemaElement(name: name, type: physical, repetition: nullable ? .optional : .required)
        switch type {
        case .string:
            element.convertedType = .utf8
            element.logicalType = .string
        case .timestamp:
            element.convertedType = .timestampMicros
            element.logicalType = .timestamp(isAdjustedToUTC: true, unit: .micros)
        default: break
        }
        return element
    }
}
