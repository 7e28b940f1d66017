public import Columnar
public import Expressions
public import StreamOperators
public import StreamPlan

/// Turns a parsed ``SQLQuery`` into a ``DataFrame`` over a ``SQLCatalog``: the same
/// LogicalPlan the DataFrame API builds, so SQL and Swift pipelines run on one engine.
///
/// Names resolve case-insensitively (Spark's default). Every column of every relation gets a
/// unique internal name (`#7`) while compiling, so `a.id` and `b.id` never collide in a join;
/// the last step renames the output columns to what the query calls them.
///
/// What the engine lacks is built here from its parts, for bounded queries only: `ORDER BY`
/// and `LIMIT` are per-batch functions over the whole result (``SQLSorting``), `DISTINCT` is
/// a grouping without aggregates, a `RIGHT JOIN` is a swapped `LEFT JOIN`, and scalar functions
/// the expression engine has no kernel for are user functions (``SQLFunctions``).
public final class SQLCompiler {
    let catalog: SQLCatalog
    let sql: String
    private var counter = 0
    /// `WITH` queries visible while compiling, innermost last.
    private var commonTables: [[String: SQLQuery]] = []

    public init(catalog: SQLCatalog, sql: String) {
        self.catalog = catalog
        self.sql = sql
    }

    /// Compiles `statement` to a DataFrame whose columns are the query's output columns.
    public func compile(_ statement: SQLStatement) throws(SQLError) -> DataFrame {
        switch statement {
        case .query(let query):
            return try compileNamed(query)
        case .createTable(let declaration):
            throw streamingStatement("CREATE TABLE", at: declaration.position)
        case .createView(let view):
            throw streamingStatement("CREATE VIEW", at: view.position)
        case .insert(let insert):
            throw streamingStatement("INSERT INTO", at: insert.position)
        }
    }

    /// `query` compiled to a DataFrame whose columns carry the query's output names.
    public func compileNamed(_ query: SQLQuery) throws(SQLError) -> DataFrame {
        let relation = try compile(query)
        return try named(relation, at: query.position)
    }

    /// A relation's DataFrame with its internal column names replaced by the query's names.
    func named(_ relation: Relation, at position: SQLPosition) throws(SQLError) -> DataFrame {
        try frame(
            { () throws(PlanError) in
                try relation.frame.select(relation.scope.columns.map { col($0.internalName).alias($0.name) })
            }, at: position)
    }

    private func streamingStatement(_ what: String, at position: SQLPosition) -> SQLError {
        SQLError(.unsupported, "\(what) declares a streaming pipeline; run the file with `s360 run FILE.sql` (`s360 sql` runs queries)", at: position, sql: sql)
    }

    /// A compiled relation: its DataFrame (internal column names) and what the query calls them.
    struct Relation {
        var frame: DataFrame
        var scope: SQLScope
    }

    func freshName() -> String {
        counter += 1
        return "#\(counter)"
    }

    /// Runs a DataFrame step, turning a planning error into a located SQL error.
    func frame(_ step: () throws(PlanError) -> DataFrame, at position: SQLPosition) throws(SQLError) -> DataFrame {
        do {
            return try step()
        } catch {
            throw SQLError(Self.kind(of: error), readable(error.description), at: position, sql: sql)
        }
    }

    static func kind(of error: PlanError) -> SQLError.Kind {
        switch error {
        case .unsupportedJoin, .invalidPlan: .unsupported
        case .expression(.typeMismatch, _): .type
        default: .execution
        }
    }

    /// An engine message with internal column names (`#12`) left as they are but explained.
    func readable(_ message: String) -> String {
        message.contains("'#") || message.contains(" #") ? message + " (#N are the query's internal column names)" : message
    }

    // MARK: queries

