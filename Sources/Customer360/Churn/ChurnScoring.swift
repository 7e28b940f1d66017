public import MachineLearning
import Expressions
public import StreamPlan

extension ChurnPipeline {
    /// The joined stream scored by the churn model, reduced to the columns of the fixture's
    /// `predictions.jsonl`: user_id, datetime, product, url, response_time_ms, churn_label,
    /// prediction, probability (of churning, element 1 of the probability vector).
    public func scored(model: PipelineModel) throws(PlanError) -> DataFrame {
        try joined().transform(with: model).select(
            col("user_id"), col("datetime"), col("product"), col("url"), col("response_time_ms"), col("churn_label"),
            col("prediction"), vectorElement(col("probability"), 1).alias("probability"))
    }
}
