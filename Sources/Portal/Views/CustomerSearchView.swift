/// The search page: a list of matches linking to their 360 pages.
enum CustomerSearchView {
    static func page(_ search: CustomerSearch, masked: Bool) -> HTML {
        let body: HTML
        if search.query.isEmpty {
            body = "<p class=\"empty\">Type a customer id, a name (or part of it) or a zip code above.</p>"
        } else if search.matches.isEmpty {
            body = "<p class=\"empty\">No customer matches “\(search.query)”.</p>"
        } else {
            let rows = search.matches.map { match -> HTML in
                """
                <tr><td><a href="/customers/\(URLComponentEncoding.encode(match.id))">\(match.id)</a></td>\
                <td><a href="/customers/\(URLComponentEncoding.encode(match.id))">\(match.name)</a></td>\
                <td>\(match.zip)</td><td>\(match.address)</td></tr>
                """
            }
            let more: HTML = search.truncated ? "<p class=\"muted\">Only the first \(CustomerSearch.limit) are listed; refine the search.</p>" : .empty
            body = """
                <p class="muted">\(search.matches.count) match\(search.matches.count == 1 ? "" : "es") for “\(search.query)”</p>
                <table class="results"><thead><tr><th>id</th><th>name</th><th>zip</th><th>address</th></tr></thead><tbody>\(rows)</tbody></table>
                \(more)
                """
        }
        let content: HTML = "<h1>Customers</h1>\(body)"
        return PageLayout.render(title: "Customers", content: content, query: search.query, masked: masked)
    }
}
