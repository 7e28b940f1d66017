public import Columnar
public import Expressions

/// Spark SQL's scalar functions, mapped to the engine's built-ins where it has them
/// (`lower`, `upper`, `trim`, `coalesce`, `regexp_replace`, `to_timestamp`, casts) and to
/// ``SQLScalarFunctions`` otherwise.
enum SQLFunctions {
    /// Every scalar function name, for "did you mean" suggestions.
    static let names: [String] = [
        "abs", "bigint", "boolean", "ceil", "ceiling", "char_length", "character_length", "coalesce", "concat", "concat_ws",
        "contains", "day", "dayofmonth", "double", "endswith", "exp", "element_at", "floor", "from_json", "get", "hour", "if", "ifnull",
        "initcap", "instr", "int", "isnotnull", "isnull", "keep_digits", "lcase", "length", "ln", "log10", "lower",
        "lpad", "ltrim", "minute", "month", "nullif", "nvl", "pow", "power", "regexp_extract", "regexp_replace",
        "replace", "round", "rpad", "rtrim", "second", "size", "split", "sqrt", "startswith", "string", "substr",
        "substring", "timestamp", "to_timestamp", "trim", "ucase", "unix_timestamp", "upper", "year",
    ] + SQLAggregates.names.sorted() + ["window", "explode"]

