import Columnar

/// Combines validity bitmaps of operands: a result row is valid when every operand row is.
enum Validity {
    static func intersect(_ a: ValidityBitmap?, _ b: ValidityBitmap?) -> ValidityBitmap? {
        guard let a else { return b }
        guard let b else { return a }
        var result = ValidityBitmap()
        result.reserveCapacity(a.count)
        for row in 0..<a.count { result.append(a.isValid(row) && b.isValid(row)) }
        return result
    }

    /// A bitmap from a per-row predicate, or nil when every row is valid.
    static func from(count: Int, isValid: (Int) -> Bool) -> ValidityBitmap? {
        var bits = ValidityBitmap()
        bits.reserveCapacity(count)
        var anyNull = false
        for row in 0..<count {
            let valid = isValid(row)
            anyNull = anyNull || !valid
            bits.append(valid)
        }
        return anyNull ? bits : nil
    }
}
