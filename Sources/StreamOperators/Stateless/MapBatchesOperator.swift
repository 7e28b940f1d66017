public import Columnar

/// Applies a ``BatchFunction`` to each micro-batch of its child.
///
/// Errors of the function pass through unchanged, so the runner reports them with their own
/// type (a model's error names its stage).
public final class MapBatchesOperator: PhysicalOperator {
    public let child: any PhysicalOperator
    public let function: BatchFunction
    public let outputSchema: Schema
    public var name: String { function.name }
    public var children: [any PhysicalOperator] { [child] }
    public var eventTimeBounds: EventTimeBounds { child.eventTimeBounds }

    public init(child: any PhysicalOperator, function: BatchFunction) throws(OperatorError) {
        do {
            outputSchema = try function.outputSchema(child.outputSchema)
        } catch {
            throw .invalidInput(operator: function.name, detail: "\(error)")
        }
        self.child = child
        self.function = function
    }

    public func execute(_ context: BatchContext) throws -> RecordBatch {
        let input = try child.execute(context)
        let output = try function.apply(input)
        guard output.schema == outputSchema else {
            throw OperatorError.invalidInput(
                operator: function.name,
                detail: "returned columns \(output.schema) where \(outputSchema) was declared")
        }
        return output
    }
}