    static func compile(
        _ name: String, _ sqlArgs: [SQLExpression], at position: SQLPosition, in context: ExpressionContext, compiler: SQLCompiler
    ) throws(SQLError) -> Expression {
        let sql = compiler.sql
        let lower = name.lowercased()
        func arity(_ range: ClosedRange<Int>) throws(SQLError) {
            guard range.contains(sqlArgs.count) else {
                let expected = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
                throw SQLError(.type, "\(lower) takes \(expected) argument(s), not \(sqlArgs.count)", at: position, sql: sql)
            }
        }
        func args() throws(SQLError) -> [Expression] {
            var out: [Expression] = []
            for arg in sqlArgs { out.append(try compiler.compileExpression(arg, in: context)) }
            return out
        }
        func strings() throws(SQLError) -> [Expression] {
            var out: [Expression] = []
            for arg in sqlArgs { out.append(try compiler.stringOperand(arg, context)) }
            return out
        }
        func type(_ e: Expression, _ i: Int) throws(SQLError) -> DataType {
            try context.type(of: e, at: sqlArgs[i].position, compiler: compiler)
        }
        func stringLiteral(_ i: Int, _ what: String) throws(SQLError) -> String {
            guard case .literal(.string(let s), _) = sqlArgs[i] else {
                throw SQLError(.unsupported, "the \(what) of \(lower) must be a string literal", at: sqlArgs[i].position, sql: sql)
            }
            return s
        }
        func numeric(_ i: Int, _ e: Expression) throws(SQLError) -> (Expression, DataType) {
            let t = try type(e, i)
            if t.isNumeric { return (e, t) }
            if case .literal(.null, _) = e { return (.literal(.null, .double), .double) }
            if t == .string { return (.cast(e, .double), .double) }
            throw SQLError(.type, "\(lower) needs a number, and `\(SQLNames.display(sqlArgs[i]))` is \(t)", at: sqlArgs[i].position, sql: sql)
        }
        switch lower {
        case "lower", "lcase": try arity(1...1); return .function(.lower, try strings())
        case "upper", "ucase": try arity(1...1); return .function(.upper, try strings())
        case "trim": try arity(1...1); return .function(.trim, try strings())
        case "ltrim": try arity(1...1); return .user(SQLScalarFunctions.ltrim, try strings())
        case "rtrim": try arity(1...1); return .user(SQLScalarFunctions.rtrim, try strings())
        case "keep_digits": try arity(1...1); return .function(.keepDigits, try strings())
        case "coalesce", "nvl", "ifnull":
            try arity(lower == "coalesce" ? 1...64 : 2...2)
            return .function(.coalesce, try compiler.typedNulls(try args(), context, position))
        case "nullif":
            try arity(2...2)
            let a = try args()
            let t = try type(a[0], 0)
            return .caseWhen([(try compiler.binary("=", sqlArgs[0], sqlArgs[1], position, context), .literal(.null, t))], otherwise: a[0])
        case "if":
            try arity(3...3)
            let a = try args()
            let values = try compiler.typedNulls([a[1], a[2]], context, position)
            return .caseWhen([(try compiler.boolean(a[0], sqlArgs[0], context), values[0])], otherwise: values[1])
        case "isnull": try arity(1...1); return .isNull(try args()[0])
        case "isnotnull": try arity(1...1); return .isNotNull(try args()[0])
        case "regexp_replace":
            try arity(3...3)
            return .function(.regexpReplace(pattern: try stringLiteral(1, "pattern"), replacement: try stringLiteral(2, "replacement")), [try strings()[0]])
        case "regexp_extract": try arity(2...3); let a = try args(); return .user(SQLScalarFunctions.regexpExtract, [try compiler.stringOperand(sqlArgs[0], context)] + a.dropFirst())
        case "to_timestamp":
            try arity(1...2)
            if sqlArgs.count == 2 { return .function(.toTimestamp(pattern: try stringLiteral(1, "format")), [try strings()[0]]) }
            let a = try args()[0]
            return try compiler.cast(a, from: try type(a, 0), to: .timestamp, position)
        case "int", "bigint", "double", "string", "boolean", "timestamp":
            try arity(1...1)
            let target: DataType = ["int": .int, "bigint": .long, "double": .double, "string": .string, "boolean": .boolean][lower] ?? .timestamp
            let a = try args()[0]
            return try compiler.cast(a, from: try type(a, 0), to: target, position)
        case "unix_timestamp":
            try arity(1...1)
            let a = try args()[0]
            let t = try type(a, 0)
            return .cast(t == .timestamp ? a : .cast(a, .timestamp), .long)
        case "length", "char_length", "character_length": try arity(1...1); return .user(SQLScalarFunctions.length, try strings())
        case "substring", "substr":
            try arity(2...3)
            var a = try strings().prefix(1).map { $0 }
            for i in 1..<sqlArgs.count { a.append(try numeric(i, try compiler.compileExpression(sqlArgs[i], in: context)).0) }
            return .user(SQLScalarFunctions.substring, a)
        case "concat": try arity(1...64); return .user(SQLScalarFunctions.concat(sqlArgs.count), try strings())
        case "concat_ws": try arity(1...64); return .user(SQLScalarFunctions.concatWithSeparator, try strings())
        case "initcap": try arity(1...1); return .user(SQLScalarFunctions.initcap, try strings())
        case "replace": try arity(2...3); return .user(SQLScalarFunctions.replace, try strings())
        case "instr": try arity(2...2); return .user(SQLScalarFunctions.instr, try strings())
        case "lpad", "rpad":
            try arity(2...3)
            let s = try strings()
            let n = try numeric(1, try compiler.compileExpression(sqlArgs[1], in: context)).0
            return .user(SQLScalarFunctions.pad(left: lower == "lpad"), [s[0], n] + s.dropFirst(2))
        case "startswith": try arity(2...2); return .user(SQLScalarFunctions.predicate("startswith") { $0.hasPrefix($1) }, try strings())
        case "endswith": try arity(2...2); return .user(SQLScalarFunctions.predicate("endswith") { $0.hasSuffix($1) }, try strings())
        case "contains": try arity(2...2); return .user(SQLScalarFunctions.predicate("contains") { $1.isEmpty || $0.contains($1) }, try strings())
        case "split":
            try arity(2...2)
            return .user(SQLScalarFunctions.split, try strings())
        case "get", "element_at":
            // a[i] and get(a, i) count from 0, element_at(a, i) from 1; out of range is null.
            try arity(2...2)
            let a = try args()
            guard case .array(let element) = try type(a[0], 0) else {
                throw SQLError(.type, "\(lower) needs an array, and `\(SQLNames.display(sqlArgs[0]))` is \(try type(a[0], 0))", at: sqlArgs[0].position, sql: sql)
            }
            return .user(SQLScalarFunctions.element(element, base: lower == "element_at" ? 1 : 0), [a[0], try numeric(1, a[1]).0])
        case "size":
            try arity(1...1)
            return .user(SQLScalarFunctions.size, try args())
        case "abs":
            try arity(1...1)
            let (a, t) = try numeric(0, try args()[0])
            return .user(SQLScalarFunctions.abs(t), [a])
        case "round":
            try arity(1...2)
            var digits = 0
            if sqlArgs.count == 2 {
                guard case .literal(.integer(let d, _), _) = sqlArgs[1] else {
                    throw SQLError(.unsupported, "the scale of round must be an integer literal", at: sqlArgs[1].position, sql: sql)
                }
                digits = Int(d)
            }
            let (a, t) = try numeric(0, try args()[0])
            return .user(SQLScalarFunctions.round(t, digits: digits), [a])
        case "floor", "ceil", "ceiling":
            try arity(1...1)
            let (a, _) = try numeric(0, try args()[0])
            return .user(SQLScalarFunctions.floorCeil(lower, up: lower != "floor"), [a])
        case "sqrt", "exp", "ln", "log10":
            try arity(1...1)
            let (a, _) = try numeric(0, try args()[0])
            let f: @Sendable (Double, Double?) -> Double? = switch lower {
            case "sqrt": { x, _ in x.squareRoot() }
            case "exp": { x, _ in SQLMath.exponential(x) }
            case "ln": { x, _ in x <= 0 ? nil : SQLMath.naturalLog(x) }
            default: { x, _ in x <= 0 ? nil : SQLMath.naturalLog(x) / SQLMath.naturalLog(10) }
            }
            return .user(SQLScalarFunctions.math(lower, f), [a])
        case "pow", "power":
            try arity(2...2)
            let a = try args()
            return .user(SQLScalarFunctions.math(lower) { x, y in y.map { SQLMath.power(x, $0) } }, [try numeric(0, a[0]).0, try numeric(1, a[1]).0])
        case "year", "month", "day", "dayofmonth", "hour", "minute", "second":
            try arity(1...1)
            var a = try args()[0]
            if try type(a, 0) == .string { a = .cast(a, .timestamp) }
            let part: @Sendable (Int64) -> Int64 = switch lower {
            case "year": { SQLScalarFunctions.civil($0).year }
            case "month": { SQLScalarFunctions.civil($0).month }
            case "day", "dayofmonth": { SQLScalarFunctions.civil($0).day }
            case "hour": { SQLScalarFunctions.civil($0).seconds / 3600 }
            case "minute": { SQLScalarFunctions.civil($0).seconds / 60 % 60 }
            default: { SQLScalarFunctions.civil($0).seconds % 60 }
            }
            return .user(SQLScalarFunctions.timePart(lower, part), [a])
        case "from_json":
            try arity(2...2)
            let schema: DataType
            do {
                schema = try SQLParser.parseSchema(try stringLiteral(1, "schema"))
            } catch {
                throw SQLError(.syntax, "the schema of from_json is not a DDL schema: \(error.message)", at: sqlArgs[1].position, sql: sql)
            }
            switch schema {
            case .structure, .array(.structure): break
            default:
                throw SQLError(.unsupported, "from_json supports a struct or array<struct<…>> schema, not \(schema)", at: sqlArgs[1].position, sql: sql)
            }
            return .user(SQLScalarFunctions.fromJSON(schema), [try compiler.stringOperand(sqlArgs[0], context)])
        case "window":
            throw SQLError(.unsupported, "window(…) is only allowed in GROUP BY (then select window.start, window.end)", at: position, sql: sql)
        case "explode", "explode_outer":
            throw SQLError(.unsupported, "explode(…) is only allowed as a select item of its own", at: position, sql: sql)
        default:
            throw SQLError(
                .resolution, "function `\(name)` does not exist\(NameSuggestion.hint(for: lower, in: names)) (see Sources/StreamSQL/README.md for the functions)",
                at: position, sql: sql)
        }
    }
}
