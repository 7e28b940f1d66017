public import Columnar
public import Expressions

/// `select`: evaluates one expression per output column. `withColumn`, `drop` and
/// `withColumnRenamed` are all projections too.
public final class ProjectOperator: PhysicalOperator {
    public let child: any PhysicalOperator
    public let expressions: [Expression]
    public let outputSchema: Schema
    public let eventTimeBounds: EventTimeBounds
    private let evaluator: ExpressionEvaluator
    public var name: String { "project" }
    public var children: [any PhysicalOperator] { [child] }

    public init(child: any PhysicalOperator, expressions: [Expression], evaluator: ExpressionEvaluator) throws(OperatorError) {
        self.child = child
        self.expressions = expressions
        self.evaluator = evaluator
        var fields: [Field] = []
        var bounds = EventTimeBounds()
        for expression in expressions {
            do {
                fields.append(try evaluator.field(of: expression, in: child.outputSchema))
            } catch {
                throw .expression(error, operator: "select")
            }
            if let source = expression.passedThroughColumn, let offset = child.eventTimeBounds.offset(of: source) {
                bounds.set(expression.outputName, offset: offset)
            }
            // The event-time mark survives a plain reference or a rename, not a field of a struct.
            if bounds.eventTimeColumn == nil, let source = expression.passedThroughColumn,
               let marked = child.eventTimeBounds.eventTimeColumn, source.lowercased() == marked.lowercased() {
                bounds.eventTimeColumn = expression.outputName
            }
        }
        outputSchema = Schema(fields)
        eventTimeBounds = bounds
    }

    public func execute(_ context: BatchContext) throws -> RecordBatch {
        let input = try child.execute(context)
        var columns: [Column] = []
        columns.reserveCapacity(expressions.count)
        for expression in expressions {
            do {
                columns.append(try evaluator.evaluate(expression, on: input))
            } catch {
                throw OperatorError.expression(error, operator: "select")
            }
        }
        return RecordBatch(trusted: outputSchema, columns: columns, rowCount: input.rowCount)
    }
}

extension Expression {
    /// The input column this expression returns unchanged (possibly renamed), if any.
    var passedThroughColumn: String? {
        switch self {
        case .column(let name): name
        case .alias(let inner, _): inner.passedThroughColumn
        default: nil
        }
    }
}
