import Columnar
import Expressions

/// The equality keys of a join, evaluated and encoded for hashing.
enum JoinKeys {
    /// Each row's key bytes, or nil when a key column is null (a null key matches nothing, as in SQL).
    /// Integral keys compare as longs so that an int key matches a bigint key of equal value.
    static func encode(
        _ batch: RecordBatch, _ expressions: [Expression], evaluator: ExpressionEvaluator
    ) throws(OperatorError) -> [[UInt8]?] {
        var columns: [Column] = []
        for expression in expressions {
            do {
                let column = try evaluator.evaluate(expression, on: batch)
                columns.append(column.type == .int ? CastKernel.cast(column, to: .long) : column)
            } catch {
                throw .expression(error, operator: "join")
            }
        }
        let keys = GroupKeyEncoder(columns: columns).encodeAll(rowCount: batch.rowCount)
        return (0..<batch.rowCount).map { keys.hasNull[$0] ? nil : keys.key($0) }
    }
}
