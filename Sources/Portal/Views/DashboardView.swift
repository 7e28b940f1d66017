/// The live dashboard: sections that the page shows first and live updates then replace.
///
/// Each section has a stable element id; ``sections(_:)`` renders all of them, and the same
/// fragments travel in server-sent events, so the page and its updates cannot disagree.
enum DashboardView {
    /// The section ids and their contents, in page order.
    static func sections(_ model: DashboardModel) -> [(id: String, html: HTML)] {
        [
            ("kpis", kpis(model)),
            ("topics", topics(model)),
            ("health", HealthTableView.render(model.health)),
            ("response-browser", BarChartView.render(model.responseByBrowser, unit: " ms", emptyText: "No clicks yet.")),
            ("response-os", BarChartView.render(model.responseByOS, unit: " ms", emptyText: "No clicks yet.")),
            ("response-product", BarChartView.render(model.responseByProduct, unit: " ms", emptyText: "No clicks yet.")),
            ("churn", BarChartView.render(model.churnDistribution, unit: "", emptyText: "No churn scores yet.")),
            ("states", states(model)),
        ]
    }

    /// The whole dashboard page.
    static func page(_ model: DashboardModel, masked: Bool) -> HTML {
        let parts = Dictionary(sections(model).map { ($0.id, $0.html) }, uniquingKeysWith: { first, _ in first })
        func section(_ id: String) -> HTML { "<div id=\"\(id)\">\(parts[id] ?? .empty)</div>" }
        let problem: HTML = model.storeProblem.map { "<p class=\"problem\">\($0)</p>" } ?? .empty
        let content: HTML = """
            <div class="titlebar"><h1>Live dashboard</h1><span id="live-status" class="live">static view</span></div>
            \(problem)
            \(section("kpis"))
            <div class="grid">
            <section class="card wide"><h2>Events per second by topic</h2>\(section("topics"))</section>
            <section class="card"><h2>Churn risk distribution</h2>\(section("churn"))</section>
            <section class="card full"><h2>Pipeline health</h2>\(section("health"))</section>
            <section class="card"><h2>Response time by browser</h2>\(section("response-browser"))</section>
            <section class="card"><h2>Response time by OS</h2>\(section("response-os"))</section>
            <section class="card"><h2>Response time by product</h2>\(section("response-product"))</section>
            <section class="card wide"><h2>Predicted top-up customers per state</h2>\(section("states"))</section>
            </div>
            """
        return PageLayout.render(title: "Dashboard", content: content, live: true, masked: masked)
    }

    static func kpis(_ model: DashboardModel) -> HTML {
        func kpi(_ id: String, _ label: String, _ value: String) -> HTML {
            "<div class=\"kpi\"><span class=\"kpi-value\" id=\"kpi-\(id)\">\(value)</span><span class=\"kpi-label\">\(label)</span></div>"
        }
        let quarantined = model.health.reduce(0) { $0 + $1.quarantined }
        let idle: HTML = model.idleSeconds.map { seconds in
            "<p class=\"notice\">Pipelines idle: No batch for \(NumberFormat.age(seconds: seconds)) (stopped, or waiting for input).</p>"
        } ?? .empty
        let rate = model.idleSeconds == nil ? NumberFormat.decimal(model.totalEventsPerSecond) : "—"
        let missing: HTML = model.demoProblem.map { "<p class=\"notice\">No demo data: \($0).</p>" } ?? .empty
        return """
            \(missing)\(idle)<div class="kpis">\
            \(kpi("rate", "events / s", rate))\
            \(kpi("events", "events processed", NumberFormat.integer(model.totalEvents)))\
            \(kpi("customers", "customers", NumberFormat.integer(model.customerCount)))\
            <a class="kpi-link" href="/targets">\(kpi("topup", "top-up targets (latest window)", NumberFormat.integer(model.totalTargetCustomers)))</a>\
            \(kpi("quarantined", "quarantined messages", NumberFormat.integer(quarantined)))\
            </div>
            """
    }

    static func topics(_ model: DashboardModel) -> HTML {
        guard !model.topics.isEmpty else { return "<p class=\"empty\">No pipeline progress yet.</p>" }
        let rows = model.topics.map { topic -> HTML in
            """
            <tr><td>\(topic.topic)</td><td class="muted">\(topic.query)</td>\
            <td class="num">\(topic.idle ? "—" : NumberFormat.decimal(topic.eventsPerSecond))</td><td class="num">\(NumberFormat.integer(topic.totalEvents))</td></tr>
            """
        }
        return """
            <table><thead><tr><th>topic</th><th>query</th><th class="num">events/s</th><th class="num">total</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
    }

    static func states(_ model: DashboardModel) -> HTML {
        guard model.stateWindowEnd != nil || !model.stateCounts.isEmpty else {
            return "<p class=\"empty\">No per-state counts yet.</p>\(StateTileMap.render([:]))"
        }
        return """
            <p class="muted">Window ending \(model.stateWindowEnd ?? "–"): \(NumberFormat.integer(model.totalTargetCustomers)) customers to target.</p>\
            \(StateTileMap.render(model.stateCounts))
            """
    }
}
