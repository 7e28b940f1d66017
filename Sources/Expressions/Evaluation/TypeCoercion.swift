public import Columnar

/// Spark's implicit type widening, for the types Stream360 supports.
public enum TypeCoercion {
    /// The narrowest numeric type both operands fit: int < bigint < double.
    public static func widerNumeric(_ a: DataType, _ b: DataType) -> DataType? {
        guard a.isNumeric, b.isNumeric else { return nil }
        if a == .double || b == .double { return .double }
        if a == .long || b == .long { return .long }
        return .int
    }

    /// The type both sides of a comparison are converted to before comparing.
    ///
    /// Equal types compare as they are; numbers widen; a string compared with a number or a
    /// timestamp is cast to the other side's type (Spark 3+ behaviour).
    public static func comparisonType(_ a: DataType, _ b: DataType) -> DataType? {
        if a == b { return a }
        if let wide = widerNumeric(a, b) { return wide }
        switch (a, b) {
        case (.string, let other) where other.isNumeric || other == .timestamp || other == .boolean: return other
        case (let other, .string) where other.isNumeric || other == .timestamp || other == .boolean: return other
        default: return nil
        }
    }

    /// The result type of `CASE` branches (or `coalesce` arguments): equal types stay,
    /// numbers widen, and a mix that includes a string becomes a string, as Spark coerces.
    public static func commonType(_ types: [DataType]) -> DataType? {
        guard var result = types.first else { return nil }
        for type in types.dropFirst() where type != result {
            if let wide = widerNumeric(result, type) {
                result = wide
            } else if result == .string || type == .string {
                result = .string
            } else {
                return nil
            }
        }
        return result
    }
}