    func compile(_ query: SQLQuery) throws(SQLError) -> Relation {
        var ctes: [String: SQLQuery] = [:]
        for (name, subquery) in query.commonTables { ctes[name.lowercased()] = subquery }
        commonTables.append(ctes)
        defer { commonTables.removeLast() }

        var input: Relation
        if let from = query.from {
            input = try compile(from)
        } else {
            let one = RecordBatch(trusted: Schema([]), columns: [], rowCount: 1)
            input = Relation(frame: try frame({ () throws(PlanError) in try DataFrame.table(one) }, at: query.position), scope: SQLScope(columns: []))
        }
        if let condition = query.whereClause {
            let predicate = try booleanCondition(condition, in: ExpressionContext(scope: input.scope, frame: input.frame), clause: "WHERE")
            input.frame = try frame({ () throws(PlanError) in try input.frame.filter(predicate) }, at: condition.position)
        }
        if query.groupBy.isEmpty && !query.items.contains(where: { containsAggregate($0.expression) })
            && !(query.having.map(containsAggregate) ?? false) && query.having == nil {
            return try project(query, input: input, context: ExpressionContext(scope: input.scope, frame: input.frame))
        }
        let aggregated = try aggregate(query, input: input)
        return try project(query, input: aggregated.relation, context: aggregated.context)
    }

    /// The select list, generators, DISTINCT, ORDER BY and LIMIT over `input`.
    func project(_ query: SQLQuery, input: Relation, context: ExpressionContext) throws(SQLError) -> Relation {
        var expressions: [Expression] = []
        var scope: [SQLScope.Column] = []
        var generator: (internalName: String, position: SQLPosition)?
        for item in query.items {
            if case .star(let qualifier, let position) = item.expression {
                for column in try expandStar(qualifier, in: context, at: position) {
                    let internalName = freshName()
                    expressions.append(.alias(col(column.path), internalName))
                    scope.append(.init(qualifier: nil, name: column.name, internalName: internalName, type: column.type))
                }
                continue
            }
            var expression = item.expression
            var isGenerator = false
            if case .function(let name, let args, _, let position) = expression, ["explode", "explode_outer"].contains(name.lowercased()) {
                guard generator == nil else {
                    throw SQLError(.unsupported, "only one generator (explode) is allowed per SELECT", at: position, sql: sql)
                }
                guard name.lowercased() == "explode" else {
                    throw SQLError(.unsupported, "explode_outer is not implemented yet; use explode (rows with an empty array are dropped)", at: position, sql: sql)
                }
                guard args.count == 1 else { throw SQLError(.type, "explode takes one array argument", at: position, sql: sql) }
                expression = args[0]
                isGenerator = true
            }
            let compiled = try compileExpression(expression, in: context)
            let type = try context.type(of: compiled, at: expression.position, compiler: self)
            let internalName = freshName()
            expressions.append(.alias(compiled, internalName))
            var name = item.alias ?? outputName(of: item.expression, in: context)
            if isGenerator {
                guard case .array(let element) = type else {
                    throw SQLError(.type, "explode needs an array, and `\(SQLNames.display(expression))` is \(type)", at: expression.position, sql: sql)
                }
                generator = (internalName, item.expression.position)
                if item.alias == nil { name = "col" }
                scope.append(.init(qualifier: nil, name: name, internalName: internalName, type: element))
            } else {
                scope.append(.init(qualifier: nil, name: name, internalName: internalName, type: type))
            }
        }
        // ORDER BY keys that are not output columns ride along as hidden columns.
        var sortKeys: [SQLSorting.Key] = []
        var hidden = 0
        for item in query.orderBy {
            if let index = try outputIndex(of: item.expression, outputs: scope, items: query.items) {
                sortKeys.append(SQLSorting.Key(column: scope[index].internalName, ascending: item.ascending, nullsFirst: item.nullsFirst))
                continue
            }
            if query.distinct {
                throw SQLError(.resolution, "with SELECT DISTINCT, ORDER BY may only use the selected columns", at: item.expression.position, sql: sql)
            }
            let compiled = try compileExpression(item.expression, in: context)
            let internalName = freshName()
            expressions.append(.alias(compiled, internalName))
            hidden += 1
            sortKeys.append(SQLSorting.Key(column: internalName, ascending: item.ascending, nullsFirst: item.nullsFirst))
        }
        var output = try frame({ () throws(PlanError) in try input.frame.select(expressions) }, at: query.position)
        if let generator {
            output = try frame({ () throws(PlanError) in try output.explode(generator.internalName, as: generator.internalName) }, at: generator.position)
        }
        if query.distinct {
            let keys = scope.map(\.internalName)
            output = try frame({ () throws(PlanError) in try output.groupBy(window: nil, keys, aggregations: []) }, at: query.position)
        }
        if !sortKeys.isEmpty || query.limit != nil {
            if output.isStreaming {
                throw SQLError(
                    .unsupported, "ORDER BY and LIMIT need a bounded input; sorting a stream is not supported (as in Spark), except after an aggregation in complete mode",
                    at: query.orderBy.first?.expression.position ?? query.position, sql: sql)
            }
            let sorting = SQLSorting(keys: sortKeys, limit: query.limit)
            output = try frame({ () throws(PlanError) in try output.mapBatches(sorting.function) }, at: query.position)
            if hidden > 0 {
                output = try frame({ () throws(PlanError) in try output.select(scope.map { col($0.internalName) }) }, at: query.position)
            }
        }
        return Relation(frame: output, scope: SQLScope(columns: scope))
    }

