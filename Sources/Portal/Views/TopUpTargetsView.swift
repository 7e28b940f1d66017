/// The list of predicted top-up customers (`/targets?state=…`), each linking to their 360 page.
enum TopUpTargetsView {
    static func page(_ list: TopUpTargets, masked: Bool) -> HTML {
        let title = list.state.map { "Top-up targets in \($0)" } ?? "Top-up targets"
        let body: HTML
        if list.targets.isEmpty {
            body = "<p class=\"empty\">No predicted top-up customers\(list.state.map { " in \($0)" } ?? "") in the latest window.</p>"
        } else {
            let rows = list.targets.map { target -> HTML in
                let path = "/customers/" + URLComponentEncoding.encode(target.id)
                let name: HTML = target.name.map { "<a href=\"\(path)\">\($0)</a>" } ?? "<a href=\"\(path)\">\(target.id)</a> <span class=\"muted\">(no CRM document)</span>"
                return """
                    <tr><td>\(target.id)</td><td>\(name)</td><td>\(target.state ?? "–")</td>\
                    <td class="num">\(target.probability.map(NumberFormat.percent) ?? "–")</td></tr>
                    """
            }
            body = """
                <table class="results"><thead><tr><th>id</th><th>name</th><th>state</th><th class="num">top-up probability</th></tr></thead>\
                <tbody>\(rows)</tbody></table>
                """
        }
        let content: HTML = """
            <div class="titlebar"><h1>\(title)</h1><span class="muted">window ending \(list.windowEnd ?? "–") · \
            \(NumberFormat.integer(list.targets.count)) customers</span></div>
            <section class="card">\(body)</section>
            """
        return PageLayout.render(title: title, content: content, masked: masked)
    }
}
