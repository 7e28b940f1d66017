public import Columnar
public import Expressions
public import StreamPlan

/// What an expression is compiled against: the visible columns, the DataFrame holding them
/// (for types), and after a GROUP BY the grouped and aggregated expressions.
struct ExpressionContext {
    var scope: SQLScope
    var frame: DataFrame
    var substitutions: AggregateSubstitutions?

    func type(of expression: Expression, at position: SQLPosition, compiler: SQLCompiler) throws(SQLError) -> DataType {
        do {
            return try ExpressionEvaluator(resolution: .caseInsensitive).dataType(of: expression, in: frame.schema)
        } catch {
            throw SQLError(.type, compiler.readable(error.description), at: position, sql: compiler.sql)
        }
    }
}

/// After a GROUP BY: expression keys (resolved) → the internal column holding their value.
struct AggregateSubstitutions {
    var byKey: [String: (internalName: String, type: DataType)]
    /// What `*` means after grouping (the group keys).
    var visible: [SQLScope.Column]
    /// The scope before grouping, to tell "not grouped" from "does not exist".
    var inputScope: SQLScope
}

extension SQLCompiler {
    static let comparisonOperators: [String: ComparisonOperator] = [
        "=": .equal, "<>": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual, "<=>": .equalNullSafe,
    ]
    static let arithmeticOperators: [String: ArithmeticOperator] = ["+": .add, "-": .subtract, "*": .multiply, "/": .divide, "%": .remainder]

    /// A predicate for WHERE, HAVING or ON: must be boolean.
    func booleanCondition(_ expression: SQLExpression, in context: ExpressionContext, clause: String) throws(SQLError) -> Expression {
        let compiled = try compileExpression(expression, in: context)
        let type = try context.type(of: compiled, at: expression.position, compiler: self)
        if type == .boolean { return compiled }
        if type == .string { return .cast(compiled, .boolean) }
        throw SQLError(.type, "the \(clause) condition `\(SQLNames.display(expression))` is \(type), not boolean", at: expression.position, sql: sql)
    }

    /// The canonical key of `expression` with names resolved against `scope`, so that
    /// `t.state` and `STATE` are the same grouping expression.
    func resolvedKey(_ expression: SQLExpression, in scope: SQLScope) -> String {
        switch expression {
        case .identifier(let parts, let position):
            if let resolved = try? scope.resolve(parts, at: position, sql: sql) { return resolved.path }
            return expression.key
        case .function(let name, let args, let distinct, _):
            return "\(name.lowercased())(\(distinct ? "DISTINCT " : "")\(args.map { resolvedKey($0, in: scope) }.joined(separator: ",")))"
        default:
            guard !expression.children.isEmpty else { return expression.key }
            // Positions are irrelevant; children resolved, the node's own shape from its key template.
            return expression.key + "|" + expression.children.map { resolvedKey($0, in: scope) }.joined(separator: "|")
        }
    }

