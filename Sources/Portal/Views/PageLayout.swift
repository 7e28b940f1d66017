/// The frame of every page: head, header with the search box, main content.
enum PageLayout {
    /// A whole page titled `title` around `content`; `live` adds the dashboard's live script.
    static func render(title: String, content: HTML, query: String = "", live: Bool = false, masked: Bool = false) -> HTML {
        let script: HTML = live ? "<script src=\"/static/portal.js\" defer></script>" : .empty
        let maskNote: HTML = masked ? "<span class=\"badge\">personal data masked</span>" : .empty
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Stream360 portal</title>
            <link rel="stylesheet" href="/static/portal.css">
            <link rel="icon" href="/static/icon.svg" type="image/svg+xml">
            \(script)
            </head>
            <body\(live ? " data-live" : "")>
            <header class="top">
            <a class="brand" href="/"><img src="/static/icon.svg" alt="" width="28" height="28"> Stream360 · Customer 360</a>
            <nav><a href="/">Dashboard</a> <a href="/customers">Customers</a></nav>
            <form class="search" action="/customers" method="get" role="search">
            <input type="search" name="q" value="\(query)" placeholder="Customer id, name or zip" aria-label="Search customers">
            <button type="submit">Search</button>
            </form>
            \(maskNote)
            </header>
            <main>
            \(content)
            </main>
            </body>
            </html>
            """
    }
}
