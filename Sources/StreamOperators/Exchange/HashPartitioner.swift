import Columnar
import Expressions
import StreamState

/// Assigns each row of a batch to one of `count` partitions by the hash of its keys.
///
/// Rows with equal keys always land in the same partition, whichever side of a join or which
/// batch they come from: the keys are encoded as the group index encodes them (integral keys as
/// longs, so an int key and a bigint key of equal value agree), then hashed with XXH64 and taken
/// modulo `count`. A null key hashes like any other value (a join never matches it, but a left
/// outer join still emits its row from that partition).
struct HashPartitioner {
    let keys: [Expression]
    let count: Int
    let evaluator: ExpressionEvaluator

    /// The row indices of `batch` for each partition, in input order within a partition.
    func assign(_ batch: RecordBatch) throws(OperatorError) -> [[Int]] {
        if batch.isEmpty { return Array(repeating: [], count: count) }
        let encoded = try GroupKeyEncoder(evaluating: keys, on: batch, evaluator: evaluator, operator: "exchange")
            .encodeAll(rowCount: batch.rowCount)
        var rows = [[Int]](repeating: [], count: count)
        let expected = batch.rowCount / count + 1
        for i in rows.indices { rows[i].reserveCapacity(expected) }
        encoded.bytes.withUnsafeBufferPointer { arena in
            for row in 0..<batch.rowCount {
                let key = UnsafeBufferPointer(rebasing: arena[encoded.offsets[row]..<encoded.offsets[row + 1]])
                rows[Int(XXHash64.hashBytes(key) % UInt64(count))].append(row)
            }
        }
        return rows
    }
}
