/// One leaf column chunk after decoding: its levels (absent when the maximum level is 0) and
/// its non-null values in order.
struct DecodedLeaf: Sendable {
    let descriptor: LeafDescriptor
    /// Number of level entries (values plus nulls plus empty lists).
    let entryCount: Int
    let definitionLevels: [UInt8]?
    let repetitionLevels: [UInt8]?
    let values: LeafValues

    @inline(__always)
    func definition(_ entry: Int) -> Int {
        definitionLevels.map { Int($0[entry]) } ?? descriptor.maxDefinitionLevel
    }

    @inline(__always)
    func repetition(_ entry: Int) -> Int {
        repetitionLevels.map { Int($0[entry]) } ?? 0
    }
}
