/// How a source's rows are split among partitions: contiguous ranges of nearly equal size, in
/// order, so that partition 0 reads the first rows and the concatenation of all shares is the
/// input itself (quarantined messages keep their order).
public enum PartitionSlice {
    /// The rows of `rowCount` that partition `partition` of `count` reads.
    public static func rows(of rowCount: Int, partition: Int, count: Int) -> Range<Int> {
        let lower = rowCount * partition / count
        let upper = rowCount * (partition + 1) / count
        return lower..<upper
    }
}
