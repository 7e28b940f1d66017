public import Columnar

/// A literal value as written in SQL.
public enum SQLLiteral: Sendable, Hashable {
    case null
    case boolean(Bool)
    /// An integer literal: `int` when it fits 32 bits and has no `L` suffix, else `bigint` (Spark's rule).
    case integer(Int64, isLong: Bool)
    /// A number with a fraction or exponent. Spark types `1.5` as a decimal; Stream360 has no
    /// decimal type and uses a double.
    case double(Double)
    case string(String)
    /// `TIMESTAMP '2024-01-01 00:00:00'`: the text, cast to timestamp when compiled.
    case timestamp(String)
}

/// A SQL scalar expression as parsed, before names are resolved. Every case carries the
/// position of its first token, for error messages.
public indirect enum SQLExpression: Sendable {
    /// A name, possibly qualified or a path into a struct: `age`, `c.age`, `window.start`.
    case identifier([String], SQLPosition)
    /// `*` or `alias.*` (in a select list, or as the argument of `count(*)`).
    case star(qualifier: [String], SQLPosition)
    case literal(SQLLiteral, SQLPosition)
    /// `-x`, `+x`, `NOT x`.
    case unary(String, SQLExpression, SQLPosition)
    /// Arithmetic (`+ - * / % ||`), comparison (`= <> < <= > >= <=>`) and logic (`AND`, `OR`);
    /// the operator is normalized (`==` → `=`, `!=` → `<>`, keywords upper case).
    case binary(String, SQLExpression, SQLExpression, SQLPosition)
    case isNull(SQLExpression, negated: Bool, SQLPosition)
    case between(SQLExpression, low: SQLExpression, high: SQLExpression, negated: Bool, SQLPosition)
    case inList(SQLExpression, [SQLExpression], negated: Bool, SQLPosition)
    /// `LIKE` (SQL wildcards) or `RLIKE` (a regular expression).
    case like(SQLExpression, pattern: SQLExpression, negated: Bool, regex: Bool, SQLPosition)
    /// Searched (`operand` nil) or simple `CASE`.
    case caseWhen(operand: SQLExpression?, branches: [SQLWhen], otherwise: SQLExpression?, SQLPosition)
    case cast(SQLExpression, DataType, SQLPosition)
    /// A function call; `distinct` for `count(DISTINCT x)`.
    case function(String, [SQLExpression], distinct: Bool, SQLPosition)
    /// A field of a struct-valued expression: `from_json(v, 's STRING').s`.
    case field(SQLExpression, String, SQLPosition)

    /// Where the expression starts.
    public var position: SQLPosition {
        switch self {
        case .identifier(_, let p), .star(_, let p), .literal(_, let p), .unary(_, _, let p), .binary(_, _, _, let p),
             .isNull(_, _, let p), .between(_, _, _, _, let p), .inList(_, _, _, let p), .like(_, _, _, _, let p),
             .caseWhen(_, _, _, let p), .cast(_, _, let p), .function(_, _, _, let p), .field(_, _, let p):
            p
        }
    }

    /// A canonical text of the expression, ignoring positions and the case of names: two
    /// expressions with the same key are the same expression (GROUP BY matching).
    public var key: String {
        switch self {
        case .identifier(let parts, _): parts.map { $0.lowercased() }.joined(separator: ".")
        case .star(let q, _): (q.map { $0.lowercased() } + ["*"]).joined(separator: ".")
        case .literal(let l, _):
            switch l {
            case .null: "NULL"
            case .boolean(let b): b ? "TRUE" : "FALSE"
            case .integer(let v, let isLong): isLong ? "\(v)L" : "\(v)"
            case .double(let d): "\(d)D"
            case .string(let s): "'" + s + "'"
            case .timestamp(let s): "TIMESTAMP '" + s + "'"
            }
        case .unary(let op, let e, _): "(\(op) \(e.key))"
        case .binary(let op, let l, let r, _): "(\(l.key) \(op) \(r.key))"
        case .isNull(let e, let n, _): "(\(e.key) IS \(n ? "NOT " : "")NULL)"
        case .between(let e, let lo, let hi, let n, _): "(\(e.key) \(n ? "NOT " : "")BETWEEN \(lo.key) AND \(hi.key))"
        case .inList(let e, let list, let n, _): "(\(e.key) \(n ? "NOT " : "")IN (\(list.map(\.key).joined(separator: ","))))"
        case .like(let e, let p, let n, let r, _): "(\(e.key) \(n ? "NOT " : "")\(r ? "RLIKE" : "LIKE") \(p.key))"
        case .caseWhen(let operand, let branches, let otherwise, _):
            "CASE \(operand?.key ?? "") " + branches.map { "WHEN \($0.condition.key) THEN \($0.value.key)" }.joined(separator: " ")
                + " ELSE \(otherwise?.key ?? "") END"
        case .cast(let e, let t, _): "CAST(\(e.key) AS \(t))"
        case .function(let name, let args, let d, _): "\(name.lowercased())(\(d ? "DISTINCT " : "")\(args.map(\.key).joined(separator: ",")))"
        case .field(let e, let name, _): "\(e.key).\(name.lowercased())"
        }
    }

    /// The sub-expressions, for walks.
    public var children: [SQLExpression] {
        switch self {
        case .identifier, .star, .literal: []
        case .unary(_, let e, _), .isNull(let e, _, _), .cast(let e, _, _), .field(let e, _, _): [e]
        case .binary(_, let l, let r, _): [l, r]
        case .between(let e, let lo, let hi, _, _): [e, lo, hi]
        case .inList(let e, let list, _, _): [e] + list
        case .like(let e, let p, _, _, _): [e, p]
        case .caseWhen(let operand, let branches, let otherwise, _):
            (operand.map { [$0] } ?? []) + branches.flatMap { [$0.condition, $0.value] } + (otherwise.map { [$0] } ?? [])
        case .function(_, let args, _, _): args
        }
    }
}

/// One `WHEN condition THEN value` of a `CASE`.
public struct SQLWhen: Sendable {
    public var condition: SQLExpression
    public var value: SQLExpression
}
