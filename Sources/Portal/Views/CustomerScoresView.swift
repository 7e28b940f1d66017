/// The score cards of the 360 page: churn (with its history), top-up, web experience.
enum CustomerScoresView {
    static func churn(_ profile: CustomerProfile) -> HTML {
        guard let churn = profile.churnProbability else { return "<p class=\"empty\">Not scored yet.</p>" }
        let level = churn >= 0.7 ? "high" : churn >= 0.4 ? "medium" : "low"
        let history: HTML
        if profile.churnHistory.count >= 2 {
            history = sparkline(profile.churnHistory.map(\.probability))
        } else {
            history = "<p class=\"muted\">\(profile.churnHistory.count) real-time score\(profile.churnHistory.count == 1 ? "" : "s") so far.</p>"
        }
        let rows = profile.churnHistory.suffix(8).reversed().map { score -> HTML in
            "<tr><td>\(score.scoredAt)</td><td>\(score.product ?? "")</td><td class=\"num\">\(NumberFormat.percent(score.probability))</td></tr>"
        }
        let table: HTML = rows.isEmpty ? .empty : """
            <table><thead><tr><th>scored at</th><th>product viewed</th><th class="num">churn probability</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
        return """
            <p class="score \(level)">\(NumberFormat.percent(churn))<span> probability of churn (\(level))</span></p>
            \(history)\(table)
            """
    }

    static func topUp(_ profile: CustomerProfile) -> HTML {
        guard let topUp = profile.topUp else { return "<p class=\"empty\">No top-up prediction for this customer.</p>" }
        let probability: HTML = topUp.probability.map { "<p class=\"muted\">probability \(NumberFormat.percent($0))</p>" } ?? .empty
        return """
            <p class="score \(topUp.predicted ? "medium" : "low")">\(topUp.predicted ? "Likely to top up" : "Not expected to top up")</p>
            \(probability)<p class="muted">window \(topUp.window)\(topUp.state.map { ", state \($0)" } ?? "")</p>
            \(topUp.lineage.map(lineage) ?? .empty)
            """
    }

    /// "Why this score": the customer record and the window's bureau records the prediction
    /// was computed from (the demo's `--lineage`), the bureau list bounded as the pipeline kept it.
    static func lineage(_ lineage: CustomerProfile.TopUpLineage) -> HTML {
        let bureau = lineage.bureauSources.map { source -> HTML in "<li><code>\(source)</code></li>" }
        let more = lineage.bureauRecords - lineage.bureauSources.count
        let rest: HTML = more > 0 ? "<li class=\"muted\">and \(more) more</li>" : .empty
        return """
            <details class="lineage" open><summary>Why this score</summary>\
            <p>Customer record <code data-lineage="customer">\(lineage.customerSource)</code></p>\
            <p>\(lineage.bureauRecords) bureau record\(lineage.bureauRecords == 1 ? "" : "s") in the window:</p>\
            <ul data-lineage="bureau">\(bureau)\(rest)</ul></details>
            """
    }

    static func experience(_ profile: CustomerProfile) -> HTML {
        guard let average = profile.averageResponseMs else { return "<p class=\"empty\">No response times recorded.</p>" }
        let level = average >= 1000 ? "high" : average >= 500 ? "medium" : "low"
        return """
            <p class="score \(level)">\(NumberFormat.decimal(average, decimals: 0)) ms<span> average over the recent clicks</span></p>
            <p class="muted">slowest \(NumberFormat.decimal(profile.slowestResponseMs ?? average, decimals: 0)) ms</p>
            """
    }

    /// A small SVG line of probabilities (0 at the bottom, 1 at the top), oldest on the left.
    static func sparkline(_ values: [Double]) -> HTML {
        let width = 300.0
        let height = 60.0
        let step = width / Double(max(values.count - 1, 1))
        let points = values.enumerated().map { index, value in
            "\(NumberFormat.decimal(Double(index) * step, decimals: 1)),\(NumberFormat.decimal(height - min(max(value, 0), 1) * height, decimals: 1))"
        }
        return """
            <svg class="sparkline" viewBox="0 0 300 60" width="100%" height="60" role="img" aria-label="churn probability history">\
            <line x1="0" y1="18" x2="300" y2="18" class="threshold"></line>\
            <polyline points="\(points.joined(separator: " "))"></polyline></svg>
            """
    }
}
