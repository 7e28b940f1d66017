extension Column {
    /// The rows at `indices`, in that order (a gather). Indices may repeat.
    public func take(_ indices: [Int]) -> Column {
        var validity: ValidityBitmap?
        if let source = self.validity {
            var bits = ValidityBitmap()
            bits.reserveCapacity(indices.count)
            for i in indices { bits.append(source.isValid(i)) }
            validity = bits
        }
        let storage: ColumnStorage
        switch self.storage {
        case .int32(let v): storage = .int32(indices.map { v[$0] })
        case .int64(let v): storage = .int64(indices.map { v[$0] })
        case .float64(let v): storage = .float64(indices.map { v[$0] })
        case .boolean(let v): storage = .boolean(indices.map { v[$0] })
        case .utf8(let source):
            var total = 0
            for i in indices { total += source.range(i).count }
            var out = StringBuffer()
            out.reserveCapacity(rows: indices.count, bytes: total)
            source.bytes.withUnsafeBufferPointer { bytes in
                for i in indices { out.append(UnsafeBufferPointer(rebasing: bytes[source.range(i)])) }
            }
            storage = .utf8(out)
        case .structure(let columns): storage = .structure(columns.map { $0.take(indices) })
        case .list:
            var builder = ColumnBuilder(type: type, capacity: indices.count)
            for i in indices { builder.append(from: self, row: i) }
            return builder.finish()
        }
        return Column(type: type, count: indices.count, validity: validity, storage: storage)
    }

    /// The rows where `mask` is true.
    public func filter(_ mask: [Bool]) -> Column {
        take(mask.indices.filter { mask[$0] })
    }

    /// The columns one after another. All must share `type`.
    public static func concatenate(_ columns: [Column], type: DataType) -> Column {
        if columns.count == 1 { return columns[0] }
        var builder = ColumnBuilder(type: type, capacity: columns.reduce(0) { $0 + $1.count })
        for column in columns {
            for row in 0..<column.count { builder.append(from: column, row: row) }
        }
        return builder.finish()
    }
}
