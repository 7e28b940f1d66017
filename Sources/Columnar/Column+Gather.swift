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

    /// The columns one after another. All must share `type`. Buffers are appended whole (one
    /// copy per column and buffer), so joining partitions' outputs costs no per-row work.
    public static func concatenate(_ columns: [Column], type: DataType) -> Column {
        if columns.count == 1 { return columns[0] }
        let total = columns.reduce(0) { $0 + $1.count }
        var validity: ValidityBitmap?
        if columns.contains(where: { $0.validity != nil }) {
            var bits = ValidityBitmap()
            bits.reserveCapacity(total)
            for column in columns {
                for row in 0..<column.count { bits.append(!column.isNull(row)) }
            }
            validity = bits
        }
        func joined<T>(_ values: (Column) -> [T]) -> [T] {
            var out: [T] = []
            out.reserveCapacity(total)
            for column in columns { out.append(contentsOf: values(column)) }
            return out
        }
        let storage: ColumnStorage
        switch columns[0].storage {
        case .int32: storage = .int32(joined(\.int32Values))
        case .int64: storage = .int64(joined(\.int64Values))
        case .float64: storage = .float64(joined(\.doubleValues))
        case .boolean: storage = .boolean(joined(\.booleanValues))
        case .utf8:
            var out = StringBuffer()
            out.reserveCapacity(rows: total, bytes: columns.reduce(0) { $0 + $1.strings.bytes.count })
            for column in columns {
                let buffer = column.strings
                buffer.bytes.withUnsafeBufferPointer { bytes in
                    for row in 0..<buffer.count { out.append(UnsafeBufferPointer(rebasing: bytes[buffer.range(row)])) }
                }
            }
            storage = .utf8(out)
        case .structure(let first):
            storage = .structure(first.indices.map { field in
                concatenate(columns.map { column in
                    guard case .structure(let children) = column.storage else { preconditionFailure("mixed column storage") }
                    return children[field]
                }, type: first[field].type)
            })
        case .list:
            var builder = ColumnBuilder(type: type, capacity: total)
            for column in columns {
                for row in 0..<column.count { builder.append(from: column, row: row) }
            }
            return builder.finish()
        }
        return Column(type: type, count: total, validity: validity, storage: storage)
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
            forEachRun(of: refs) { source, run in
                guard let sourceBits = sources[source].validity else {
                    for _ in run { bits.append(true) }
                    return
                }
                for ref in run { bits.append(sourceBits.isValid(Int(ref.row))) }
            }
            validity = bits
        }
        func pick<T>(_ arrays: [[T]]) -> [T] {
            var out: [T] = []
            out.reserveCapacity(refs.count)
            forEachRun(of: refs) { source, run in
                arrays[source].withUnsafeBufferPointer { values in
                    for ref in run { out.append(values[Int(ref.row)]) }
                }
            }
            return out
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
            forEachRun(of: refs) { source, run in
                let buffer = buffers[source]
                buffer.offsets.withUnsafeBufferPointer { offsets in
                    buffer.bytes.withUnsafeBufferPointer { bytes in
                        for ref in run {
                            let row = Int(ref.row)
                            out.append(UnsafeBufferPointer(rebasing: bytes[Int(offsets[row])..<Int(offsets[row + 1])]))
                        }
                    }
                }
            }
            storage = .utf8(out)
        case .structure, .array:
            var builder = ColumnBuilder(type: type, capacity: refs.count)
            for ref in refs { builder.append(from: sources[Int(ref.source)], row: Int(ref.row)) }
            return builder.finish()
        }
        return Column(type: type, count: refs.count, validity: validity, storage: storage)
    }

    /// Calls `body` for each run of consecutive references to one source, so that a source's
    /// buffers are fetched once per run rather than once per row (no reference counting per row).
    private static func forEachRun(of refs: [SourceRow], _ body: (Int, ArraySlice<SourceRow>) -> Void) {
        var start = 0
        while start < refs.count {
            let source = refs[start].source
            var end = start + 1
            while end < refs.count && refs[end].source == source { end += 1 }
            body(Int(source), refs[start..<end])
            start = end
        }
    }
}

extension Column {
    /// The rows in `range`, copied with one bulk copy per buffer (no per-row work for fixed-width
    /// types and strings).
    public func slice(_ range: Range<Int>) -> Column {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice \(range) of \(count) rows")
        if range.count == count { return self }
        var validity: ValidityBitmap?
        if let source = self.validity {
            var bits = ValidityBitmap()
            bits.reserveCapacity(range.count)
            for i in range { bits.append(source.isValid(i)) }
            validity = bits
        }
        let storage: ColumnStorage
        switch self.storage {
        case .int32(let v): storage = .int32(Array(v[range]))
        case .int64(let v): storage = .int64(Array(v[range]))
        case .float64(let v): storage = .float64(Array(v[range]))
        case .boolean(let v): storage = .boolean(Array(v[range]))
        case .utf8(let source):
            let base = source.offsets[range.lowerBound]
            let offsets = source.offsets[range.lowerBound...range.upperBound].map { $0 - base }
            let bytes = Array(source.bytes[Int(base)..<Int(source.offsets[range.upperBound])])
            storage = .utf8(StringBuffer(offsets: offsets, bytes: bytes))
        case .structure(let columns): storage = .structure(columns.map { $0.slice(range) })
        case .list: return take(Array(range))
        }
        return Column(type: type, count: range.count, validity: validity, storage: storage)
    }
}
