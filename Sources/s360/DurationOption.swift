import ArgumentParser

/// Durations on the command line: a number and a unit, `500ms`, `90s`, `30m`, `1h`, `2d`.
enum DurationOption {
    static func parse(_ text: String, option: String) throws -> Duration {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        for unit in units where text.hasSuffix(unit.suffix) {
            let number = text.dropLast(unit.suffix.count)
            // "5ms" also ends with "s": only a plain number may come before the unit.
            if let value = Double(number), value > 0, value.isFinite {
                return .milliseconds(Int64((value * unit.seconds * 1000).rounded()))
            }
        }
        throw ValidationError("\(option) takes a positive duration such as 500ms, 90s, 30m, 1h or 2d, not '\(text)'")
    }
}
