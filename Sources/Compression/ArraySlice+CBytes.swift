/// A `char` pointer and length over a slice, never null even when the slice is empty.
struct CBytes {
    let base: UnsafePointer<CChar>
    let count: Int
}

extension ArraySlice<UInt8> {
    /// Calls `body` with a non-null pointer to the slice's bytes (C libraries reject null
    /// pointers even for zero lengths).
    func withNonNullBytes<R>(_ body: (CBytes) -> R) -> R {
        withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress, !buffer.isEmpty {
                return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    body(CBytes(base: $0, count: buffer.count))
                }
            }
            var zero: CChar = 0
            return withUnsafePointer(to: &zero) { body(CBytes(base: $0, count: 0)) }
        }
    }
}
