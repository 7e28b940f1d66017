/// A horizontal bar chart as inline SVG: one labelled bar per value, scaled to the largest.
enum BarChartView {
    /// The chart, or an empty-state note when there are no bars.
    static func render(_ bars: [DashboardModel.Bar], unit: String, decimals: Int = 0, limit: Int = 12, emptyText: String) -> HTML {
        let shown = Array(bars.prefix(limit))
        guard !shown.isEmpty else { return "<p class=\"empty\">\(emptyText)</p>" }
        let largest = max(shown.map(\.value).max() ?? 0, 1e-9)
        let rowHeight = 26
        let height = shown.count * rowHeight + 4
        let rows = shown.enumerated().map { index, bar -> HTML in
            let y = index * rowHeight + 2
            let width = Int((bar.value / largest * 230).rounded())
            let value = NumberFormat.decimal(bar.value, decimals: decimals) + unit
            return """
                <g><title>\(bar.label): \(value) (\(NumberFormat.integer(bar.count)) records)</title>\
                <text x="130" y="\(y + 17)" text-anchor="end" class="label">\(Self.shorten(bar.label))</text>\
                <rect x="138" y="\(y + 4)" width="\(max(width, 1))" height="18" rx="3" class="bar"></rect>\
                <text x="\(144 + width)" y="\(y + 17)" class="value">\(value)</text></g>
                """
        }
        return """
            <svg class="chart" viewBox="0 0 460 \(height)" width="100%" role="img">\(rows)</svg>
            """
    }

    static func shorten(_ label: String) -> String {
        label.count <= 18 ? label : String(label.prefix(17)) + "…"
    }
}
