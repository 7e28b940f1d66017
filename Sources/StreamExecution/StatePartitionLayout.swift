/// Where each partition's state lives in a checkpoint's `state` directory.
///
/// A checkpoint records its partition count in every `offsets/N` entry, under Spark's key
/// `spark.sql.shuffle.partitions`, and keeps operator k's state of partition p in `state/k/p/`,
/// as Spark lays out `state/<operator>/<partition>`. Checkpoints written before Stream360 ran
/// partitions record no count and keep one partition's state in `state/k/`; they resume with one
/// partition only.
enum StatePartitionLayout: Equatable {
    /// A checkpoint from before partitions: `state/k/`, one partition.
    case unpartitioned
    /// `state/k/p/` for `count` partitions.
    case partitioned(Int)

    /// The offsets-log setting that records the partition count.
    static let confKey = "spark.sql.shuffle.partitions"

    /// The layout a checkpoint's recorded setting describes (nil: a checkpoint from before partitions).
    init(recorded: String?) {
        if let recorded, let count = Int(recorded) { self = .partitioned(count) } else { self = .unpartitioned }
    }

    /// How many partitions the checkpoint's state is split into.
    var count: Int {
        switch self {
        case .unpartitioned: 1
        case .partitioned(let count): count
        }
    }

    /// The state-store name of stateful operator `index`'s state in `partition`.
    func stateName(operator index: Int, partition: Int) -> String {
        switch self {
        case .unpartitioned: String(index)
        case .partitioned: "\(index)/\(partition)"
        }
    }
}
