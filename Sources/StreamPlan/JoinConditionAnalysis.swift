public import Columnar
public import Expressions
public import StreamOperators

/// Splits a join condition into equality keys, a residual condition and eviction rules.
///
/// Each conjunct `l = r` with `l` over left columns and `r` over right columns becomes a key
/// pair. A conjunct comparing a right column `x` with a left column `y` bounds state:
/// - `x <= y` (or `<`): future on-time right rows have `x >= watermark + off(x)`, so a left
///   row with `y < watermark + off(x)` can never match again;
/// - `x >= y` (or `>`): future left rows have `y >= watermark + off(y)`, so a right row with
///   `x < watermark + off(y)` can never match again;
/// where `off` comes from each side's ``EventTimeBounds``. Every conjunct that is not a key
/// stays in the residual condition, checked on each candidate pair.
public struct JoinConditionAnalysis {
    public var leftKeys: [Expression] = []
    public var rightKeys: [Expression] = []
    public var residual: Expression?
    public var leftEviction: [EvictionRule] = []
    public var rightEviction: [EvictionRule] = []

    public init(
        condition: Expression, left: Schema, right: Schema,
        leftBounds: EventTimeBounds, rightBounds: EventTimeBounds, resolution: NameResolution
    ) throws(PlanError) {
        func side(of expression: Expression) throws(PlanError) -> Side? {
            var found: Side?
            for name in expression.referencedColumns {
                let inLeft = Self.has(name, left, resolution)
                let inRight = Self.has(name, right, resolution)
                if inLeft && inRight {
                    throw .unsupportedJoin("column '\(name)' exists on both sides; rename one (withColumnRenamed) before joining")
                }
                guard inLeft || inRight else {
                    throw .unsupportedJoin("column '\(name)' exists on neither side of the join")
                }
                let this: Side = inLeft ? .left : .right
                if let found, found != this { return .both }
                found = this
            }
            return found
        }
        var residual: [Expression] = []
        for conjunct in Self.conjuncts(condition) {
            if case .comparison(.equal, let a, let b) = conjunct {
                let sa = try side(of: a), sb = try side(of: b)
                if sa == .left && sb == .right {
                    leftKeys.append(a)
                    rightKeys.append(b)
                    continue
                }
                if sa == .right && sb == .left {
                    leftKeys.append(b)
                    rightKeys.append(a)
                    continue
                }
            }
            residual.append(conjunct)
            guard case .comparison(let op, .column(let a), .column(let b)) = conjunct,
                  [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op) else { continue }
            let sa = try side(of: .column(a)), sb = try side(of: .column(b))
            let (x, y, rightOp): (String, String, ComparisonOperator)
            if sa == .right && sb == .left {
                (x, y, rightOp) = (a, b, op)
            } else if sa == .left && sb == .right {
                (x, y, rightOp) = (b, a, Self.flipped(op))
            } else {
                continue
            }
            if rightOp == .less || rightOp == .lessOrEqual {
                if let offset = rightBounds.offset(of: x) { leftEviction.append(EvictionRule(column: y, offset: offset)) }
            } else if let offset = leftBounds.offset(of: y) {
                rightEviction.append(EvictionRule(column: x, offset: offset))
            }
        }
        self.residual = residual.dropFirst().reduce(residual.first) { acc, next in acc.map { .and($0, next) } }
    }

    private enum Side { case left, right, both }

    private static func has(_ name: String, _ schema: Schema, _ resolution: NameResolution) -> Bool {
        if (try? schema.index(of: name, resolution: resolution)) != nil { return true }
        guard let dot = name.firstIndex(of: ".") else { return false }
        return (try? schema.index(of: String(name[..<dot]), resolution: resolution)) != nil
    }

    static func conjuncts(_ e: Expression) -> [Expression] {
        if case .and(let l, let r) = e { return conjuncts(l) + conjuncts(r) }
        return [e]
    }

    static func flipped(_ op: ComparisonOperator) -> ComparisonOperator {
        switch op {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        default: op
        }
    }
}
