/// The parameters of a boosting run, as documented values with XGBoost's names.
///
/// Defaults suit per-batch scoring on a small machine: one thread (`nthread = 1`; OpenMP
/// start-up costs more than it saves on small batches), the `hist` tree method, and a fixed
/// seed so that training is repeatable. Anything else XGBoost accepts goes in ``extra``.
///
/// ```swift
/// var parameters = BoosterParameters(objective: "binary:logistic", maxDepth: 5, eta: 0.1)
/// parameters.extra["min_child_weight"] = "2"
/// ```
public struct BoosterParameters: Sendable, Hashable {
    /// The learning task: `binary:logistic`, `reg:squarederror`, …
    public var objective: String
    /// The deepest a tree may grow (`max_depth`).
    public var maxDepth: Int
    /// The shrinkage applied to each tree (`eta`, Spark's `stepSize`).
    public var eta: Double
    /// Threads XGBoost may use (`nthread`).
    public var threads: Int
    /// The tree construction algorithm (`tree_method`): `hist`, `approx` or `exact`.
    public var treeMethod: String
    /// The random seed (`seed`).
    public var seed: Int
    /// The initial prediction (`base_score`); nil leaves XGBoost's default (0.5).
    public var baseScore: Double?
    /// Further parameters, passed as they are.
    public var extra: [String: String]

    public init(objective: String = "binary:logistic", maxDepth: Int = 6, eta: Double = 0.3, threads: Int = 1,
                treeMethod: String = "hist", seed: Int = 0, baseScore: Double? = nil, extra: [String: String] = [:]) {
        self.objective = objective
        self.maxDepth = maxDepth
        self.eta = eta
        self.threads = threads
        self.treeMethod = treeMethod
        self.seed = seed
        self.baseScore = baseScore
        self.extra = extra
    }

    /// The parameters as XGBoost's name–value pairs, in a fixed order.
    public var pairs: [(name: String, value: String)] {
        var result: [(String, String)] = [
            ("objective", objective), ("max_depth", String(maxDepth)), ("eta", String(eta)),
            ("nthread", String(threads)), ("tree_method", treeMethod), ("seed", String(seed)),
        ]
        if let baseScore { result.append(("base_score", String(baseScore))) }
        result += extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return result
    }
}
