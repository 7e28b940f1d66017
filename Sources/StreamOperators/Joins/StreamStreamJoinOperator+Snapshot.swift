import Columnar

/// The join's state as a snapshot payload: the left side's buffer, then the right side's
/// (see `JoinSideBuffer+Snapshot.swift`), each preceded by its column count as a shape check.
extension StreamStreamJoinOperator {
    public func snapshot() throws(OperatorError) -> [UInt8] {
        var writer = StateSnapshotWriter()
        for buffer in [leftBuffer, rightBuffer] {
            writer.write(count: buffer.schema.count)
            buffer.encode(into: &writer)
        }
        return StateSnapshot.seal(kind: name, writer)
    }

    public func restore(_ bytes: [UInt8]) throws(OperatorError) {
        var reader = try StateSnapshot.open(bytes, kind: name)
        for buffer in [leftBuffer, rightBuffer] {
            let columns = try reader.count()
            guard columns == buffer.schema.count else {
                throw reader.corrupt("a join side with \(columns) columns where this plan has \(buffer.schema.count)")
            }
            try buffer.decode(from: &reader)
        }
        guard reader.isAtEnd else { throw reader.corrupt("unexpected bytes after the state") }
    }
}
