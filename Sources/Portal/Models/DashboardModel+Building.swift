import DocumentStore
import Foundation

extension DashboardModel {
    /// How long a query may go without a batch before it counts as idle, by default: 30 s, many
    /// times the demo's 1 s trigger and well above its slowest batches.
    public static let defaultIdleAfterSeconds: Double = 30

    /// Reads the store and the followed progress files into a model.
    ///
    /// A store that cannot be read leaves its sections empty and sets ``storeProblem``; the
    /// progress sections are still filled. A query whose last batch is more than
    /// `idleAfterSeconds` before `now` is idle (``QueryHealth/Activity``).
    public static func build(
        store: PortalStore, progress: [ProgressFollower], now: Date, idleAfterSeconds: Double = defaultIdleAfterSeconds
    ) -> DashboardModel {
        var model = DashboardModel()
        model.fillProgress(progress, now: now, idleAfterSeconds: idleAfterSeconds)
        do {
            try model.fillStore(store)
        } catch {
            model.storeProblem = error.description
        }
        return model
    }

    /// A model with fresh progress sections and the store's sections taken from `storeSections`
    /// (a model built earlier with ``build(store:progress:now:)``): the store is not read.
    public static func build(
        progress: [ProgressFollower], now: Date, storeSections: DashboardModel, idleAfterSeconds: Double = defaultIdleAfterSeconds
    ) -> DashboardModel {
        var model = storeSections
        model.topics = []
        model.health = []
        model.fillProgress(progress, now: now, idleAfterSeconds: idleAfterSeconds)
        return model
    }

    mutating func fillProgress(_ followers: [ProgressFollower], now: Date, idleAfterSeconds: Double) {
        for follower in followers.sorted(by: { $0.queryName < $1.queryName }) {
            guard let latest = follower.recent.last else { continue }
            let age = follower.modified.map { max(0, now.timeIntervalSince($0)) }
            let idle = (age ?? 0) > idleAfterSeconds
            let window = follower.recent.suffix(10)
            let seconds = window.reduce(0) { $0 + $1.batchDurationMs } / 1000
            for (source, total) in follower.totalInputRows.sorted(by: { $0.key < $1.key }) {
                let rows = window.reduce(0) { sum, line in
                    let sources = line.sources ?? []
                    if sources.isEmpty { return sum + (source == "all" ? line.numInputRows ?? 0 : 0) }
                    return sum + sources.filter { ($0.description ?? "unnamed source") == source }.reduce(0) { $0 + ($1.numInputRows ?? 0) }
                }
                topics.append(
                    TopicRate(
                        topic: Self.topicName(source), query: follower.queryName,
                        eventsPerSecond: !idle && seconds > 0 ? Double(rows) / seconds : 0, totalEvents: total, idle: idle))
            }
            health.append(
                QueryHealth(
                    query: follower.queryName, batchId: latest.batchId ?? 0, batchDurationMs: latest.batchDurationMs,
                    watermark: Self.watermark(latest.eventTime?.watermark),
                    lastBatchAgeSeconds: age, activity: idle ? .idle : .running,
                    fallingBehind: !idle && (latest.inputRowsPerSecond ?? 0) > (latest.processedRowsPerSecond ?? 0) * 1.05
                        && (latest.processedRowsPerSecond ?? 0) > 0,
                    stateRows: latest.stateRows, quarantined: follower.totalQuarantined))
        }
        topics.sort { ($0.eventsPerSecond, $1.topic) > ($1.eventsPerSecond, $0.topic) }
    }

    mutating func fillStore(_ store: PortalStore) throws(PortalError) {
        customerCount = try store.count(in: PortalTables.crm)
        let scores = try store.documents(in: PortalTables.crm, projection: ["churn_probability"]).compactMap { $0["churn_probability"]?.number }
        churnDistribution = Self.deciles(scores)
        let clicks = try store.documents(in: PortalTables.clicks, projection: ["browser", "os", "product", "response_time_ms"])
        responseByBrowser = Self.averageResponse(clicks, by: "browser")
        responseByOS = Self.averageResponse(clicks, by: "os")
        responseByProduct = Self.averageResponse(clicks, by: "product")
        if let latest = try store.documents(in: PortalTables.statewideCounts).last {
            stateWindowEnd = latest["window_end"]?.text
            for entry in latest["counts"]?.elements ?? [] {
                let state = entry["State"]?.text ?? "UNKNOWN"
                stateCounts[state, default: 0] += Int(entry["target_customers"]?.number ?? 0)
            }
        }
    }

    /// `text`, or nil when it is absent, empty or the epoch (the engine's watermark of a query
    /// that has none: `1970-01-01T00:00:00.000Z`, or `…00Z`).
    static func watermark(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let epoch = text.hasPrefix("1970-01-01T00:00:00") && text.dropFirst(19).allSatisfy { "0.Z+:".contains($0) }
        return epoch ? nil : text
    }

    /// Counts of `scores` (probabilities) per tenth; empty for no scores.
    static func deciles(_ scores: [Double]) -> [Bar] {
        guard !scores.isEmpty else { return [] }
        var counts = [Int](repeating: 0, count: 10)
        for score in scores where score.isFinite {
            counts[min(9, max(0, Int(score * 10)))] += 1
        }
        return counts.enumerated().map { index, count in
            Bar(label: String(format: "%.1f–%.1f", Double(index) / 10, Double(index + 1) / 10), value: Double(count), count: count)
        }
    }

    /// The average `response_time_ms` of `clicks` per value of `field`, slowest first
    /// (clicks without a readable time are left out; a missing `field` counts as `unknown`).
    static func averageResponse(_ clicks: [JSONValue], by field: String) -> [Bar] {
        var sums: [String: (total: Double, count: Int)] = [:]
        for click in clicks {
            guard let time = click["response_time_ms"]?.number, time.isFinite else { continue }
            let key = click[field]?.text ?? "unknown"
            sums[key, default: (0, 0)].total += time
            sums[key, default: (0, 0)].count += 1
        }
        return sums.map { Bar(label: $0.key, value: $0.value.total / Double($0.value.count), count: $0.value.count) }
            .sorted { ($0.value, $1.label) > ($1.value, $0.label) }
    }

    /// `clickstream` for `KafkaV2[clickstream]`, `bureau` for `FileStreamSource[input/bureau]`.
    static func topicName(_ description: String) -> String {
        guard let open = description.firstIndex(of: "["), description.hasSuffix("]") else { return description }
        let inner = description[description.index(after: open)..<description.index(before: description.endIndex)]
        return inner.split(separator: "/").last.map(String.init) ?? String(inner)
    }
}
