#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Continuous distributions the generators draw from: normal, log-normal, gamma and beta.
extension SeededRandom {
    /// A normal deviate (Box–Muller; one of the pair is discarded to keep the stream stateless).
    public mutating func gaussian(mean: Double, deviation: Double) -> Double {
        var u1 = unit()
        while u1 <= .leastNormalMagnitude { u1 = unit() }
        let u2 = unit()
        return mean + deviation * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// `exp(N(mu, sigma))`.
    public mutating func logNormal(mu: Double, sigma: Double) -> Double {
        exp(gaussian(mean: mu, deviation: sigma))
    }

    /// A gamma deviate with the given shape and scale 1 (Marsaglia and Tsang).
    public mutating func gamma(shape: Double) -> Double {
        precondition(shape > 0, "gamma shape must be positive")
        if shape < 1 {
            // Boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
            return gamma(shape: shape + 1) * pow(max(unit(), .leastNormalMagnitude), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = gaussian(mean: 0, deviation: 1)
            let v0 = 1 + c * x
            guard v0 > 0 else { continue }
            let v = v0 * v0 * v0
            let u = unit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(max(u, .leastNormalMagnitude)) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A beta deviate in (0, 1).
    public mutating func beta(_ alpha: Double, _ beta: Double) -> Double {
        let x = gamma(shape: alpha)
        let y = gamma(shape: beta)
        return x / (x + y)
    }
}
