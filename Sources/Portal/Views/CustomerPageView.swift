/// The 360 page of one customer.
enum CustomerPageView {
    static func page(_ profile: CustomerProfile, masked: Bool) -> HTML {
        let actions = profile.actions.map { action -> HTML in "<li class=\"action \(action.urgency.rawValue)\">\(action.text)</li>" }
        let fields = profile.fields.map { field -> HTML in
            "<tr><th>\(field.label)</th><td data-field=\"\(field.name)\">\(field.value)</td></tr>"
        }
        let content: HTML = """
            <div class="titlebar"><h1>\(profile.name)</h1><span class="muted">customer \(profile.id)</span></div>
            <section class="card nba"><h2>Next best action</h2><ul>\(actions)</ul></section>
            <div class="grid">
            <section class="card"><h2>Profile</h2><table class="fields"><thead><tr><th>field</th><th>value</th></tr></thead><tbody>\(fields)</tbody></table></section>
            <section class="card"><h2>Churn risk</h2>\(CustomerScoresView.churn(profile))</section>
            <section class="card"><h2>Top-up prediction</h2>\(CustomerScoresView.topUp(profile))</section>
            <section class="card"><h2>Web experience</h2>\(CustomerScoresView.experience(profile))</section>
            <section class="card wide"><h2>Recent clicks</h2>\(clicks(profile))</section>
            </div>
            """
        return PageLayout.render(title: profile.name, content: content, masked: masked)
    }

    static func clicks(_ profile: CustomerProfile) -> HTML {
        guard !profile.recentClicks.isEmpty else { return "<p class=\"empty\">No recent clicks.</p>" }
        let rows = profile.recentClicks.map { click -> HTML in
            """
            <tr><td>\(click.datetime)</td><td>\(click.product)</td><td>\(click.browser)</td><td>\(click.os)</td>\
            <td class="num">\(click.responseTimeMs.map { NumberFormat.decimal($0, decimals: 0) + " ms" } ?? "–")</td>\
            <td class="url">\(click.url)</td></tr>
            """
        }
        return """
            <table><thead><tr><th>time</th><th>product</th><th>browser</th><th>os</th><th class="num">response</th><th>page</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
    }
}
