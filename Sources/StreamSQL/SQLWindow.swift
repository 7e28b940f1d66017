public import StreamOperators

/// `window(ts, '30 seconds'[, '10 seconds'[, '5 seconds']])` in GROUP BY: Spark's time window.
enum SQLWindow {
    static func parse(_ args: [SQLExpression], timeColumn: String, at position: SQLPosition, sql: String) throws(SQLError) -> TimeWindow {
        guard (2...4).contains(args.count) else {
            throw SQLError(.type, "window takes a time column and 1 to 3 durations: window(ts, '30 seconds'[, slide[, start]])", at: position, sql: sql)
        }
        var durations: [Int64] = []
        for arg in args.dropFirst() {
            guard case .literal(.string(let text), let p) = arg else {
                throw SQLError(.type, "a window duration is a string such as '30 seconds'", at: arg.position, sql: sql)
            }
            guard let micros = interval(text) else {
                throw SQLError(.type, "'\(text)' is not a duration; write it like '30 seconds', '5 minutes' or '1 hour'", at: p, sql: sql)
            }
            durations.append(micros)
        }
        let duration = durations[0]
        let slide = durations.count > 1 ? durations[1] : duration
        guard duration > 0, slide > 0, slide <= duration else {
            throw SQLError(.type, "the window duration must be positive and the slide between 0 and the duration", at: args[1].position, sql: sql)
        }
        return TimeWindow(timeColumn: timeColumn, duration: duration, slide: slide, startTime: durations.count > 2 ? durations[2] : 0)
    }

    /// Microseconds of `'1 hour 30 minutes'`, `'30 seconds'`, `'interval 5 second'`; nil if not a duration.
    static func interval(_ text: String) -> Int64? {
        var words = text.lowercased().split(whereSeparator: { $0 == " " }).map(String.init)
        if words.first == "interval" { words.removeFirst() }
        guard !words.isEmpty, words.count % 2 == 0 else { return nil }
        var total: Int64 = 0
        var i = 0
        while i < words.count {
            guard let n = Int64(words[i]) else { return nil }
            var unit = words[i + 1]
            if unit.hasSuffix("s") && unit.count > 2 { unit.removeLast() }
            let scale: Int64
            switch unit {
            case "microsecond", "us": scale = 1
            case "millisecond", "ms": scale = 1_000
            case "second", "sec": scale = 1_000_000
            case "minute", "min": scale = 60_000_000
            case "hour": scale = 3_600_000_000
            case "day": scale = 86_400_000_000
            case "week": scale = 7 * 86_400_000_000
            default: return nil
            }
            total += n * scale
            i += 2
        }
        return total
    }
}
