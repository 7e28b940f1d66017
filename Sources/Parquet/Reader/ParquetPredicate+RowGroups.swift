extension ParquetPredicate {
    /// Whether rows of a row group may satisfy the predicate, judging by `bounds` (per column
    /// name). `true` when unsure.
    func mayMatch(_ bounds: (String) -> ChunkBounds?) -> Bool {
        switch self {
        case .and(let items): return items.allSatisfy { $0.mayMatch(bounds) }
        case .or(let items): return items.isEmpty || items.contains { $0.mayMatch(bounds) }
        case .isNull(let column):
            guard let b = bounds(column), let nulls = b.nullCount else { return true }
            return nulls > 0
        case .isNotNull(let column):
            guard let b = bounds(column), b.nullCount != nil else { return true }
            return !b.allNull
        case .equal(let column, let scalar), .lessThan(let column, let scalar), .lessThanOrEqual(let column, let scalar),
             .greaterThan(let column, let scalar), .greaterThanOrEqual(let column, let scalar):
            guard let b = bounds(column) else { return true }
            if b.allNull { return false }
            guard let low = b.min, let high = b.max, let v = ChunkBounds.value(scalar) else { return true }
            switch self {
            case .equal: return low <= v && v <= high
            case .lessThan: return low < v
            case .lessThanOrEqual: return low <= v
            case .greaterThan: return v < high
            case .greaterThanOrEqual: return v <= high
            default: return true
            }
        }
    }
}
