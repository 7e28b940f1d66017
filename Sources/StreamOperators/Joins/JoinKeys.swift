import Columnar
import Expressions

/// The equality keys of a join, evaluated and encoded for hashing.
enum JoinKeys {
    /// Each row's key bytes, or nil when a key column is null (a null key matches nothing, as in SQL).
    /// Integral keys compare as longs so that an int key matches a bigint key of equal value.
    static func encode(
        _ batch: RecordBatch, _ expressions: [Expression], evaluator: ExpressionEvaluator
    ) throws(OperatorError) -> [[UInt8]?] {
        let keys = try GroupKeyEncoder(evaluating: expressions, on: batch, evaluator: evaluator, operator: "join")
            .encodeAll(rowCount: batch.rowCount)
        return (0..<batch.rowCount).map { keys.hasNull[$0] ? nil : keys.key($0) }
    }
}
