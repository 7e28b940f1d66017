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

/// A row of one of several source columns: `source` indexes the sources, `row` the row.
public struct SourceRow: Sendable, Hashable {
    public var source: Int32
    public var row: Int32

    public init(source: Int, row: Int) {
        self.source = Int32(source)
        self.row = Int32(row)
    }
}

extension Column {
    /// Rows picked from several columns of type `type`, in the order of `refs` (a multi-source
    /// gather, as a join builds its output from buffered chunks and the new batch).
    public static func gather(_ sources: [Column], _ refs: [SourceRow], type: DataType) -> Column {
        var validity: ValidityBitmap?
        if sources.contains(where: { $0.validity != nil }) {
            var bits = ValidityBitmap()
            bits.reserveCapacity(refs.count)
            for ref in refs { bits.append(!sources[Int(ref.source)].isNull(Int(ref.row))) }
            validity = bits
        }
        func pick<T>(_ arrays: [[T]]) -> [T] {
            refs.map { arrays[Int($0.source)][Int($0.row)] }
        }
        let storage: ColumnStorage
        switch type {
        case .int: storage = .int32(pick(sources.map(\.int32Values)))
        case .long, .timestamp: storage = .int64(pick(sources.map(\.int64Values)))
        case .double: storage = .float64(pick(sources.map(\.doubleValues)))
        case .boolean: storage = .boolean(pick(sources.map(\.booleanValues)))
        case .string:
            let buffers = sources.map(\.strings)
            var out = StringBuffer()
            out.reserveCapacity(rows: refs.count, bytes: refs.count * 8)
            for ref in refs {
                let buffer = buffers[Int(ref.source)]
                buffer.withUTF8(Int(ref.row)) { out.append($0) }
            }
            storage = .utf8(out)
        case .structure, .array:
            var builder = ColumnBuilder(type: type, capacity: refs.count)
            for ref in refs { builder.append(from: sources[Int(ref.source)], row: Int(ref.row)) }
            return builder.finish()
        }
        return Column(type: type, count: refs.count, validity: validity, storage: storage)
    }
}
