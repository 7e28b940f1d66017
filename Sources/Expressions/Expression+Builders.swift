public import Columnar

/// A reference to the column called `name`.
public func col(_ name: String) -> Expression { .column(name) }

/// A string literal.
public func lit(_ value: String) -> Expression { .literal(.string(value), .string) }
/// An `int` literal.
public func lit(_ value: Int32) -> Expression { .literal(.int(value), .int) }
/// A `bigint` literal.
public func lit(_ value: Int64) -> Expression { .literal(.long(value), .long) }
/// A `double` literal.
public func lit(_ value: Double) -> Expression { .literal(.double(value), .double) }
/// A `boolean` literal.
public func lit(_ value: Bool) -> Expression { .literal(.boolean(value), .boolean) }
/// A typed null.
public func nullLiteral(_ type: DataType) -> Expression { .literal(.null, type) }

/// Starts a `CASE WHEN`; finish with `.when(…)` and `.otherwise(…)`.
public func when(_ condition: Expression, _ value: Expression) -> Expression {
    .caseWhen([(condition, value)], otherwise: nil)
}

/// The digits of a string, as the seed's cleaning UDF keeps them.
public func keepDigits(_ e: Expression) -> Expression { .function(.keepDigits, [e]) }
/// `regexp_replace(e, pattern, replacement)`.
public func regexpReplace(_ e: Expression, _ pattern: String, _ replacement: String) -> Expression {
    .function(.regexpReplace(pattern: pattern, replacement: replacement), [e])
}
public func lower(_ e: Expression) -> Expression { .function(.lower, [e]) }
public func upper(_ e: Expression) -> Expression { .function(.upper, [e]) }
public func trim(_ e: Expression) -> Expression { .function(.trim, [e]) }
public func coalesce(_ args: Expression...) -> Expression { .function(.coalesce, args) }
/// `to_timestamp(e, pattern)`, e.g. `toTimestamp(col("datetime"), "yyyy-MM-dd HH:mm:ss")`.
public func toTimestamp(_ e: Expression, _ pattern: String) -> Expression { .function(.toTimestamp(pattern: pattern), [e]) }

extension Expression {
    public func alias(_ name: String) -> Expression { .alias(self, name) }
    public func cast(_ type: DataType) -> Expression { .cast(self, type) }
    public func isNull() -> Expression { .isNull(self) }
    public func isNotNull() -> Expression { .isNotNull(self) }
    /// `self BETWEEN low AND high`, inclusive on both ends as in SQL.
    public func between(_ low: Expression, _ high: Expression) -> Expression {
        .and(.comparison(.greaterOrEqual, self, low), .comparison(.lessOrEqual, self, high))
    }

    /// Adds a `WHEN` branch to a `CASE` expression.
    public func when(_ condition: Expression, _ value: Expression) -> Expression {
        guard case .caseWhen(let branches, nil) = self else {
            preconditionFailure("when(...) follows when(...), not \(self)")
        }
        return .caseWhen(branches + [(condition, value)], otherwise: nil)
    }

    /// Closes a `CASE` expression with its `ELSE` value.
    public func otherwise(_ value: Expression) -> Expression {
        guard case .caseWhen(let branches, nil) = self else {
            preconditionFailure("otherwise(...) follows when(...), not \(self)")
        }
        return .caseWhen(branches, otherwise: value)
    }

    public static func + (l: Expression, r: Expression) -> Expression { .arithmetic(.add, l, r) }
    public static func - (l: Expression, r: Expression) -> Expression { .arithmetic(.subtract, l, r) }
    public static func * (l: Expression, r: Expression) -> Expression { .arithmetic(.multiply, l, r) }
    public static func / (l: Expression, r: Expression) -> Expression { .arithmetic(.divide, l, r) }
    public static func == (l: Expression, r: Expression) -> Expression { .comparison(.equal, l, r) }
    public static func != (l: Expression, r: Expression) -> Expression { .comparison(.notEqual, l, r) }
    public static func < (l: Expression, r: Expression) -> Expression { .comparison(.less, l, r) }
    public static func <= (l: Expression, r: Expression) -> Expression { .comparison(.lessOrEqual, l, r) }
    public static func > (l: Expression, r: Expression) -> Expression { .comparison(.greater, l, r) }
    public static func >= (l: Expression, r: Expression) -> Expression { .comparison(.greaterOrEqual, l, r) }
    public static func && (l: Expression, r: Expression) -> Expression { .and(l, r) }
    public static func || (l: Expression, r: Expression) -> Expression { .or(l, r) }
    public static prefix func ! (e: Expression) -> Expression { .not(e) }
}
