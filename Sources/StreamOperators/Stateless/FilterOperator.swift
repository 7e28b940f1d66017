public import Columnar
public import Expressions

/// `filter`/`where`: keeps the rows whose predicate is true (null counts as false).
public final class FilterOperator: PhysicalOperator {
    public let child: any PhysicalOperator
    public let predicate: Expression
    private let evaluator: ExpressionEvaluator
    public var name: String { "filter" }
    public var children: [any PhysicalOperator] { [child] }
    public var outputSchema: Schema { child.outputSchema }
    public var eventTimeBounds: EventTimeBounds { child.eventTimeBounds }

    public init(child: any PhysicalOperator, predicate: Expression, evaluator: ExpressionEvaluator) throws(OperatorError) {
        do {
            let type = try evaluator.dataType(of: predicate, in: child.outputSchema)
            guard type == .boolean else {
                throw OperatorError.invalidInput(operator: "filter", detail: "predicate \(predicate) is \(type), not boolean")
            }
        } catch let error as ExpressionError {
            throw .expression(error, operator: "filter")
        } catch let error as OperatorError {
            throw error
        } catch {
            throw .invalidInput(operator: "filter", detail: "\(error)")
        }
        self.child = child
        self.predicate = predicate
        self.evaluator = evaluator
    }

    public func execute(_ context: BatchContext) throws -> RecordBatch {
        let input = try child.execute(context)
        if input.isEmpty { return input }
        let mask: Column
        do {
            mask = try evaluator.evaluate(predicate, on: input)
        } catch {
            throw OperatorError.expression(error, operator: "filter")
        }
        let values = mask.booleanValues
        let keep = (0..<input.rowCount).filter { values[$0] && !mask.isNull($0) }
        return keep.count == input.rowCount ? input : input.take(keep)
    }
}