    func compileExpression(_ expression: SQLExpression, in context: ExpressionContext) throws(SQLError) -> Expression {
        if let substitutions = context.substitutions {
            if let hit = substitutions.byKey[resolvedKey(expression, in: substitutions.inputScope)] {
                return .column(hit.internalName)
            }
        }
        switch expression {
        case .identifier(let parts, let position):
            if let substitutions = context.substitutions {
                let grouped = SQLScope(columns: substitutions.visible)
                if let resolved = try? grouped.resolve(parts, at: position, sql: sql) { return .column(resolved.path) }
                if (try? substitutions.inputScope.resolve(parts, at: position, sql: sql)) != nil {
                    throw SQLError(
                        .resolution, "`\(parts.joined(separator: "."))` is neither in GROUP BY nor inside an aggregate function; add it to GROUP BY or wrap it in an aggregate such as first(…)",
                        at: position, sql: sql)
                }
                _ = try substitutions.inputScope.resolve(parts, at: position, sql: sql)
            }
            return .column(try context.scope.resolve(parts, at: position, sql: sql).path)
        case .star(_, let position):
            throw SQLError(.syntax, "`*` is only allowed in a select list or as count(*)", at: position, sql: sql)
        case .literal(let literal, _):
            return Self.literal(literal)
        case .unary(let op, let operand, let position):
            let inner = try compileExpression(operand, in: context)
            if op == "NOT" { return .not(try boolean(inner, operand, context)) }
            let type = try context.type(of: inner, at: position, compiler: self)
            let numeric = try numericOperand(inner, type: type, operand, position)
            let numericType = type.isNumeric ? type : .double
            return .arithmetic(.multiply, numeric, .literal(numericType == .int ? .int(-1) : numericType == .long ? .long(-1) : .double(-1), numericType))
        case .binary(let op, let l, let r, let position):
            return try binary(op, l, r, position, context)
        case .isNull(let operand, let negated, _):
            let inner = try compileExpression(operand, in: context)
            return negated ? .isNotNull(inner) : .isNull(inner)
        case .between(let operand, let low, let high, let negated, let position):
            let test = Expression.and(
                try binary(">=", operand, low, position, context), try binary("<=", operand, high, position, context))
            return negated ? .not(test) : test
        case .inList(let operand, let list, let negated, let position):
            var test: Expression?
            for item in list {
                let equal = try binary("=", operand, item, position, context)
                test = test.map { .or($0, equal) } ?? equal
            }
            guard let test else { throw SQLError(.syntax, "IN needs at least one value", at: position, sql: sql) }
            return negated ? .not(test) : test
        case .like(let operand, let pattern, let negated, let regex, let position):
            let args = [try stringOperand(operand, context), try stringOperand(pattern, context)]
            let test = Expression.user(regex ? SQLScalarFunctions.rlike : SQLScalarFunctions.like, args)
            _ = position
            return negated ? .not(test) : test
        case .caseWhen(let operand, let branches, let otherwise, let position):
            var compiledBranches: [(condition: Expression, value: Expression)] = []
            for branch in branches {
                let condition: Expression
                if let operand {
                    condition = try binary("=", operand, branch.condition, branch.condition.position, context)
                } else {
                    condition = try boolean(try compileExpression(branch.condition, in: context), branch.condition, context)
                }
                compiledBranches.append((condition, try compileExpression(branch.value, in: context)))
            }
            let fallback = try otherwise.map { e throws(SQLError) in try compileExpression(e, in: context) }
            let values = try typedNulls(compiledBranches.map(\.value) + (fallback.map { [$0] } ?? []), context, position)
            let typedBranches = zip(compiledBranches, values).map { (condition: $0.0.condition, value: $0.1) }
            return .caseWhen(typedBranches, otherwise: fallback == nil ? nil : values.last)
        case .cast(let operand, let type, let position):
            let inner = try compileExpression(operand, in: context)
            if case .literal(.null, _) = inner { return .literal(.null, type) }
            let from = try context.type(of: inner, at: position, compiler: self)
            return try cast(inner, from: from, to: type, position)
        case .function(let name, let args, let distinct, let position):
            if SQLAggregates.isAggregate(name) {
                throw SQLError(
                    .resolution, "aggregate function \(name)(…) is not allowed here (aggregates belong in the select list, HAVING or ORDER BY of a grouped query)",
                    at: position, sql: sql)
            }
            if distinct { throw SQLError(.syntax, "DISTINCT is only allowed inside aggregate functions", at: position, sql: sql) }
            return try SQLFunctions.compile(name, args, at: position, in: context, compiler: self)
        case .field(let base, let name, let position):
            // A field of a computed struct: project it first through a user function.
            let inner = try compileExpression(base, in: context)
            let type = try context.type(of: inner, at: position, compiler: self)
            guard case .structure(let fields) = type, let index = fields.firstIndex(where: { $0.name.equalsIgnoringCase(name) }) else {
                let names = if case .structure(let fields) = type { fields.map(\.name) } else { [String]() }
                throw SQLError(.resolution, "`\(SQLNames.display(base))` has no field `\(name)`\(NameSuggestion.hint(for: name, in: names))", at: position, sql: sql)
            }
            return .user(SQLScalarFunctions.field(index, fields[index]), [inner])
        }
    }

    static func literal(_ literal: SQLLiteral) -> Expression {
        switch literal {
        case .null: .literal(.null, .string)
        case .boolean(let v): lit(v)
        case .integer(let v, let isLong): isLong ? lit(v) : lit(Int32(v))
        case .double(let v): lit(v)
        case .string(let v): lit(v)
        case .timestamp(let text): .cast(lit(text), .timestamp)
        }
    }

    /// Spark's non-ANSI casts, plus the pairs the cast kernel lacks (timestamp ↔ int, string ↔ struct).
    func cast(_ inner: Expression, from: DataType, to type: DataType, _ position: SQLPosition) throws(SQLError) -> Expression {
        if from == type { return inner }
        switch (from, type) {
        case (.timestamp, .int): return .cast(.cast(inner, .long), .int)
        case (.timestamp, .boolean), (.boolean, .timestamp):
            throw SQLError(.type, "cannot cast \(from) to \(type)", at: position, sql: sql)
        case (.double, .timestamp):
            return .user(SQLScalarFunctions.secondsToTimestamp, [inner])
        case (.array, .string), (.structure, .string):
            return .user(SQLScalarFunctions.render, [inner])
        case (.array, _), (.structure, _), (_, .array), (_, .structure):
            throw SQLError(.unsupported, "casting \(from) to \(type) is not implemented", at: position, sql: sql)
        default: return .cast(inner, type)
        }
    }