    /// Which output column an ORDER BY key names: an ordinal (`ORDER BY 2`), an output alias
    /// or name, or an expression equal to a select item.
    func outputIndex(of expression: SQLExpression, outputs: [SQLScope.Column], items: [SQLSelectItem]) throws(SQLError) -> Int? {
        if case .literal(.integer(let n, _), let position) = expression {
            guard n >= 1, n <= outputs.count else {
                throw SQLError(.resolution, "ORDER BY position \(n) is not in the select list (1…\(outputs.count))", at: position, sql: sql)
            }
            return Int(n) - 1
        }
        if case .identifier(let parts, _) = expression, parts.count == 1 {
            let matches = outputs.indices.filter { outputs[$0].name.equalsIgnoringCase(parts[0]) }
            if matches.count == 1 { return matches[0] }
        }
        if !items.contains(where: { if case .star = $0.expression { true } else { false } }) {
            return items.firstIndex { $0.expression.key == expression.key }
        }
        return nil
    }

    /// The columns `*` or `q.*` stands for: all visible columns, those of table `q`, or the
    /// fields of struct column `q`.
    func expandStar(_ qualifier: [String], in context: ExpressionContext, at position: SQLPosition) throws(SQLError) -> [(path: String, name: String, type: DataType)] {
        if let substituted = context.substitutions, qualifier.isEmpty {
            return substituted.visible.map { ($0.internalName, $0.name, $0.type) }
        }
        let scope = context.scope
        if qualifier.isEmpty { return scope.columns.map { ($0.internalName, $0.name, $0.type) } }
        if qualifier.count == 1 {
            let columns = scope.columns.filter { $0.qualifier?.equalsIgnoringCase(qualifier[0]) ?? false }
            if !columns.isEmpty { return columns.map { ($0.internalName, $0.name, $0.type) } }
        }
        let (path, type) = try scope.resolve(qualifier, at: position, sql: sql)
        guard case .structure(let fields) = type else {
            throw SQLError(.resolution, "`\(qualifier.joined(separator: "."))` is neither a table alias nor a struct column, so `.*` cannot expand it", at: position, sql: sql)
        }
        return fields.map { ("\(path).\($0.name)", $0.name, $0.type) }
    }

    /// The column name Spark gives a select item without an alias.
    func outputName(of expression: SQLExpression, in context: ExpressionContext) -> String {
        if case .identifier(let parts, let position) = expression {
            if context.substitutions == nil, let column = try? context.scope.resolve(parts, at: position, sql: sql) {
                _ = column
                let scopeColumn = context.scope.columns.first { $0.name.equalsIgnoringCase(parts.count > 1 && context.scope.columns.contains { $0.qualifier?.equalsIgnoringCase(parts[0]) ?? false } ? parts[1] : parts[0]) }
                if parts.count == 1 || (parts.count == 2 && scopeColumn != nil && context.scope.columns.contains { $0.qualifier?.equalsIgnoringCase(parts[0]) ?? false }) {
                    return scopeColumn?.name ?? parts.last ?? ""
                }
            }
            return parts.last ?? ""
        }
        return SQLNames.display(expression)
    }

