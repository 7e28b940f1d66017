import Foundation

/// India's states as a tile grid: each state one square at its approximate place, no map data.
///
/// Tiles are coloured by the number of predicted top-up customers (five steps relative to the
/// busiest state). Names are matched upper-case, with the old spellings the bureau data uses
/// (`ORISSA`, `UTTARANCHAL`, `PONDICHERRY`); a state not on the grid is listed under the map.
enum StateTileMap {
    /// A tile: abbreviation, column, row.
    struct Tile {
        var abbreviation: String
        var column: Int
        var row: Int
    }

    /// The grid, by upper-case state name.
    static let tiles: [String: Tile] = [
        "JAMMU AND KASHMIR": Tile(abbreviation: "JK", column: 2, row: 0), "LADAKH": Tile(abbreviation: "LA", column: 3, row: 0),
        "PUNJAB": Tile(abbreviation: "PB", column: 2, row: 1), "HIMACHAL PRADESH": Tile(abbreviation: "HP", column: 3, row: 1),
        "UTTARAKHAND": Tile(abbreviation: "UK", column: 4, row: 1), "ARUNACHAL PRADESH": Tile(abbreviation: "AR", column: 8, row: 1),
        "RAJASTHAN": Tile(abbreviation: "RJ", column: 1, row: 2), "HARYANA": Tile(abbreviation: "HR", column: 2, row: 2),
        "DELHI": Tile(abbreviation: "DL", column: 3, row: 2), "UTTAR PRADESH": Tile(abbreviation: "UP", column: 4, row: 2),
        "BIHAR": Tile(abbreviation: "BR", column: 5, row: 2), "SIKKIM": Tile(abbreviation: "SK", column: 6, row: 2),
        "ASSAM": Tile(abbreviation: "AS", column: 7, row: 2), "NAGALAND": Tile(abbreviation: "NL", column: 8, row: 2),
        "GUJARAT": Tile(abbreviation: "GJ", column: 1, row: 3), "MADHYA PRADESH": Tile(abbreviation: "MP", column: 2, row: 3),
        "CHHATTISGARH": Tile(abbreviation: "CG", column: 3, row: 3), "JHARKHAND": Tile(abbreviation: "JH", column: 4, row: 3),
        "WEST BENGAL": Tile(abbreviation: "WB", column: 5, row: 3), "MEGHALAYA": Tile(abbreviation: "ML", column: 7, row: 3),
        "MANIPUR": Tile(abbreviation: "MN", column: 8, row: 3), "DADRA AND NAGAR HAVELI AND DAMAN AND DIU": Tile(abbreviation: "DD", column: 0, row: 4),
        "MAHARASHTRA": Tile(abbreviation: "MH", column: 1, row: 4), "TELANGANA": Tile(abbreviation: "TG", column: 2, row: 4),
        "ODISHA": Tile(abbreviation: "OD", column: 3, row: 4), "TRIPURA": Tile(abbreviation: "TR", column: 7, row: 4),
        "MIZORAM": Tile(abbreviation: "MZ", column: 8, row: 4), "GOA": Tile(abbreviation: "GA", column: 1, row: 5),
        "KARNATAKA": Tile(abbreviation: "KA", column: 2, row: 5), "ANDHRA PRADESH": Tile(abbreviation: "AP", column: 3, row: 5),
        "KERALA": Tile(abbreviation: "KL", column: 2, row: 6), "TAMIL NADU": Tile(abbreviation: "TN", column: 3, row: 6),
        "PUDUCHERRY": Tile(abbreviation: "PY", column: 4, row: 6),
    ]

    /// Older or alternative spellings, to the names in ``tiles``.
    static let aliases = [
        "ORISSA": "ODISHA", "UTTARANCHAL": "UTTARAKHAND", "PONDICHERRY": "PUDUCHERRY", "JAMMU & KASHMIR": "JAMMU AND KASHMIR",
        "NCT OF DELHI": "DELHI", "NEW DELHI": "DELHI", "CHATTISGARH": "CHHATTISGARH", "TAMILNADU": "TAMIL NADU",
        "DAMAN AND DIU": "DADRA AND NAGAR HAVELI AND DAMAN AND DIU", "DADRA AND NAGAR HAVELI": "DADRA AND NAGAR HAVELI AND DAMAN AND DIU",
    ]

    /// The grid's name for `state` (upper-cased, aliases resolved), or nil when it has no tile.
    static func canonical(_ state: String) -> String? {
        let upper = state.uppercased().trimmingCharacters(in: .whitespaces)
        let name = aliases[upper] ?? upper
        return tiles[name] == nil ? nil : name
    }

    /// The map for `counts` (state name → predicted top-up customers).
    static func render(_ counts: [String: Int]) -> HTML {
        var onGrid: [String: Int] = [:]
        var elsewhere: [(String, Int)] = []
        for (state, count) in counts {
            if let name = canonical(state) { onGrid[name, default: 0] += count } else { elsewhere.append((state, count)) }
        }
        let largest = max(onGrid.values.max() ?? 0, 1)
        let size = 62
        let cells = tiles.sorted { $0.key < $1.key }.map { name, tile -> HTML in
            let count = onGrid[name] ?? 0
            let step = count == 0 ? 0 : 1 + min(3, (count * 4 - 1) / largest)
            let x = tile.column * size + 2
            let y = tile.row * size + 2
            return """
                <a href="/targets?state=\(URLComponentEncoding.encode(name))"><g class="tile t\(step)"><title>\(name): \(count) predicted top-up customers</title>\
                <rect x="\(x)" y="\(y)" width="\(size - 4)" height="\(size - 4)" rx="6"></rect>\
                <text x="\(x + (size - 4) / 2)" y="\(y + 24)" class="abbr">\(tile.abbreviation)</text>\
                <text x="\(x + (size - 4) / 2)" y="\(y + 46)" class="count">\(count)</text></g></a>
                """
        }
        let others = elsewhere.sorted { $0.0 < $1.0 }.map { name, count -> HTML in "<li><a href=\"/targets?state=\(URLComponentEncoding.encode(name))\">\(name)</a>: \(count)</li>" }
        let otherList: HTML = others.isEmpty ? .empty : "<ul class=\"others\">\(others)</ul>"
        return """
            <svg class="tilemap" viewBox="0 0 \(9 * size + 4) \(7 * size + 4)" width="100%" role="img" aria-label="Predicted top-up customers per state">\(cells)</svg>\(otherList)
            """
    }
}
