/// The page shown for a failed request: the status and what to do.
enum ErrorPageView {
    static func page(status: Int, message: String) -> HTML {
        let title = status == 404 ? "Not found" : status == 401 ? "Token required" : "Unavailable"
        let content: HTML = "<h1>\(title)</h1><p class=\"problem\">\(message)</p><p><a href=\"/\">Back to the dashboard</a></p>"
        return PageLayout.render(title: title, content: content)
    }
}