    // MARK: relations

    func compile(_ relation: SQLRelation) throws(SQLError) -> Relation {
        switch relation {
        case .table(let parts, let alias, let position):
            if parts.count == 1, let cte = commonTables.reversed().lazy.compactMap({ $0[parts[0].lowercased()] }).first {
                let saved = commonTables
                commonTables = commonTables.map { $0.filter { $0.key != parts[0].lowercased() } }
                defer { commonTables = saved }
                return requalified(try compile(cte), as: alias ?? parts[0])
            }
            let table: DataFrame?
            do {
                table = try catalog.table(parts)
            } catch let error as SQLError {
                // An error already located in its own text (a view of a pipeline file) stays there.
                throw error.sql != nil && error.sql != sql ? error : SQLError(error.kind, error.message, at: position, sql: sql)
            } catch {
                throw SQLError(.execution, "cannot read table `\(parts.joined(separator: "."))`: \(error)", at: position, sql: sql)
            }
            guard let table else {
                let name = parts.joined(separator: ".")
                let known = catalog.names + commonTables.flatMap(\.keys)
                throw SQLError(
                    .resolution, "table `\(name)` does not exist\(NameSuggestion.hint(for: name, in: known))"
                        + (known.isEmpty ? "; name files as parquet.`path`, json.`path` or sqlite.`path#table`" : "; known tables: \(SQLScope.list(known))"),
                    at: position, sql: sql)
            }
            return try tableRelation(table, qualifier: alias ?? parts.last, at: position)
        case .predict(let model, let input, let alias, let position):
            return try predict(model: model, input: try compile(input), qualifier: alias, at: position)
        case .subquery(let query, let alias, _):
            return requalified(try compile(query), as: alias)
        case .join(let left, let right, let type, let condition, let position):
            return try join(try compile(left), try compile(right), type: type, condition: condition, at: position)
        }
    }

    /// A table's DataFrame as a relation: every column renamed to an internal name.
    func tableRelation(_ table: DataFrame, qualifier: String?, at position: SQLPosition) throws(SQLError) -> Relation {
        var columns: [SQLScope.Column] = []
        var expressions: [Expression] = []
        for field in table.schema.fields {
            let internalName = freshName()
            expressions.append(.alias(.column(field.name), internalName))
            columns.append(.init(qualifier: qualifier, name: field.name, internalName: internalName, type: field.type))
        }
        let renamed = try frame({ () throws(PlanError) in try table.select(expressions) }, at: position)
        return Relation(frame: renamed, scope: SQLScope(columns: columns))
    }

    /// `predict(MODEL 'location', input)`: the input's rows with the model's output columns.
    func predict(model: String, input: Relation, qualifier: String?, at position: SQLPosition) throws(SQLError) -> Relation {
        guard let connectors = catalog.connectors else {
            throw SQLError(.unsupported, "predict(MODEL …) needs a model loader: it runs in pipelines (`s360 run FILE.sql`)", at: position, sql: sql)
        }
        let scorer: SQLScorer
        do {
            scorer = try connectors.model(model)
        } catch let error as SQLError {
            throw SQLError(error.kind, error.message, at: position, sql: sql)
        } catch {
            throw SQLError(.execution, "cannot load the model '\(model)': \(error)", at: position, sql: sql)
        }
        let named = try self.named(input, at: position)
        let scored: DataFrame
        do {
            scored = try scorer(named)
        } catch let error as PlanError {
            throw SQLError(Self.kind(of: error), "scoring with the model '\(model)': \(readable(error.description))", at: position, sql: sql)
        } catch {
            throw SQLError(.execution, "scoring with the model '\(model)': \(error)", at: position, sql: sql)
        }
        return try tableRelation(scored, qualifier: qualifier, at: position)
    }

    func requalified(_ relation: Relation, as alias: String?) -> Relation {
        var relation = relation
        relation.scope.columns = relation.scope.columns.map { .init(qualifier: alias, name: $0.name, internalName: $0.internalName, type: $0.type) }
        return relation
    }
}
