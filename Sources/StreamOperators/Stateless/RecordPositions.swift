import Columnar

/// The position column a lineage-keeping parse builds: for each record, its message's position
/// label then `#k`, the record's 1-based index in the message, written as bytes (no String per
/// record).
struct RecordPositions {
    /// The current message's position label; the caller writes it before ``appendRecords(_:)``.
    var label: [UInt8] = []
    private var strings = StringBuffer()

    /// - Parameter capacity: records to reserve room for; 0 (lineage off) allocates nothing.
    init(capacity: Int) {
        guard capacity > 0 else { return }
        strings.reserveCapacity(rows: capacity, bytes: capacity * 48)
        label.reserveCapacity(256)
    }

    /// Appends `label#1` … `label#count`.
    mutating func appendRecords(_ count: Int) {
        let base = label.count
        label.append(UInt8(ascii: "#"))
        for k in 1...count {
            label.removeSubrange((base + 1)...)
            MessagePositionColumns.appendDecimal(Int64(k), to: &label)
            label.withUnsafeBufferPointer { strings.append($0) }
        }
        label.removeSubrange(base...)
    }

    /// The positions appended so far, as a non-null string column.
    func column() -> Column {
        Column(type: .string, count: strings.count, validity: nil, storage: .utf8(strings))
    }
}