    func boolean(_ compiled: Expression, _ source: SQLExpression, _ context: ExpressionContext) throws(SQLError) -> Expression {
        let type = try context.type(of: compiled, at: source.position, compiler: self)
        switch type {
        case .boolean: return compiled
        case .string: return .cast(compiled, .boolean)
        default:
            if case .literal(.null, _) = compiled { return .literal(.null, .boolean) }
            throw SQLError(.type, "`\(SQLNames.display(source))` is \(type), not boolean", at: source.position, sql: sql)
        }
    }

    func stringOperand(_ source: SQLExpression, _ context: ExpressionContext) throws(SQLError) -> Expression {
        let compiled = try compileExpression(source, in: context)
        let type = try context.type(of: compiled, at: source.position, compiler: self)
        return type == .string ? compiled : try cast(compiled, from: type, to: .string, source.position)
    }

    /// Spark's arithmetic coercion: a string operand becomes a double.
    func numericOperand(_ compiled: Expression, type: DataType, _ source: SQLExpression, _ position: SQLPosition) throws(SQLError) -> Expression {
        if type.isNumeric { return compiled }
        if case .literal(.null, _) = compiled { return .literal(.null, .int) }
        if type == .string { return .cast(compiled, .double) }
        throw SQLError(.type, "`\(SQLNames.display(source))` is \(type); arithmetic needs numbers", at: source.position, sql: sql)
    }

    /// Null literals retyped to the common type of the others (Spark's NullType coercion).
    func typedNulls(_ values: [Expression], _ context: ExpressionContext, _ position: SQLPosition) throws(SQLError) -> [Expression] {
        var types: [DataType] = []
        for value in values {
            if case .literal(.null, _) = value { continue }
            types.append(try context.type(of: value, at: position, compiler: self))
        }
        guard let common = TypeCoercion.commonType(types) ?? (types.isEmpty ? .string : nil) else {
            throw SQLError(.type, "the values have types \(types.map(\.description).joined(separator: ", ")) with no common type", at: position, sql: sql)
        }
        return values.map { value in
            if case .literal(.null, _) = value { return .literal(.null, common) }
            return value
        }
    }

    func binary(_ op: String, _ l: SQLExpression, _ r: SQLExpression, _ position: SQLPosition, _ context: ExpressionContext) throws(SQLError) -> Expression {
        var left = try compileExpression(l, in: context)
        var right = try compileExpression(r, in: context)
        switch op {
        case "AND": return .and(try boolean(left, l, context), try boolean(right, r, context))
        case "OR": return .or(try boolean(left, l, context), try boolean(right, r, context))
        case "||":
            return .user(SQLScalarFunctions.concat(2), [try stringOperand(l, context), try stringOperand(r, context)])
        default: break
        }
        let typed = try typedNulls([left, right], context, position)
        (left, right) = (typed[0], typed[1])
        var lt = try context.type(of: left, at: l.position, compiler: self)
        var rt = try context.type(of: right, at: r.position, compiler: self)
        if let comparison = Self.comparisonOperators[op] {
            // Spark compares a timestamp with a string by casting the string; numbers with
            // booleans by casting the boolean.
            if lt == .boolean && rt.isNumeric { left = .cast(left, rt); lt = rt }
            if rt == .boolean && lt.isNumeric { right = .cast(right, lt); rt = lt }
            guard TypeCoercion.comparisonType(lt, rt) != nil else {
                throw SQLError(.type, "cannot compare \(lt) with \(rt) in `\(SQLNames.display(.binary(op, l, r, position)))`", at: position, sql: sql)
            }
            return .comparison(comparison, left, right)
        }
        left = try numericOperand(left, type: lt, l, position)
        right = try numericOperand(right, type: rt, r, position)
        if op == "DIV" {
            return .cast(.user(SQLScalarFunctions.truncate, [.arithmetic(.divide, left, right)]), .long)
        }
        guard let arithmetic = Self.arithmeticOperators[op] else {
            throw SQLError(.unsupported, "operator \(op) is not implemented", at: position, sql: sql)
        }
        return .arithmetic(arithmetic, left, right)
    }
}
