public import Columnar

/// Evaluates ``Expression``s against record batches, a whole column per call.
///
/// The evaluator is a small value: create one per operator with the query's name resolution
/// and reuse it for every batch. It holds no per-batch state; its copies share the compiled
/// form of patterns (`regexp_replace`), so each pattern is compiled once, on the first batch.
public struct ExpressionEvaluator: Sendable {
    public var resolution: NameResolution
    let compiled = CompiledFunctions()

    public init(resolution: NameResolution = .caseInsensitive) {
        self.resolution = resolution
    }

    /// The type `expression` produces over input of `schema`.
    public func dataType(of expression: Expression, in schema: Schema) throws(ExpressionError) -> DataType {
        switch expression {
        case .column(let name):
            return try resolve(name, in: schema).type
        case .literal(_, let type): return type
        case .alias(let inner, _): return try dataType(of: inner, in: schema)
        case .arithmetic(let op, let l, let r):
            let lt = try dataType(of: l, in: schema)
            let rt = try dataType(of: r, in: schema)
            guard let wide = TypeCoercion.widerNumeric(lt, rt) else {
                throw .typeMismatch(expression: expression.description, detail: "\(lt) \(op.rawValue) \(rt) needs numbers")
            }
            return op == .divide ? .double : wide
        case .comparison(_, let l, let r):
            let lt = try dataType(of: l, in: schema)
            let rt = try dataType(of: r, in: schema)
            guard TypeCoercion.comparisonType(lt, rt) != nil else {
                throw .typeMismatch(expression: expression.description, detail: "cannot compare \(lt) with \(rt)")
            }
            return .boolean
        case .and(let l, let r), .or(let l, let r):
            for side in [l, r] {
                let t = try dataType(of: side, in: schema)
                guard t == .boolean else {
                    throw .typeMismatch(expression: expression.description, detail: "\(side) is \(t), not boolean")
                }
            }
            return .boolean
        case .not, .isNull, .isNotNull: return .boolean
        case .caseWhen(let branches, let otherwise):
            var types: [DataType] = []
            for branch in branches { types.append(try dataType(of: branch.value, in: schema)) }
            if let otherwise { types.append(try dataType(of: otherwise, in: schema)) }
            guard let common = TypeCoercion.commonType(types) else {
                throw .typeMismatch(expression: expression.description, detail: "branches have types \(types)")
            }
            return common
        case .cast(_, let type): return type
        case .function(let function, let args):
            switch function {
            case .keepDigits, .regexpReplace, .lower, .upper, .trim: return .string
            case .toTimestamp: return .timestamp
            case .coalesce:
                var types: [DataType] = []
                for arg in args { types.append(try dataType(of: arg, in: schema)) }
                guard let common = TypeCoercion.commonType(types) else {
                    throw .typeMismatch(expression: expression.description, detail: "arguments have types \(types)")
                }
                return common
            }
        case .user(let function, _): return function.returnType
        }
    }

    /// The output ``Field`` of a projected expression.
    /// A plain column reference keeps the schema's spelling of the name (`col("sex")` over a
    /// column `SEX` gives `SEX`), as Spark does; use an alias to rename.
    public func field(of expression: Expression, in schema: Schema) throws(ExpressionError) -> Field {
        let type = try dataType(of: expression, in: schema)
        if case .column(let name) = expression, let index = try? schema.index(of: name, resolution: resolution) {
            return Field(schema.fields[index].name, type)
        }
        return Field(expression.outputName, type)
    }

