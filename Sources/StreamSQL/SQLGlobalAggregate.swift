public import Columnar
public import StreamOperators

/// A global aggregate (no GROUP BY) over no rows gives one row, as in SQL: counts 0, the rest
/// null. The engine's grouping gives no row (no group was seen), so this per-batch function
/// adds it. Applied to bounded queries, it sees the whole result once.
struct SQLGlobalAggregate {
    let values: [Scalar]

    var function: BatchFunction {
        let values = values
        return BatchFunction(
            name: "globalAggregate", outputSchema: { $0 },
            apply: { batch in
                guard batch.rowCount == 0 else { return batch }
                let columns = zip(batch.schema.fields, values).map { Column($0.type, [$1]) }
                return try RecordBatch(schema: batch.schema, columns: columns, rowCount: 1)
            })
    }
}
