/// The unit of a `TIMESTAMP` or `TIME` logical type.
enum TimeUnit: Sendable, Equatable {
    case millis, micros, nanos
}

/// The subset of Parquet's `LogicalType` union that Stream360 interprets; others are kept as `other`.
enum LogicalType: Sendable, Equatable {
    case string
    case map
    case list
    case enumeration
    case date
    case timestamp(isAdjustedToUTC: Bool, unit: TimeUnit)
    case integer(bitWidth: Int8, isSigned: Bool)
    case json
    case other(fieldId: Int16)

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> LogicalType {
        var result = LogicalType.other(fieldId: 0)
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: result = .string; try r.skip(type)
            case 2: result = .map; try r.skip(type)
            case 3: result = .list; try r.skip(type)
            case 4: result = .enumeration; try r.skip(type)
            case 6: result = .date; try r.skip(type)
            case 8: result = try readTimestamp(&r)
            case 10: result = try readInteger(&r)
            case 12: result = .json; try r.skip(type)
            default: result = .other(fieldId: id); try r.skip(type)
            }
        }
        return result
    }

    private static func readTimestamp(_ r: inout ThriftCompactReader) throws(ThriftError) -> LogicalType {
        var adjusted = false
        var unit = TimeUnit.micros
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: adjusted = r.boolValue(type)
            case 2:
                try r.forEachField { r, unitId, unitType throws(ThriftError) in
                    unit = unitId == 1 ? .millis : unitId == 3 ? .nanos : .micros
                    try r.skip(unitType)
                }
            default: try r.skip(type)
            }
        }
        return .timestamp(isAdjustedToUTC: adjusted, unit: unit)
    }

    private static func readInteger(_ r: inout ThriftCompactReader) throws(ThriftError) -> LogicalType {
        var width: Int8 = 32
        var signed = true
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: width = Int8(truncatingIfNeeded: try r.readByte())
            case 2: signed = r.boolValue(type)
            default: try r.skip(type)
            }
        }
        return .integer(bitWidth: width, isSigned: signed)
    }

    /// Writes the union's fields (the caller opened the structure).
    func write(_ w: inout ThriftCompactWriter) {
        switch self {
        case .string: w.structure(1) { _ in }
        case .map: w.structure(2) { _ in }
        case .list: w.structure(3) { _ in }
        case .enumeration: w.structure(4) { _ in }
        case .date: w.structure(6) { _ in }
        case .timestamp(let adjusted, let unit):
            w.structure(8) { w in
                w.bool(1, adjusted)
                w.structure(2) { w in
                    switch unit {
                    case .millis: w.structure(1) { _ in }
                    case .micros: w.structure(2) { _ in }
                    case .nanos: w.structure(3) { _ in }
                    }
                }
            }
        case .integer(let width, let signed):
            w.structure(10) { w in
                w.byteField(1, UInt8(bitPattern: width))
                w.bool(2, signed)
            }
        case .json: w.structure(12) { _ in }
        case .other: break
        }
    }
}
