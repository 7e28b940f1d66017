import Columnar

/// Rebuilds Stream360 columns from decoded leaves (record assembly, after Dremel).
///
/// A top-level primitive without repetition (the common, flat case) is built in bulk: values
/// are scattered to their rows by the definition levels. Nested fields are assembled row by
/// row: each shape reads one instance from its leaves' cursors into a ``ColumnBuilder``,
/// using the first leaf's levels to decide null, empty or how many list elements follow.
struct ColumnAssembler {
    private var leaves: [Int: DecodedLeaf]
    private var entry: [Int: Int] = [:]
    private var valueIndex: [Int: Int] = [:]

    init(leaves: [DecodedLeaf]) {
        self.leaves = Dictionary(uniqueKeysWithValues: leaves.map { ($0.descriptor.leafIndex, $0) })
    }

    /// The column of `type` for `shape`, over `rowCount` records.
    mutating func column(_ shape: ColumnShape, type: DataType, rowCount: Int) throws(ParquetError) -> Column {
        if case .leaf(let leaf, let level) = shape, leaf.maxRepetitionLevel == 0, let decoded = leaves[leaf.leafIndex] {
            return try flat(decoded, presentLevel: level, rowCount: rowCount)
        }
        var builder = ColumnBuilder(type: type, capacity: rowCount)
        for _ in 0..<rowCount { try read(shape, into: &builder) }
        return builder.finish()
    }

    private func flat(_ leaf: DecodedLeaf, presentLevel: Int, rowCount: Int) throws(ParquetError) -> Column {
        guard leaf.entryCount == rowCount else {
            throw .corruptPage(path: "", column: leaf.descriptor.name, rowGroup: -1, page: -1,
                               detail: "\(leaf.entryCount) values for \(rowCount) rows")
        }
        guard let levels = leaf.definitionLevels else {
            return Column(type: leaf.descriptor.type, count: rowCount, validity: nil, storage: storage(leaf.values))
        }
        var validity = ValidityBitmap()
        validity.reserveCapacity(rowCount)
        let present = UInt8(presentLevel)
        var allPresent = true
        for level in levels {
            validity.append(level >= present)
            if level < present { allPresent = false }
        }
        if allPresent {
            return Column(type: leaf.descriptor.type, count: rowCount, validity: nil, storage: storage(leaf.values))
        }
        let storage: ColumnStorage
        switch leaf.values {
        case .int32(let v): storage = .int32(scatter(v, levels, present, zero: 0))
        case .int64(let v): storage = .int64(scatter(v, levels, present, zero: 0))
        case .double(let v): storage = .float64(scatter(v, levels, present, zero: 0))
        case .boolean(let v): storage = .boolean(scatter(v, levels, present, zero: false))
        case .bytes(let b):
            var offsets = [Int32]()
            offsets.reserveCapacity(rowCount + 1)
            offsets.append(0)
            var next = 0
            for level in levels {
                if level >= present { next += 1 }
                offsets.append(b.offsets[next])
            }
            storage = .utf8(StringBuffer(offsets: offsets, bytes: b.bytes))
        }
        return Column(type: leaf.descriptor.type, count: rowCount, validity: validity, storage: storage)
    }

    private func scatter<T>(_ values: [T], _ levels: [UInt8], _ present: UInt8, zero: T) -> [T] {
        var out = [T]()
        out.reserveCapacity(levels.count)
        var next = 0
        for level in levels {
            if level >= present {
                out.append(values[next])
                next += 1
            } else {
                out.append(zero)
            }
        }
        return out
    }

    private func storage(_ values: LeafValues) -> ColumnStorage {
        switch values {
        case .int32(let v): .int32(v)
        case .int64(let v): .int64(v)
        case .double(let v): .float64(v)
        case .boolean(let v): .boolean(v)
        case .bytes(let b): .utf8(b)
        }
    }

    // MARK: Record assembly

    private func leaf(_ descriptor: LeafDescriptor) throws(ParquetError) -> DecodedLeaf {
        guard let decoded = leaves[descriptor.leafIndex] else {
            throw .corruptPage(path: "", column: descriptor.name, rowGroup: -1, page: -1, detail: "leaf was not decoded")
        }
        return decoded
    }

    private func cursor(_ leaf: DecodedLeaf) throws(ParquetError) -> Int {
        let position = entry[leaf.descriptor.leafIndex, default: 0]
        guard position < leaf.entryCount else {
            throw .corruptPage(path: "", column: leaf.descriptor.name, rowGroup: -1, page: -1,
                               detail: "levels end before the row group's records do")
        }
        return position
    }

    private mutating func skip(_ shape: ColumnShape) {
        for leaf in shape.leaves { entry[leaf.leafIndex, default: 0] += 1 }
    }

    private mutating func read(_ shape: ColumnShape, into builder: inout ColumnBuilder) throws(ParquetError) {
        let first = try leaf(shape.firstLeaf)
        let definition = first.definition(try cursor(first))
        switch shape {
        case .leaf(let descriptor, let level):
            if definition < level {
                builder.appendNull()
                skip(shape)
                return
            }
            let index = valueIndex[descriptor.leafIndex, default: 0]
            guard index < first.values.count else {
                throw .corruptPage(path: "", column: descriptor.name, rowGroup: -1, page: -1, detail: "fewer values than levels say")
            }
            switch first.values {
            case .int32(let v): builder.append(v[index])
            case .int64(let v): builder.append(v[index])
            case .double(let v): builder.append(v[index])
            case .boolean(let v): builder.append(v[index])
            case .bytes(let b): b.withUTF8(index) { builder.append(utf8: $0) }
            }
            valueIndex[descriptor.leafIndex] = index + 1
            entry[descriptor.leafIndex, default: 0] += 1
        case .structure(let children, let level):
            if definition < level {
                builder.appendNull()
                skip(shape)
                return
            }
            for i in children.indices { try read(children[i], into: &builder.children[i]) }
            builder.appendStructRow()
        case .list(let element, let level, let elementsLevel, let repetitionLevel):
            if definition < level {
                builder.appendNull()
                skip(shape)
                return
            }
            if definition < elementsLevel {
                skip(shape)
                builder.appendListRow()
                return
            }
            while true {
                try read(element, into: &builder.children[0])
                let next = entry[first.descriptor.leafIndex, default: 0]
                if next >= first.entryCount || first.repetition(next) < repetitionLevel { break }
            }
            builder.appendListRow()
        }
    }
}
