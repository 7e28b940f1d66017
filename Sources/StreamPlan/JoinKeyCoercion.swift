public import Columnar
public import Expressions

/// Brings each pair of equality join keys to one type, as Spark's analyzer does before a join.
///
/// Spark 4.3 (non-ANSI) rewrites `l = r` with `l` and `r` of different types through
/// ``TypeCoercion/comparisonType(_:_:)``: numbers widen (`int = bigint` compares as bigint), and
/// a string compared with a number is cast to the number's type. So when `spark.read.json`
/// infers a CRM `user_id` as string (one document wrote `"123"`), `weblog.user_id (int) =
/// crm.user_id (string)` becomes `user_id = cast(crm.user_id as int)`: `"123"`, `" 7 "` and
/// `"5.0"` match, `"abc"` and `"1e3"` (null as int) match nothing. Without this step the keys'
/// bytes would never be equal and the join would silently return no rows.
///
/// A pair whose types differ beyond widening one integral type to another (int to bigint, which
/// loses nothing) yields a warning naming both keys and types, since values that do not convert
/// silently match nothing. Types with no comparison type (a struct and a number) are refused.
public struct JoinKeyCoercion: Sendable {
    public var leftKeys: [Expression]
    public var rightKeys: [Expression]
    /// One line per key pair whose types differed in a way worth telling the user.
    public var warnings: [String] = []

    public init(
        leftKeys: [Expression], rightKeys: [Expression], left: Schema, right: Schema, evaluator: ExpressionEvaluator
    ) throws(PlanError) {
        self.leftKeys = leftKeys
        self.rightKeys = rightKeys
        for i in leftKeys.indices {
            let leftType: DataType, rightType: DataType
            do {
                leftType = try evaluator.dataType(of: leftKeys[i], in: left)
                rightType = try evaluator.dataType(of: rightKeys[i], in: right)
            } catch {
                throw .expression(error, step: "join key \(leftKeys[i]) = \(rightKeys[i])")
            }
            guard leftType != rightType else { continue }
            guard let common = TypeCoercion.comparisonType(leftType, rightType) else {
                throw .unsupportedJoin("join key \(leftKeys[i]) (\(leftType)) cannot be compared with \(rightKeys[i]) (\(rightType)); cast one side to the other's type")
            }
            if leftType != common { self.leftKeys[i] = .cast(leftKeys[i], common) }
            if rightType != common { self.rightKeys[i] = .cast(rightKeys[i], common) }
            if !(Self.isIntegral(leftType) && Self.isIntegral(rightType)) {
                warnings.append(Self.warning(leftKeys[i], leftType, rightKeys[i], rightType, common))
            }
        }
    }

    private static func isIntegral(_ type: DataType) -> Bool { type == .int || type == .long }

    private static func warning(
        _ left: Expression, _ leftType: DataType, _ right: Expression, _ rightType: DataType, _ common: DataType
    ) -> String {
        let casts = [(left, leftType), (right, rightType)].filter { $0.1 != common }
            .map { "\($0.0) (\($0.1))" }.joined(separator: " and ")
        var text = "join keys \(left) (\(leftType)) and \(right) (\(rightType)) have different types:"
            + " \(casts) cast to \(common) before matching, as Spark does"
        if leftType == .string || rightType == .string {
            text += "; values that are not a valid \(common) become null and match nothing"
        }
        return text
    }
}
