import Foundation

/// The customers matching a search text: by id, by name (any part, any case) or by zip (prefix).
public struct CustomerSearch: Sendable, Hashable {
    /// One match, as listed on the search page.
    public struct Match: Sendable, Hashable {
        public var id: String
        public var name: String
        public var zip: String
        public var address: String
    }

    /// The text searched for, trimmed.
    public var query: String
    /// The matches, by id; at most ``limit``.
    public var matches: [Match]
    /// Whether more customers matched than are listed.
    public var truncated: Bool

    /// How many matches are listed.
    public static let limit = 50

    /// Searches the CRM table for `text`; an empty text matches nothing.
    public static func run(_ text: String, store: PortalStore, mask: PersonalDataMask) throws(PortalError) -> CustomerSearch {
        let query = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else { return CustomerSearch(query: query, matches: [], truncated: false) }
        let needle = query.lowercased()
        var matches: [Match] = []
        var truncated = false
        for document in try store.documents(in: PortalTables.crm, projection: ["name", "zip", "address"]) {
            let id = document["user_id"]?.text ?? ""
            let name = document["name"]?.text ?? ""
            let zip = document["zip"]?.text ?? ""
            guard id == query || name.lowercased().contains(needle) || zip.hasPrefix(query) else { continue }
            guard matches.count < limit else {
                truncated = true
                break
            }
            matches.append(
                Match(
                    id: id, name: mask.apply(field: "name", value: name), zip: zip,
                    address: mask.apply(field: "address", value: document["address"]?.text ?? "")))
        }
        return CustomerSearch(query: query, matches: matches, truncated: truncated)
    }
}
