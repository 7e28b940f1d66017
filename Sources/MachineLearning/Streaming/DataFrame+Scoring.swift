public import Columnar
public import Expressions
public import StreamOperators
public import StreamPlan

extension PipelineModel {
    /// The columns `transform` gives a batch of `schema`: found by transforming an empty batch,
    /// so that a missing input column fails when a DataFrame is built, not mid-stream.
    public func outputSchema(for schema: Schema) throws(MachineLearningError) -> Schema {
        try transform(.empty(schema)).schema
    }

    /// This model as a per-batch function for ``DataFrame/mapBatches(_:)``.
    public var batchFunction: BatchFunction {
        let model = self
        return BatchFunction(
            name: "score(\(uid))",
            outputSchema: { schema in try model.outputSchema(for: schema) },
            apply: { batch in try model.transform(batch) })
    }
}

extension DataFrame {
    /// Scores every micro-batch with `model` (Spark's `model.transform(df)` on a stream): the
    /// model's output columns (`…_idx`, `features`, `rawPrediction`, `probability`,
    /// `prediction`, …) are added to each row.
    ///
    /// ```swift
    /// let scored = try joined.transform(with: try PipelineModel.load(directory: "model"))
    ///     .select(col("ID"), col("prediction"), vectorElement(col("probability"), 1).alias("probability"))
    /// ```
    public func transform(with model: PipelineModel) throws(PlanError) -> DataFrame {
        try mapBatches(model.batchFunction)
    }
}

/// Element `index` of a vector column (dense or sparse), as a double; null for a null vector
/// or an index past its end. Spark: `vector_to_array(v)[index]`.
public func vectorElement(_ vector: Expression, _ index: Int) -> Expression {
    .user(UserFunction(name: "vector_element_\(index)", returnType: .double) { arguments in
        guard let column = arguments.first else { return Column(type: .double, count: 0, validity: nil, storage: .float64([])) }
        return VectorColumn.element(index, of: column)
    }, [vector])
}

extension VectorColumn {
    /// Element `index` of every vector of `column`, as a double column (null where the vector is
    /// null or shorter; a column that holds no vectors gives nulls).
    public static func element(_ index: Int, of column: Column) -> Column {
        var values = [Double](repeating: 0, count: column.count)
        var validity = ValidityBitmap(repeating: true, count: column.count)
        guard let view = VectorView(column) else {
            return Column(type: .double, count: column.count, validity: ValidityBitmap(repeating: false, count: column.count),
                          storage: .float64(values))
        }
        var scratch = [Double]()
        for row in 0..<column.count {
            let size = view.size(row)
            guard !view.isNull(row), index >= 0, index < size else {
                validity.set(row, valid: false)
                continue
            }
            if scratch.count < size { scratch = [Double](repeating: 0, count: size) }
            scratch.withUnsafeMutableBufferPointer { buffer in
                for k in 0..<size { buffer[k] = 0 }
                view.scatter(row, into: buffer, at: 0)
                values[row] = buffer[index]
            }
        }
        return Column(type: .double, count: column.count, validity: validity, storage: .float64(values))
    }
}
