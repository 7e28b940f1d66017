import Columnar

/// Read access to a vector column in either form (see ``VectorColumn``), without boxing rows.
struct VectorView {
    private enum Form {
        case dense(offsets: [Int32], values: [Double])
        case sparse(sizes: [Int32], offsets: [Int32], indices: [Int32], values: [Double])
    }

    private let form: Form
    let validity: ValidityBitmap?
    let count: Int

    /// A view of `column`, or nil when it is not a vector column.
    init?(_ column: Column) {
        validity = column.validity
        count = column.count
        switch column.storage {
        case .list(let offsets, let values):
            guard case .float64(let doubles) = values.storage else { return nil }
            form = .dense(offsets: offsets, values: doubles)
        case .structure(let children):
            guard children.count == 3,
                  case .int32(let sizes) = children[0].storage,
                  case .list(let offsets, let indexColumn) = children[1].storage,
                  case .int32(let indices) = indexColumn.storage,
                  case .list(let valueOffsets, let valueColumn) = children[2].storage,
                  case .float64(let values) = valueColumn.storage,
                  valueOffsets == offsets
            else { return nil }
            form = .sparse(sizes: sizes, offsets: offsets, indices: indices, values: values)
        default:
            return nil
        }
    }

    @inline(__always)
    func isNull(_ row: Int) -> Bool {
        guard let validity else { return false }
        return !validity.isValid(row)
    }

    /// The length of row `row`'s vector.
    @inline(__always)
    func size(_ row: Int) -> Int {
        switch form {
        case .dense(let offsets, _): Int(offsets[row + 1] - offsets[row])
        case .sparse(let sizes, _, _, _): Int(sizes[row])
        }
    }

    /// Writes row `row`'s vector into `buffer[base ..< base + size(row)]`, which must be zero
    /// (sparse vectors write only their active entries).
    @inline(__always)
    func scatter(_ row: Int, into buffer: UnsafeMutableBufferPointer<Double>, at base: Int) {
        switch form {
        case .dense(let offsets, let values):
            var target = base
            for k in Int(offsets[row])..<Int(offsets[row + 1]) {
                buffer[target] = values[k]
                target += 1
            }
        case .sparse(_, let offsets, let indices, let values):
            for k in Int(offsets[row])..<Int(offsets[row + 1]) {
                buffer[base + Int(indices[k])] = values[k]
            }
        }
    }

    /// A row-major buffer of the dense vectors, when every row is dense, non-null and `width`
    /// long and the buffer can be shared as it is.
    func sharedDenseBuffer(width: Int) -> [Double]? {
        guard validity == nil, case .dense(let offsets, let values) = form,
              offsets.first == 0, values.count == width * count else { return nil }
        for row in 0..<count where Int(offsets[row + 1] - offsets[row]) != width { return nil }
        return values
    }
}
