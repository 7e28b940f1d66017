import Columnar
import JSONIngest

/// Where a message's position comes from in a parse operator's input columns: the file and
/// line of a text source (`_source_file`, `_source_line`), the topic, partition and offset of a
/// Kafka source (`topic`, `partition`, `offset`), else the row's index in the source's batch.
struct MessagePositionColumns {
    enum Kind { case file(Int, Int), kafka(Int, Int, Int), rowIndex }
    let kind: Kind

    init(_ schema: Schema) {
        let find = { (name: String) in schema.fields.firstIndex { $0.name == name } }
        if let file = find("_source_file"), let line = find("_source_line") {
            kind = .file(file, line)
        } else if let topic = find("topic"), let partition = find("partition"), let offset = find("offset") {
            kind = .kafka(topic, partition, offset)
        } else {
            kind = .rowIndex
        }
    }

    /// The position of row `row` (`firstRow` is the index of the batch's first row in the source's).
    func position(in batch: RecordBatch, row: Int, firstRow: Int) -> SourcePosition {
        switch kind {
        case .file(let file, let line):
            return .file(path: batch.columns[file].strings.string(row), line: Int(batch.columns[line].int64Values[row]))
        case .kafka(let topic, let partition, let offset):
            return .topic(name: batch.columns[topic].strings.string(row),
                          partition: batch.columns[partition].int32Values[row], offset: batch.columns[offset].int64Values[row])
        case .rowIndex:
            return .memory(index: firstRow + row)
        }
    }

    /// Replaces `label` with the UTF-8 of row `row`'s position as ``SourcePosition/description``
    /// writes it (`path:line`, `topic-partition@offset`, `memory message N`), without a String.
    func writeLabel(of batch: RecordBatch, row: Int, firstRow: Int, into label: inout [UInt8]) {
        label.removeAll(keepingCapacity: true)
        switch kind {
        case .file(let file, let line):
            let strings = batch.columns[file].strings
            label.append(contentsOf: strings.bytes[strings.range(row)])
            label.append(UInt8(ascii: ":"))
            Self.appendDecimal(batch.columns[line].int64Values[row], to: &label)
        case .kafka(let topic, let partition, let offset):
            let strings = batch.columns[topic].strings
            label.append(contentsOf: strings.bytes[strings.range(row)])
            label.append(UInt8(ascii: "-"))
            Self.appendDecimal(Int64(batch.columns[partition].int32Values[row]), to: &label)
            label.append(UInt8(ascii: "@"))
            Self.appendDecimal(batch.columns[offset].int64Values[row], to: &label)
        case .rowIndex:
            label.append(contentsOf: "memory message ".utf8)
            Self.appendDecimal(Int64(firstRow + row), to: &label)
        }
    }

    /// Appends `value`'s decimal digits (with a `-` when negative).
    static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }
}
