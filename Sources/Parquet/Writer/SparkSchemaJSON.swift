import Columnar

/// Encodes a ``Schema`` as Spark's JSON schema, the value of the
/// `org.apache.spark.sql.parquet.row.metadata` footer key.
///
/// Spark reads the key to restore exact types and nullability; Stream360's types are Spark's,
/// so the same text describes the Stream360 schema.
enum SparkSchemaJSON {
    static let key = "org.apache.spark.sql.parquet.row.metadata"

    static func encode(_ schema: Schema) -> String {
        structure(schema.fields)
    }

    private static func structure(_ fields: [Field]) -> String {
        let items = fields.map { field in
            "{\"name\":\(quoted(field.name)),\"type\":\(type(field.type)),\"nullable\":\(field.nullable),\"metadata\":{}}"
        }
        return "{\"type\":\"struct\",\"fields\":[" + items.joined(separator: ",") + "]}"
    }

    private static func type(_ type: DataType) -> String {
        switch type {
        case .string: "\"string\""
        case .int: "\"integer\""
        case .long: "\"long\""
        case .double: "\"double\""
        case .boolean: "\"boolean\""
        case .timestamp: "\"timestamp\""
        case .array(let element): "{\"type\":\"array\",\"elementType\":\(Self.type(element)),\"containsNull\":true}"
        case .structure(let fields): structure(fields)
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
