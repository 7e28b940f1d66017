import Foundation

/// The regularized log-loss of ``LogisticRegression`` on centered, standardized features,
/// minimized by damped Newton steps.
///
/// Working on `zⱼ = (xⱼ − μⱼ) / σⱼ` keeps the Hessian well conditioned; the intercept absorbs
/// the centering, so the minimum is the same as Spark's. Features with `σⱼ = 0` are left out
/// (coefficient 0).
struct LogisticProblem {
    let rows: Int
    /// Active features: their index in the input and their standardized values, row-major.
    let active: [Int]
    let z: [Double]
    let labels: [Double]
    let mean: [Double]
    let std: [Double]
    let inputWidth: Int
    let fitIntercept: Bool
    /// The penalty weight of each active coefficient on the standardized scale.
    let penaltyWeights: [Double]

    init(data: TrainingData, statistics: FeatureStatistics, fitIntercept: Bool, penalty: Double, standardization: Bool) {
        rows = data.features.rowCount
        inputWidth = data.features.width
        active = (0..<inputWidth).filter { statistics.std[$0] > 0 }
        mean = statistics.mean
        std = statistics.std
        labels = data.labels
        self.fitIntercept = fitIntercept
        let (rows, inputWidth, active) = (rows, inputWidth, active)
        let width = active.count
        var standardized = [Double](repeating: 0, count: rows * width)
        data.features.values.withUnsafeBufferPointer { x in
            for row in 0..<rows {
                for (k, j) in active.enumerated() {
                    let centered = fitIntercept ? x[row * inputWidth + j] - statistics.mean[j] : x[row * inputWidth + j]
                    standardized[row * width + k] = centered / statistics.std[j]
                }
            }
        }
        z = standardized
        // standardization = false penalizes βⱼ = wⱼ / σⱼ, i.e. wⱼ with weight 1 / σⱼ².
        penaltyWeights = active.map { standardization ? penalty : penalty / (statistics.std[$0] * statistics.std[$0]) }
    }

    /// The objective at parameters `w` (active coefficients, then the intercept).
    func objective(_ w: [Double]) -> Double {
        let width = active.count
        var loss = 0.0
        for row in 0..<rows {
            var m = fitIntercept ? w[width] : 0
            for k in 0..<width { m += z[row * width + k] * w[k] }
            // log(1 + e^m) − y·m, computed without overflow.
            loss += (m > 0 ? m + log1p(exp(-m)) : log1p(exp(m))) - labels[row] * m
        }
        var penalty = 0.0
        for k in 0..<width { penalty += 0.5 * penaltyWeights[k] * w[k] * w[k] }
        return loss / Double(max(rows, 1)) + penalty
    }

    /// Coefficients for the input features and the intercept at the minimum (or after
    /// `maxIterations` steps).
    func solve(maxIterations: Int, tolerance: Double) -> (coefficients: [Double], intercept: Double) {
        let width = active.count
        let size = width + (fitIntercept ? 1 : 0)
        var w = [Double](repeating: 0, count: width + 1)
        if fitIntercept {
            // Start at the intercept of the label mean, as Spark does.
            let positives = labels.reduce(0, +)
            let share = min(max(positives / Double(max(rows, 1)), 1e-12), 1 - 1e-12)
            w[width] = log(share / (1 - share))
        }
        var current = objective(w)
        for _ in 0..<maxIterations {
            let (gradient, hessian) = derivatives(w, size: size)
            guard let step = Self.solveSymmetric(hessian, gradient, size: size) else { break }
            var scale = 1.0
            var next = w
            var nextObjective = current
            while scale > 1e-10 {
                for k in 0..<size { next[k] = w[k] - scale * step[k] }
                nextObjective = objective(next)
                if nextObjective <= current { break }
                scale /= 2
            }
            if nextObjective > current { break }
            let improvement = current - nextObjective
            w = next
            let converged = improvement <= tolerance * max(abs(current), 1e-12)
            current = nextObjective
            if converged { break }
        }
        var coefficients = [Double](repeating: 0, count: inputWidth)
        var intercept = fitIntercept ? w[width] : 0
        for (k, j) in active.enumerated() {
            coefficients[j] = w[k] / std[j]
            if fitIntercept { intercept -= coefficients[j] * mean[j] }
        }
        return (coefficients, intercept)
    }

    /// The gradient and Hessian of the objective (over the `size` free parameters).
    private func derivatives(_ w: [Double], size: Int) -> ([Double], [Double]) {
        let width = active.count
        var gradient = [Double](repeating: 0, count: size)
        var hessian = [Double](repeating: 0, count: size * size)
        var row = [Double](repeating: 1, count: size)
        for r in 0..<rows {
            var m = fitIntercept ? w[width] : 0
            for k in 0..<width {
                row[k] = z[r * width + k]
                m += row[k] * w[k]
            }
            let p = 1 / (1 + exp(-m))
            let residual = p - labels[r]
            let weight = p * (1 - p)
            for a in 0..<size {
                gradient[a] += residual * row[a]
                let wa = weight * row[a]
                for b in a..<size { hessian[a * size + b] += wa * row[b] }
            }
        }
        let n = Double(max(rows, 1))
        for a in 0..<size {
            gradient[a] /= n
            for b in a..<size {
                hessian[a * size + b] /= n
                hessian[b * size + a] = hessian[a * size + b]
            }
        }
        for k in 0..<width {
            gradient[k] += penaltyWeights[k] * w[k]
            // A tiny ridge keeps the system solvable when the data separate perfectly.
            hessian[k * size + k] += penaltyWeights[k] + 1e-12
        }
        return (gradient, hessian)
    }

    /// Solves `A x = b` for a symmetric positive definite `A` by Cholesky; nil when it is not.
    static func solveSymmetric(_ a: [Double], _ b: [Double], size n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}
