public import Columnar
public import StreamOperators

/// The aggregate functions SQL can call, mapped to the engine's ``AggregateFunction``s.
enum SQLAggregates {
    static let names: Set<String> = [
        "sum", "count", "avg", "mean", "min", "max", "first", "first_value", "last", "last_value", "any_value",
        "approx_count_distinct", "percentile", "percentile_approx", "approx_percentile",
        "collect_list", "collect_set", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop",
        "count_if", "bool_and", "bool_or", "every", "some", "any", "median", "mode", "corr", "covar_pop", "covar_samp",
    ]
    /// Aggregates Spark has and the engine does not (yet).
    static let unsupported: Set<String> = [
        "collect_list", "collect_set", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop",
        "count_if", "bool_and", "bool_or", "every", "some", "any", "median", "mode", "corr", "covar_pop", "covar_samp",
    ]

    static func isAggregate(_ name: String) -> Bool { names.contains(name.lowercased()) }

    /// The engine function for `name(args)`; `args` are the SQL arguments (literals read here).
    static func function(
        _ name: String, _ args: [SQLExpression], distinct: Bool, at position: SQLPosition, sql: String
    ) throws(SQLError) -> AggregateFunction {
        let lower = name.lowercased()
        if unsupported.contains(lower) {
            throw SQLError(.unsupported, "aggregate function \(lower) is not implemented yet; the aggregates are sum, count, avg, min, max, first, last, approx_count_distinct, percentile, percentile_approx", at: position, sql: sql)
        }
        func literalDouble(_ index: Int, default value: Double?) throws(SQLError) -> Double {
            guard index < args.count else {
                if let value { return value }
                throw SQLError(.type, "\(lower) needs \(index + 1) arguments", at: position, sql: sql)
            }
            switch args[index] {
            case .literal(.double(let d), _): return d
            case .literal(.integer(let i, _), _): return Double(i)
            default: throw SQLError(.unsupported, "argument \(index + 1) of \(lower) must be a number literal", at: args[index].position, sql: sql)
            }
        }
        if distinct && lower != "count" {
            throw SQLError(.unsupported, "\(lower)(DISTINCT …) is not implemented yet; only count(DISTINCT …) is", at: position, sql: sql)
        }
        let expected: ClosedRange<Int> = switch lower {
        case "count": 1...1
        case "approx_count_distinct": 1...2
        case "percentile": 2...2
        case "percentile_approx", "approx_percentile": 2...3
        default: 1...1
        }
        guard expected.contains(args.count) else {
            throw SQLError(.type, "\(lower) takes \(expected.lowerBound == expected.upperBound ? "\(expected.lowerBound)" : "\(expected.lowerBound) to \(expected.upperBound)") argument(s), not \(args.count)", at: position, sql: sql)
        }
        switch lower {
        case "sum": return .sum
        case "count":
            if case .star = args[0] { return .countAll }
            return distinct ? .countDistinct : .count
        case "avg", "mean": return .avg
        case "min": return .min
        case "max": return .max
        case "first", "first_value", "any_value": return .first
        case "last", "last_value": return .last
        case "approx_count_distinct": return .approxCountDistinct(relativeSD: try literalDouble(1, default: 0.05))
        case "percentile":
            let p = try literalDouble(1, default: nil)
            guard (0...1).contains(p) else { throw SQLError(.type, "the percentage must be between 0 and 1, not \(p)", at: args[1].position, sql: sql) }
            return .percentile(p)
        default:
            let p = try literalDouble(1, default: nil)
            guard (0...1).contains(p) else { throw SQLError(.type, "the percentage must be between 0 and 1, not \(p)", at: args[1].position, sql: sql) }
            return .percentileApprox(p, accuracy: Int(try literalDouble(2, default: 10000)))
        }
    }

    /// Whether the function needs numbers (a string argument is cast to double, as Spark does).
    static func needsNumbers(_ function: AggregateFunction) -> Bool {
        switch function {
        case .sum, .avg, .percentile, .percentileApprox: true
        default: false
        }
    }

    /// The value of an aggregate over no rows (a global aggregate of an empty table).
    static func emptyValue(_ function: AggregateFunction) -> Scalar {
        switch function {
        case .count, .countAll, .countDistinct, .approxCountDistinct: .long(0)
        default: .null
        }
    }
}
