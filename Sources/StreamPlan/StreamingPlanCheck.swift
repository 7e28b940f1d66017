import Columnar
public import StreamOperators

/// Spark's `UnsupportedOperationChecker` for the shapes Stream360 plans: refuses, before a
/// streaming query starts, a plan that could never produce its output or whose state could
/// never be cleaned, saying why and what to change.
///
/// - Append mode emits an aggregate row once, when its window closed: it needs a window over
///   a watermarked column (without a watermark no window ever closes, so nothing would be
///   written and the state would grow for ever).
/// - Update mode cannot express a stream-stream join's output (Spark refuses it too).
/// - Complete mode re-emits the whole result: it needs an aggregation to emit.
public enum StreamingPlanCheck {
    /// Throws ``PlanError/invalidPlan(_:)`` for the first unsupported shape of `root` in `mode`.
    public static func check(_ root: any PhysicalOperator, outputMode mode: OutputMode) throws(PlanError) {
        let operators = root.allOperators
        let aggregates = operators.compactMap { $0 as? WindowAggregateOperator }
        switch mode {
        case .append:
            for aggregate in aggregates {
                guard let window = aggregate.window else {
                    throw .invalidPlan("append mode needs windowed aggregations with a watermark: a row of an aggregation without a window is never final; use update or complete mode, or group by window(ts, …) over a column with withWatermark")
                }
                guard let input = aggregate.children.first,
                      input.eventTimeBounds.offset(of: window.timeColumn) != nil else {
                    throw .invalidPlan("append mode needs a watermark on the window's column '\(window.timeColumn)': without one no window ever closes, so nothing would be written and the state would grow without bound; add withWatermark(\"\(window.timeColumn)\", …) (SQL: WATERMARK FOR \(window.timeColumn) AS …) before the aggregation, or use update mode")
                }
            }
        case .update:
            if operators.contains(where: { $0 is StreamStreamJoinOperator }) {
                throw .invalidPlan("a join between two streams is not supported in update mode, only in append mode (as in Spark): its rows are final when emitted")
            }
        case .complete:
            if aggregates.isEmpty {
                throw .invalidPlan("complete mode re-emits the whole result every batch and needs a streaming aggregation; use append mode for a plan without one")
            }
        }
    }
}
