import Columnar

extension DecisionTree {
    /// Reads the trees of Spark's saved node table: one row per node, either with the node's
    /// fields as columns (a single tree) or as `treeID` plus a `nodeData` struct (an ensemble).
    ///
    /// Node fields used: `id` (preorder, root 0), `prediction`, `impurityStats`, `leftChild` and
    /// `rightChild` (ids, -1 at leaves), `split.featureIndex`, `split.leftCategoriesOrThreshold`
    /// (the threshold, or the categories going left) and `split.numCategories` (-1 for a
    /// continuous split). Returns the trees by tree id.
    static func sparkTrees(_ table: RecordBatch, path: String) throws(MachineLearningError) -> [Int: DecisionTree] {
        let nodes: [Column]
        let fields: [Field]
        var treeIDs: [Int32]
        if let index = table.schema.fields.firstIndex(where: { $0.name == "nodeData" }),
           case .structure(let nodeFields) = table.schema.fields[index].type,
           case .structure(let children) = table.columns[index].storage {
            nodes = children
            fields = nodeFields
            guard let treeColumn = table.schema.fields.firstIndex(where: { $0.name == "treeID" }),
                  case .int32(let ids) = table.columns[treeColumn].storage
            else { throw .invalidModel(path: path, detail: "tree node data has nodeData but no int treeID column") }
            treeIDs = ids
        } else {
            nodes = table.columns
            fields = table.schema.fields
            treeIDs = Array(repeating: 0, count: table.rowCount)
        }
        func child(_ name: String, in fields: [Field], _ columns: [Column]) throws(MachineLearningError) -> Column {
            guard let i = fields.firstIndex(where: { $0.name == name }) else {
                throw .invalidModel(path: path, detail: "tree node data has no field \(name)")
            }
            return columns[i]
        }
        let split = try child("split", in: fields, nodes)
        guard case .structure(let splitFields) = split.type else {
            throw .invalidModel(path: path, detail: "tree node field split is not a struct")
        }
        let columns = NodeColumns(
            id: try child("id", in: fields, nodes).scalars, prediction: try child("prediction", in: fields, nodes).scalars,
            stats: try child("impurityStats", in: fields, nodes).scalars,
            left: try child("leftChild", in: fields, nodes).scalars, right: try child("rightChild", in: fields, nodes).scalars,
            feature: try child("featureIndex", in: splitFields, split.children).scalars,
            thresholds: try child("leftCategoriesOrThreshold", in: splitFields, split.children).scalars,
            numCategories: try child("numCategories", in: splitFields, split.children).scalars)
        var rowsByTree: [Int: [Int]] = [:]
        for row in treeIDs.indices { rowsByTree[Int(treeIDs[row]), default: []].append(row) }
        var trees: [Int: DecisionTree] = [:]
        for (treeID, rows) in rowsByTree {
            trees[treeID] = try build(rows: rows, columns, path: path, treeID: treeID)
        }
        return trees
    }

    /// The node table's fields, read as scalars (loading is not a hot path).
    private struct NodeColumns {
        var id, prediction, stats, left, right, feature, thresholds, numCategories: [Scalar]
    }

    private static func build(rows: [Int], _ c: NodeColumns, path: String, treeID: Int) throws(MachineLearningError) -> DecisionTree {
        func int(_ value: Scalar) -> Int? {
            switch value {
            case .int(let v): Int(v)
            case .long(let v): Int(v)
            default: nil
            }
        }
        func doubles(_ value: Scalar) -> [Double] {
            guard case .array(let items) = value else { return [] }
            return items.compactMap { if case .double(let v) = $0 { v } else { nil } }
        }
        let bad = { (detail: String) in MachineLearningError.invalidModel(path: path, detail: "tree \(treeID): \(detail)") }
        var ordered: [(id: Int, row: Int)] = []
        for row in rows {
            guard let id = int(c.id[row]) else { throw bad("node without an id") }
            ordered.append((id, row))
        }
        ordered.sort { $0.id < $1.id }
        var position: [Int: Int32] = [:]
        for (index, node) in ordered.enumerated() { position[node.id] = Int32(index) }
        var featureIndex: [Int32] = [], threshold: [Double] = [], maskStart: [Int32] = [], maskWords: [Int32] = []
        var masks: [UInt64] = [], left: [Int32] = [], right: [Int32] = [], prediction: [Double] = []
        var statsStart: [Int32] = [0], stats: [Double] = []
        for (_, row) in ordered {
            guard case .double(let predicted) = c.prediction[row], let leftID = int(c.left[row]), let rightID = int(c.right[row])
            else { throw bad("node \(c.id[row]) lacks prediction or children") }
            prediction.append(predicted)
            stats += doubles(c.stats[row])
            statsStart.append(Int32(stats.count))
            if leftID < 0 {
                featureIndex.append(-1)
                threshold.append(0)
                maskStart.append(-1)
                maskWords.append(0)
                left.append(-1)
                right.append(-1)
                continue
            }
            guard let l = position[leftID], let r = position[rightID], let feature = int(c.feature[row]), feature >= 0,
                  let categories = int(c.numCategories[row])
            else { throw bad("node \(c.id[row]) has a child or split that does not resolve") }
            let values = doubles(c.thresholds[row])
            featureIndex.append(Int32(feature))
            left.append(l)
            right.append(r)
            if categories < 0 {
                guard values.count == 1 else { throw bad("continuous split of node \(c.id[row]) has \(values.count) thresholds") }
                threshold.append(values[0])
                maskStart.append(-1)
                maskWords.append(0)
            } else {
                let words = max(1, (categories + 63) / 64)
                var mask = [UInt64](repeating: 0, count: words)
                for category in values {
                    guard category >= 0, category < Double(words * 64), category == category.rounded(.towardZero) else {
                        throw bad("categorical split of node \(c.id[row]) names category \(category)")
                    }
                    mask[Int(category) >> 6] |= 1 << UInt64(Int(category) & 63)
                }
                threshold.append(0)
                maskStart.append(Int32(masks.count))
                maskWords.append(Int32(words))
                masks += mask
            }
        }
        if ordered.isEmpty { throw bad("no nodes") }
        return DecisionTree(
            featureIndex: featureIndex, threshold: threshold, maskStart: maskStart, maskWords: maskWords, categoryMasks: masks,
            leftChild: left, rightChild: right, prediction: prediction, statsStart: statsStart, stats: stats)
    }
}
