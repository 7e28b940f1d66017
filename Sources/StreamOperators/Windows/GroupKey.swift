import Columnar

/// Encodes the grouping columns of a row into bytes that compare equal exactly when the
/// values are equal (null distinct from every value, strings length-prefixed).
struct GroupKeyEncoder {
    let columns: [Column]

    func encode(row: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        for column in columns {
            if column.isNull(row) {
                out.append(0)
                continue
            }
            out.append(1)
            switch column.storage {
            case .int32(let v): withUnsafeBytes(of: v[row]) { out.append(contentsOf: $0) }
            case .int64(let v): withUnsafeBytes(of: v[row]) { out.append(contentsOf: $0) }
            case .float64(let v):
                let normalized = v[row] == 0 ? 0.0 : (v[row].isNaN ? .nan : v[row])
                withUnsafeBytes(of: normalized.bitPattern) { out.append(contentsOf: $0) }
            case .boolean(let v): out.append(v[row] ? 1 : 0)
            case .utf8(let strings):
                let range = strings.range(row)
                withUnsafeBytes(of: UInt32(range.count)) { out.append(contentsOf: $0) }
                out.append(contentsOf: strings.bytes[range])
            case .structure, .list:
                out.append(contentsOf: Array(column.scalar(at: row).description.utf8))
            }
        }
    }
}
