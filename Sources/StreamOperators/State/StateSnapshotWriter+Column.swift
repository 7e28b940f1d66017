import Columnar

/// Whole columns and record batches in a snapshot. The reader is given the type (from the
/// operator's schema), so only values are stored:
///
/// ```
/// column  = count i64 | has-validity u8 | [validity words: count i64, u64…] | values
/// values  = int: i32…  long/timestamp: i64…  double: u64 bits…  boolean: u8…
///           string: (count+1) i32 offsets, u32 length + bytes
///           struct: each child column;  array: (count+1) i32 offsets, element column
/// batch   = row count i64 | one column per schema field
/// ```
extension StateSnapshotWriter {
    mutating func write(_ column: Column) {
        write(count: column.count)
        if let validity = column.validity {
            write(UInt8(1))
            write(count: validity.words.count)
            for word in validity.words { write(word) }
        } else {
            write(UInt8(0))
        }
        switch column.storage {
        case .int32(let values): for v in values { write(v) }
        case .int64(let values): for v in values { write(v) }
        case .float64(let values): for v in values { write(v) }
        case .boolean(let values): for v in values { write(v) }
        case .utf8(let strings):
            for offset in strings.offsets { write(offset) }
            write(strings.bytes)
        case .structure(let children): for child in children { write(child) }
        case .list(let offsets, let values):
            for offset in offsets { write(offset) }
            write(values)
        }
    }

    mutating func write(_ batch: RecordBatch) {
        write(count: batch.rowCount)
        for column in batch.columns { write(column) }
    }
}

extension StateSnapshotReader {
    mutating func column(_ type: DataType) throws(OperatorError) -> Column {
        let count = try self.count(limit: bytes.count - position)
        var validity: ValidityBitmap?
        if try bool() {
            let words = try self.count(limit: (bytes.count - position) / 8)
            guard words == (count + 63) / 64 else { throw corrupt("\(words) validity words for \(count) rows") }
            var bitmap = ValidityBitmap()
            var values: [UInt64] = []
            for _ in 0..<words { values.append(try uint64()) }
            for row in 0..<count { bitmap.append(values[row >> 6] & (1 << UInt64(row & 63)) != 0) }
            validity = bitmap
        }
        let storage: ColumnStorage
        switch type {
        case .int:
            var values: [Int32] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try int32()) }
            storage = .int32(values)
        case .long, .timestamp:
            var values: [Int64] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try int64()) }
            storage = .int64(values)
        case .double:
            var values: [Double] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try double()) }
            storage = .float64(values)
        case .boolean:
            var values: [Bool] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try bool()) }
            storage = .boolean(values)
        case .string:
            let offsets = try offsets(count)
            let data = try byteString()
            guard offsets.last.map({ Int($0) == data.count }) == true else { throw corrupt("string offsets do not match \(data.count) bytes") }
            storage = .utf8(StringBuffer(offsets: offsets, bytes: data))
        case .structure(let fields):
            var children: [Column] = []
            for field in fields {
                let child = try column(field.type)
                guard child.count == count else { throw corrupt("struct field \(field.name) has \(child.count) rows, not \(count)") }
                children.append(child)
            }
            storage = .structure(children)
        case .array(let element):
            let offsets = try offsets(count)
            let values = try column(element)
            guard offsets.last.map({ Int($0) == values.count }) == true else { throw corrupt("array offsets do not match \(values.count) elements") }
            storage = .list(offsets: offsets, values: values)
        }
        return Column(type: type, count: count, validity: validity, storage: storage)
    }

    /// `count + 1` non-decreasing offsets starting at 0.
    private mutating func offsets(_ count: Int) throws(OperatorError) -> [Int32] {
        var offsets: [Int32] = []
        offsets.reserveCapacity(count + 1)
        for _ in 0...count { offsets.append(try int32()) }
        guard offsets.first == 0, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw corrupt("offsets are not ascending from 0")
        }
        return offsets
    }

    mutating func batch(_ schema: Schema) throws(OperatorError) -> RecordBatch {
        let rows = try count(limit: bytes.count - position)
        var columns: [Column] = []
        for field in schema.fields {
            let column = try column(field.type)
            guard column.count == rows else { throw corrupt("column \(field.name) has \(column.count) rows, not \(rows)") }
            columns.append(column)
        }
        return RecordBatch(trusted: schema, columns: columns, rowCount: rows)
    }
}
