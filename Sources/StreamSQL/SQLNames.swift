import Columnar

/// The column names Spark generates for unaliased select items (`count(1)`, `(a + b)`,
/// `CAST(x AS INT)`, `upper(name)`), approximately: Spark prints the analysed expression.
enum SQLNames {
    static func display(_ expression: SQLExpression) -> String {
        switch expression {
        case .identifier(let parts, _): return parts.last ?? ""
        case .star(let q, _): return (q + ["*"]).joined(separator: ".")
        case .literal(let literal, _):
            switch literal {
            case .null: return "NULL"
            case .boolean(let b): return b ? "true" : "false"
            case .integer(let v, let isLong): return isLong && v <= Int64(Int32.max) && v >= Int64(Int32.min) ? "\(v)L" : "\(v)"
            case .double(let d): return "\(d)"
            case .string(let s): return s
            case .timestamp(let s): return "TIMESTAMP '\(s)'"
            }
        case .unary(let op, let e, _): return op == "NOT" ? "(NOT \(display(e)))" : "(- \(display(e)))"
        case .binary(let op, let l, let r, _): return "(\(display(l)) \(op) \(display(r)))"
        case .isNull(let e, let n, _): return "(\(display(e)) IS \(n ? "NOT " : "")NULL)"
        case .between(let e, let lo, let hi, let n, _):
            return "(\(n ? "NOT " : "")(\(display(e)) >= \(display(lo))) AND (\(display(e)) <= \(display(hi))))"
        case .inList(let e, let list, let n, _): return "(\(n ? "NOT " : "")\(display(e)) IN (\(list.map(display).joined(separator: ", "))))"
        case .like(let e, let p, let n, let r, _): return "\(n ? "NOT " : "")\(display(e)) \(r ? "RLIKE" : "LIKE") \(display(p))"
        case .caseWhen(let operand, let branches, let otherwise, _):
            return "CASE " + (operand.map { display($0) + " " } ?? "")
                + branches.map { "WHEN \(display($0.condition)) THEN \(display($0.value))" }.joined(separator: " ")
                + (otherwise.map { " ELSE \(display($0))" } ?? "") + " END"
        case .cast(let e, let t, _): return "CAST(\(display(e)) AS \(t.description.uppercased()))"
        case .function(let name, let args, let distinct, _):
            let shown = args.map { arg -> String in
                if case .star = arg { return name.lowercased() == "count" ? "1" : "*" }
                return display(arg)
            }
            return "\(name.lowercased())(\(distinct ? "DISTINCT " : "")\(shown.joined(separator: ", ")))"
        case .field(let e, let name, _): return "\(display(e)).\(name)"
        }
    }
}
