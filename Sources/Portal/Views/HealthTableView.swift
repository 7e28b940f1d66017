/// The pipeline-health table: one row per query, from its latest batch.
///
/// A running query shows how long ago its last batch was and whether it keeps up; an idle one
/// (see ``DashboardModel/QueryHealth/Activity``) says so with the time since its last batch and
/// makes no claim about keeping up.
enum HealthTableView {
    static func render(_ health: [DashboardModel.QueryHealth]) -> HTML {
        guard !health.isEmpty else { return "<p class=\"empty\">No pipeline progress yet.</p>" }
        let rows = health.map { query -> HTML in
            let age = query.lastBatchAgeSeconds.map { NumberFormat.age(seconds: $0) + " ago" } ?? "–"
            let status: HTML =
                switch query.activity {
                case .idle: "<span class=\"idle\">idle</span>"
                case .running where query.fallingBehind: "<span class=\"warn\">behind</span>"
                case .running: "<span class=\"ok\">keeping up</span>"
                }
            return """
                <tr><td>\(query.query)</td><td>\(status)</td><td class="num">\(age)</td><td class="num">\(query.batchId)</td>\
                <td class="num">\(NumberFormat.decimal(query.batchDurationMs)) ms</td><td>\(query.watermark ?? "none")</td>\
                <td class="num">\(NumberFormat.integer(query.stateRows))</td>\
                <td class="num\(query.quarantined > 0 ? " warn" : "")">\(NumberFormat.integer(query.quarantined))</td></tr>
                """
        }
        return """
            <table><thead><tr><th>query</th><th>status</th><th class="num">last batch</th><th class="num">batch</th>\
            <th class="num">duration</th><th>watermark</th><th class="num">state rows</th><th class="num">quarantined</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
    }
}