    /// Evaluates `expression` over every row of `batch`.
    public func evaluate(_ expression: Expression, on batch: RecordBatch) throws(ExpressionError) -> Column {
        switch expression {
        case .column(let name):
            let path = try resolve(name, in: batch.schema).path
            var column = batch.columns[path[0]]
            for child in path.dropFirst() { column = column.children[child] }
            return column
        case .literal(let value, let type):
            return Column(repeating: value, type: type, count: batch.rowCount)
        case .alias(let inner, _):
            return try evaluate(inner, on: batch)
        case .arithmetic(let op, let l, let r):
            let type = try dataType(of: expression, in: batch.schema)
            return try ArithmeticKernel.apply(op, try evaluate(l, on: batch), try evaluate(r, on: batch), resultType: type)
        case .comparison(let op, let l, let r):
            let lc = try evaluate(l, on: batch)
            let rc = try evaluate(r, on: batch)
            guard let type = TypeCoercion.comparisonType(lc.type, rc.type) else {
                throw .typeMismatch(expression: expression.description, detail: "cannot compare \(lc.type) with \(rc.type)")
            }
            return ComparisonKernel.compare(op, CastKernel.cast(lc, to: type), CastKernel.cast(rc, to: type))
        case .and(let l, let r):
            return LogicKernel.and(try evaluate(l, on: batch), try evaluate(r, on: batch))
        case .or(let l, let r):
            return LogicKernel.or(try evaluate(l, on: batch), try evaluate(r, on: batch))
        case .not(let inner):
            return LogicKernel.not(try evaluate(inner, on: batch))
        case .isNull(let inner):
            let column = try evaluate(inner, on: batch)
            return Column(type: .boolean, count: column.count, validity: nil,
                          storage: .boolean((0..<column.count).map { column.isNull($0) }))
        case .isNotNull(let inner):
            let column = try evaluate(inner, on: batch)
            return Column(type: .boolean, count: column.count, validity: nil,
                          storage: .boolean((0..<column.count).map { !column.isNull($0) }))
        case .caseWhen(let branches, let otherwise):
            let type = try dataType(of: expression, in: batch.schema)
            var conditions: [Column] = []
            var values: [Column] = []
            for branch in branches {
                conditions.append(try evaluate(branch.condition, on: batch))
                values.append(CastKernel.cast(try evaluate(branch.value, on: batch), to: type))
            }
            let fallback = try otherwise.map { e throws(ExpressionError) in CastKernel.cast(try evaluate(e, on: batch), to: type) }
            return LogicKernel.select(conditions: conditions, values: values, otherwise: fallback, type: type, count: batch.rowCount)
        case .cast(let inner, let type):
            return CastKernel.cast(try evaluate(inner, on: batch), to: type)
        case .function(let function, let args):
            var columns: [Column] = []
            for arg in args { columns.append(try evaluate(arg, on: batch)) }
            if case .coalesce = function {
                let type = try dataType(of: expression, in: batch.schema)
                return StringFunctions.coalesce(columns.map { CastKernel.cast($0, to: type) }, type: type, count: batch.rowCount)
            }
            return try StringFunctions.apply(function, columns.map { CastKernel.cast($0, to: .string) }, compiled: compiled)
        case .user(let function, let args):
            var columns: [Column] = []
            for arg in args { columns.append(try evaluate(arg, on: batch)) }
            let result: Column
            do {
                result = try function.body(columns)
            } catch {
                throw .userFunction(name: function.name, reason: "\(error)")
            }
            guard result.count == batch.rowCount, result.type == function.returnType else {
                throw .userFunction(
                    name: function.name,
                    reason: "returned \(result.count) rows of \(result.type), expected \(batch.rowCount) of \(function.returnType)")
            }
            return result
        }
    }

    /// Finds column `name`, or a field of a struct column written `parent.field` (`window.start`).
    private func resolve(_ name: String, in schema: Schema) throws(ExpressionError) -> (path: [Int], type: DataType) {
        do {
            if let index = try schema.index(of: name, resolution: resolution) {
                return ([index], schema.fields[index].type)
            }
            if let dot = name.firstIndex(of: "."),
               let parent = try schema.index(of: String(name[..<dot]), resolution: resolution),
               case .structure(let fields) = schema.fields[parent].type {
                let nested = try resolve(String(name[name.index(after: dot)...]), in: Schema(fields))
                return ([parent] + nested.path, nested.type)
            }
            throw ColumnarError.unknownColumn(name, available: schema.names)
        } catch let error as ColumnarError {
            throw .resolution(error, expression: name)
        } catch let error as ExpressionError {
            throw error
        } catch {
            throw .resolution(.unknownColumn(name, available: schema.names), expression: name)
        }
    }
}
