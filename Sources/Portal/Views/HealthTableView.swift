/// The pipeline-health table: one row per query, from its latest batch.
enum HealthTableView {
    static func render(_ health: [DashboardModel.QueryHealth]) -> HTML {
        guard !health.isEmpty else { return "<p class=\"empty\">No pipeline progress yet.</p>" }
        let rows = health.map { query -> HTML in
            let lag = query.inputLagSeconds.map { NumberFormat.age(seconds: $0) } ?? "–"
            let status: HTML = query.fallingBehind ? "<span class=\"warn\">behind</span>" : "<span class=\"ok\">keeping up</span>"
            return """
                <tr><td>\(query.query)</td><td class="num">\(query.batchId)</td>\
                <td class="num">\(NumberFormat.decimal(query.batchDurationMs)) ms</td><td>\(query.watermark ?? "–")</td>\
                <td class="num">\(lag) \(status)</td><td class="num">\(NumberFormat.integer(query.stateRows))</td>\
                <td class="num\(query.quarantined > 0 ? " warn" : "")">\(NumberFormat.integer(query.quarantined))</td></tr>
                """
        }
        return """
            <table><thead><tr><th>query</th><th class="num">batch</th><th class="num">duration</th><th>watermark</th>\
            <th class="num">input lag</th><th class="num">state rows</th><th class="num">quarantined</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
    }
}
