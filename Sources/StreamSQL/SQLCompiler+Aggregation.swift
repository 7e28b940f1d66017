public import Columnar
public import Expressions
public import StreamOperators
public import StreamPlan

extension SQLCompiler {
    /// Whether `expression` calls an aggregate function (outside nested queries).
    func containsAggregate(_ expression: SQLExpression) -> Bool {
        if case .function(let name, _, _, _) = expression, SQLAggregates.isAggregate(name) { return true }
        return expression.children.contains(where: containsAggregate)
    }

    /// The aggregate calls in `expression`, outermost only.
    func aggregateCalls(_ expression: SQLExpression) -> [SQLExpression] {
        if case .function(let name, _, _, _) = expression, SQLAggregates.isAggregate(name) { return [expression] }
        return expression.children.flatMap(aggregateCalls)
    }

    /// GROUP BY (or a global aggregate): pre-projects the keys and the aggregates' arguments,
    /// groups, and returns the grouped relation with the context later clauses compile in.
    func aggregate(_ query: SQLQuery, input: Relation) throws(SQLError) -> (relation: Relation, context: ExpressionContext) {
        let inputContext = ExpressionContext(scope: input.scope, frame: input.frame)
        var pre: [Expression] = []
        var keys: [String] = []
        var window: TimeWindow?
        var windowKey: String?
        var byKey: [String: (internalName: String, type: DataType)] = [:]
        var visible: [SQLScope.Column] = []

        for original in query.groupBy {
            let group = try groupExpression(original, query: query, scope: input.scope)
            if case .function(let name, let args, _, let position) = group, name.lowercased() == "window" {
                guard window == nil else { throw SQLError(.unsupported, "only one window(…) per GROUP BY", at: position, sql: sql) }
                var time = try compileExpression(args.first ?? group, in: inputContext)
                let timeType = try inputContext.type(of: time, at: position, compiler: self)
                if timeType == .string { time = .cast(time, .timestamp) } else if timeType != .timestamp {
                    throw SQLError(.type, "window(…) needs a timestamp column, and `\(SQLNames.display(args[0]))` is \(timeType)", at: args[0].position, sql: sql)
                }
                let timeName = freshName()
                pre.append(.alias(time, timeName))
                window = try SQLWindow.parse(args, timeColumn: timeName, at: position, sql: sql)
                windowKey = resolvedKey(group, in: input.scope)
                continue
            }
            let compiled = try compileExpression(group, in: inputContext)
            let type = try inputContext.type(of: compiled, at: group.position, compiler: self)
            let internalName = freshName()
            pre.append(.alias(compiled, internalName))
            keys.append(internalName)
            byKey[resolvedKey(group, in: input.scope)] = (internalName, type)
            if case .identifier(let parts, let position) = group,
               let column = input.scope.columns.first(where: { (try? input.scope.resolve(parts, at: position, sql: sql))?.path == $0.internalName }) {
                visible.append(.init(qualifier: column.qualifier, name: column.name, internalName: internalName, type: type))
            }
        }

        var aggregations: [Aggregation] = []
        var functions: [AggregateFunction] = []
        var calls: [SQLExpression] = query.items.flatMap { aggregateCalls($0.expression) }
        calls += query.having.map(aggregateCalls) ?? []
        calls += query.orderBy.flatMap { aggregateCalls($0.expression) }
        for call in calls {
            let key = resolvedKey(call, in: input.scope)
            guard byKey[key] == nil, case .function(let name, let args, let distinct, let position) = call else { continue }
            let function = try SQLAggregates.function(name, args, distinct: distinct, at: position, sql: sql)
            var inputName = ""
            if function != .countAll {
                if args.contains(where: containsAggregate) {
                    throw SQLError(.resolution, "an aggregate function cannot contain another aggregate", at: position, sql: sql)
                }
                var argument = try compileExpression(args[0], in: inputContext)
                let type = try inputContext.type(of: argument, at: args[0].position, compiler: self)
                if SQLAggregates.needsNumbers(function) && type == .string { argument = .cast(argument, .double) }
                if case .literal(.null, _) = argument { argument = .literal(.null, .int) }
                inputName = freshName()
                pre.append(.alias(argument, inputName))
            }
            let outputName = freshName()
            aggregations.append(Aggregation(function, inputName, as: outputName))
            functions.append(function)
            byKey[key] = (outputName, .string)
        }
        if pre.isEmpty { pre.append(.alias(lit(Int32(1)), freshName())) }
        for i in aggregations.indices where aggregations[i].function == .countAll {
            aggregations[i] = Aggregation(.countAll, pre[0].outputName, as: aggregations[i].alias)
        }

        let projected = try frame({ () throws(PlanError) in try input.frame.select(pre) }, at: query.position)
        var grouped = try frame({ () throws(PlanError) in try projected.groupBy(window: window, keys, aggregations: aggregations) }, at: query.groupBy.first?.position ?? query.position)
        if window != nil, let windowKey {
            // The window struct keeps the engine's name (every other grouped column is an internal
            // `#N`, so it cannot collide): `window.start` and `window.end` then carry the
            // aggregation's event-time bounds through later projections, which a stream-stream
            // join needs to evict the other side's rows (a renamed struct would lose them).
            let windowName = "window"
            byKey[windowKey] = (windowName, TimeWindow.structType)
            visible.insert(.init(qualifier: nil, name: "window", internalName: windowName, type: TimeWindow.structType), at: 0)
        }
        // Bounded queries only: on a stream an empty micro-batch is not an empty table.
        if keys.isEmpty && window == nil && !grouped.isStreaming {
            let empty = SQLGlobalAggregate(values: functions.map(SQLAggregates.emptyValue))
            grouped = try frame({ () throws(PlanError) in try grouped.mapBatches(empty.function) }, at: query.position)
        }
        for field in grouped.schema.fields where byKey.values.contains(where: { $0.internalName == field.name }) {
            for (key, value) in byKey where value.internalName == field.name { byKey[key] = (field.name, field.type) }
        }
        let context = ExpressionContext(
            scope: SQLScope(columns: visible), frame: grouped,
            substitutions: AggregateSubstitutions(byKey: byKey, visible: visible, inputScope: input.scope))
        var relation = Relation(frame: grouped, scope: SQLScope(columns: visible))
        if let having = query.having {
            let predicate = try booleanCondition(having, in: context, clause: "HAVING")
            relation.frame = try frame({ () throws(PlanError) in try grouped.filter(predicate) }, at: having.position)
        }
        return (relation, ExpressionContext(scope: relation.scope, frame: relation.frame, substitutions: context.substitutions))
    }

    /// A GROUP BY item with ordinals (`GROUP BY 1`) and select aliases replaced by the select
    /// item they name, as Spark allows.
    func groupExpression(_ group: SQLExpression, query: SQLQuery, scope: SQLScope) throws(SQLError) -> SQLExpression {
        if case .literal(.integer(let n, _), let position) = group {
            guard n >= 1, n <= query.items.count else {
                throw SQLError(.resolution, "GROUP BY position \(n) is not in the select list (1…\(query.items.count))", at: position, sql: sql)
            }
            let item = query.items[Int(n) - 1].expression
            if containsAggregate(item) {
                throw SQLError(.resolution, "GROUP BY \(n) refers to an aggregate, `\(SQLNames.display(item))`", at: position, sql: sql)
            }
            return item
        }
        if case .identifier(let parts, let position) = group, parts.count == 1,
           (try? scope.resolve(parts, at: position, sql: sql)) == nil,
           let item = query.items.first(where: { $0.alias?.equalsIgnoringCase(parts[0]) ?? false }) {
            return item.expression
        }
        return group
    }
}
