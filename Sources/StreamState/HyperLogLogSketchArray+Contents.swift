extension HyperLogLogSketchArray {
    /// One sketch's registers in the form the array holds them, for checkpoints.
    ///
    /// Why not ``HyperLogLogPlusPlus/serialized()``: a snapshot of many groups writes thousands
    /// of sketches per batch; copying the sparse entries as they are costs a few bytes per
    /// sketch and no expansion to `2^p` registers.
    public enum SketchContents: Sendable, Hashable {
        /// Up to ``HyperLogLogSketchArray/sparseCapacity`` entries `index << 6 | rank`.
        case sparse([UInt16])
        /// All `2^precision` registers.
        case dense([UInt8])
    }

    /// The registers of sketch `slot`, sparse or dense as held.
    public func contents(_ slot: Int) -> SketchContents {
        if sparseCounts[slot] == Self.denseMarker {
            let start = Int(denseBlock[slot]) * registersPerSketch
            return .dense(Array(dense[start..<(start + registersPerSketch)]))
        }
        let base = slot * Self.sparseCapacity
        return .sparse(Array(sparseEntries[base..<(base + Int(sparseCounts[slot]))]))
    }

    /// Replaces sketch `slot` (which must exist, see ``ensureCount(_:)``) with `contents`.
    /// - Throws: ``StreamStateError/invalidSketchRegister(index:value:maximum:)`` or
    ///   ``StreamStateError/invalidSparseEntry(position:index:registerCount:)`` for registers no
    ///   sketch of this precision can hold, ``StreamStateError/truncatedSketch(expectedBytes:actualBytes:)``
    ///   for a dense block of the wrong size.
    public mutating func setContents(_ slot: Int, _ contents: SketchContents) throws(StreamStateError) {
        let maximum = UInt8(64 - precision + 1)
        reset(slot)
        switch contents {
        case .sparse(let entries):
            guard entries.count <= Self.sparseCapacity else {
                throw .invalidSparseEntry(position: entries.count, index: -1, registerCount: registersPerSketch)
            }
            for (position, entry) in entries.enumerated() {
                let index = Int(entry >> 6)
                let rank = UInt8(entry & 63)
                guard index < registersPerSketch, rank > 0 else {
                    throw .invalidSparseEntry(position: position, index: index, registerCount: registersPerSketch)
                }
                guard rank <= maximum else { throw .invalidSketchRegister(index: index, value: rank, maximum: maximum) }
                sparseEntries[slot * Self.sparseCapacity + position] = entry
            }
            sparseCounts[slot] = UInt8(entries.count)
        case .dense(let registers):
            guard registers.count == registersPerSketch else {
                throw .truncatedSketch(expectedBytes: registersPerSketch, actualBytes: registers.count)
            }
            if let bad = registers.firstIndex(where: { $0 > maximum }) {
                throw .invalidSketchRegister(index: bad, value: registers[bad], maximum: maximum)
            }
            makeDense(slot)
            let start = Int(denseBlock[slot]) * registersPerSketch
            for (i, value) in registers.enumerated() { dense[start + i] = value }
        }
    }

    /// Drops every sketch (the precision stays).
    public mutating func removeAll() {
        sparseEntries = []
        sparseCounts = []
        denseBlock = []
        dense = []
        freeDenseBlocks = []
    }
}
