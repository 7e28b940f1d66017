import Foundation

/// How numbers are written on the pages: grouped thousands, fixed decimals, durations.
enum NumberFormat {
    /// `12,345` for an integer.
    static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// `value` with `decimals` digits after the point (thousands grouped).
    static func decimal(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "–" }
        let rounded = String(format: "%.\(decimals)f", abs(value))
        let parts = rounded.split(separator: ".", maxSplits: 1)
        let whole = integer(Int(parts.first ?? "0") ?? 0)
        let sign = value < 0 && rounded.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `15.6 %` for a probability of 0.156 (one decimal).
    static func percent(_ probability: Double) -> String {
        decimal(probability * 100, decimals: 1) + " %"
    }

    /// `850 ms`, `2.4 s`, `3.0 min`, `5.2 h` for a duration in seconds.
    static func age(seconds: Double) -> String {
        switch seconds {
        case ..<1: "\(Int(seconds * 1000)) ms"
        case ..<120: decimal(seconds) + " s"
        case ..<7200: decimal(seconds / 60) + " min"
        default: decimal(seconds / 3600) + " h"
        }
    }
}
