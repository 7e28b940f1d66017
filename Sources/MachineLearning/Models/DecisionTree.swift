/// One decision tree in flat arrays (structure of arrays), walked from the root to a leaf.
///
/// Node `n` is a leaf when `featureIndex[n] < 0`. An internal node sends a row left when
/// - continuous split: `x[featureIndex] <= threshold` (NaN goes right, as in Spark);
/// - categorical split: `x[featureIndex]` is one of the node's left categories, kept as a bit
///   mask over `0 ..< numCategories` (a non-integral value or NaN is in no category: right).
///
/// Leaves keep Spark's `prediction` (a regression value for GBT trees, a class for
/// classification trees) and `impurityStats` (class counts for classification trees), which
/// random forests and single classification trees turn into probabilities.
public struct DecisionTree: Sendable {
    /// Feature tested at each node; -1 at leaves.
    let featureIndex: [Int32]
    let threshold: [Double]
    /// For categorical splits: the first word of the node's mask in `categoryMasks`, else -1.
    let maskStart: [Int32]
    let maskWords: [Int32]
    let categoryMasks: [UInt64]
    let leftChild: [Int32]
    let rightChild: [Int32]
    /// Spark's node prediction.
    public let prediction: [Double]
    let statsStart: [Int32]
    let stats: [Double]

    /// The number of nodes.
    public var nodeCount: Int { featureIndex.count }

    /// Whether node `node` splits on a categorical feature (by a set of left categories).
    public func isCategoricalSplit(_ node: Int) -> Bool {
        featureIndex[node] >= 0 && maskStart[node] >= 0
    }

    /// The deepest root-to-leaf path, in edges.
    public var depth: Int {
        func walk(_ node: Int) -> Int {
            featureIndex[node] < 0 ? 0 : 1 + max(walk(Int(leftChild[node])), walk(Int(rightChild[node])))
        }
        return nodeCount == 0 ? 0 : walk(0)
    }

    init(featureIndex: [Int32], threshold: [Double], maskStart: [Int32], maskWords: [Int32], categoryMasks: [UInt64],
         leftChild: [Int32], rightChild: [Int32], prediction: [Double], statsStart: [Int32], stats: [Double]) {
        self.featureIndex = featureIndex
        self.threshold = threshold
        self.maskStart = maskStart
        self.maskWords = maskWords
        self.categoryMasks = categoryMasks
        self.leftChild = leftChild
        self.rightChild = rightChild
        self.prediction = prediction
        self.statsStart = statsStart
        self.stats = stats
    }

    /// The leaf reached by the features at `features[base ..< base + width]`.
    @inline(__always)
    func leaf(_ features: UnsafeBufferPointer<Double>, base: Int) -> Int {
        var node = 0
        while true {
            let feature = featureIndex[node]
            if feature < 0 { return node }
            let x = features[base + Int(feature)]
            let goLeft: Bool
            let start = maskStart[node]
            if start < 0 {
                goLeft = x <= threshold[node]
            } else if x >= 0, x < Double(maskWords[node]) * 64, x == x.rounded(.towardZero) {
                let category = Int(x)
                goLeft = categoryMasks[Int(start) + category >> 6] & (1 << UInt64(category & 63)) != 0
            } else {
                goLeft = false
            }
            node = Int(goLeft ? leftChild[node] : rightChild[node])
        }
    }

    /// The impurity statistics of `node` (class counts for classification trees).
    func statistics(_ node: Int) -> ArraySlice<Double> {
        stats[Int(statsStart[node])..<Int(statsStart[node + 1])]
    }
}
