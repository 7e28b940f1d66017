public import Columnar
public import Expressions
public import StreamOperators
public import StreamPlan

extension SQLCompiler {
    /// `left JOIN right ON condition`: the engine's hash join on the condition's equalities
    /// between the sides. Conditions on one side only are applied to that side first (for a
    /// LEFT JOIN only the right side's, which keeps every left row as SQL requires); `RIGHT
    /// JOIN` is `LEFT JOIN` with the sides swapped.
    func join(_ left: Relation, _ right: Relation, type: SQLJoinType, condition: SQLExpression?, at position: SQLPosition) throws(SQLError) -> Relation {
        switch type {
        case .inner, .left: break
        case .right:
            let swapped = try join(right, left, type: .left, condition: condition, at: position)
            let columns = left.scope.columns + right.scope.columns
            let reordered = try frame({ () throws(PlanError) in try swapped.frame.select(columns.map { col($0.internalName) }) }, at: position)
            return Relation(frame: reordered, scope: SQLScope(columns: columns))
        case .cross:
            throw SQLError(.unsupported, "a join without an equality between the two sides (CROSS JOIN, a comma, or a missing ON) is not implemented: the engine's joins are hash joins; add ON a.key = b.key", at: position, sql: sql)
        case .full:
            throw SQLError(.unsupported, "FULL OUTER JOIN is not implemented yet (inner, LEFT and RIGHT OUTER joins are)", at: position, sql: sql)
        case .leftSemi, .leftAnti:
            throw SQLError(.unsupported, "\(type.rawValue) JOIN is not implemented yet (inner, LEFT and RIGHT OUTER joins are)", at: position, sql: sql)
        }
        guard let condition else {
            throw SQLError(.syntax, "a JOIN needs ON a.key = b.key", at: position, sql: sql)
        }
        let combinedScope = SQLScope(columns: left.scope.columns + right.scope.columns)
        let fields = (left.scope.columns + right.scope.columns).map { Field($0.internalName, $0.type) }
        let typing = try frame({ () throws(PlanError) in try DataFrame.table(.empty(Schema(fields))) }, at: position)
        let combined = ExpressionContext(scope: combinedScope, frame: typing)

        var leftFilters: [Expression] = []
        var rightFilters: [Expression] = []
        var joinConditions: [Expression] = []
        for conjunct in conjuncts(condition) {
            let compiled = try booleanCondition(conjunct, in: combined, clause: "ON")
            let names = Set(compiled.referencedColumns.map { String($0.split(separator: ".").first ?? "") })
            let onLeft = names.contains { name in left.scope.columns.contains { $0.internalName == name } }
            let onRight = names.contains { name in right.scope.columns.contains { $0.internalName == name } }
            switch (onLeft, onRight) {
            case (false, true): rightFilters.append(compiled)
            case (true, false) where type == .inner: leftFilters.append(compiled)
            case (false, false) where type == .inner: leftFilters.append(compiled)
            default: joinConditions.append(compiled)
            }
        }
        var leftFrame = left.frame
        var rightFrame = right.frame
        for filter in leftFilters { leftFrame = try frame({ () throws(PlanError) in try leftFrame.filter(filter) }, at: position) }
        for filter in rightFilters { rightFrame = try frame({ () throws(PlanError) in try rightFrame.filter(filter) }, at: position) }
        guard let first = joinConditions.first else {
            throw SQLError(.unsupported, "the ON condition has no equality between the two sides; the engine's joins are hash joins on such keys", at: condition.position, sql: sql)
        }
        let on = joinConditions.dropFirst().reduce(first) { .and($0, $1) }
        let joined = try frame({ () throws(PlanError) in try leftFrame.join(rightFrame, on: on, type: type == .left ? .leftOuter : .inner) }, at: position)
        return Relation(frame: joined, scope: combinedScope)
    }

    func conjuncts(_ expression: SQLExpression) -> [SQLExpression] {
        if case .binary("AND", let l, let r, _) = expression { return conjuncts(l) + conjuncts(r) }
        return [expression]
    }
}
