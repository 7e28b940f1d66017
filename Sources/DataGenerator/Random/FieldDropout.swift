/// The share of a record's fields left out or set to null, as extracts from real systems have.
struct FieldDropout: Sendable {
    /// What happens to one field.
    enum Fate { case write, omit, null }

    /// Probability that the key is missing altogether.
    var omit: Double
    /// Probability that the key is present with `null`.
    var null: Double

    /// Draws one field's fate.
    func roll(_ random: inout SeededRandom) -> Fate {
        let r = random.unit()
        if r < omit { return .omit }
        if r < omit + null { return .null }
        return .write
    }

    /// Draws one field's fate: writes `"key":null` for a null field, and says whether the
    /// caller should write the value (false when the field is omitted or null).
    func admit(_ key: JSONKey, _ writer: inout JSONObjectWriter, _ random: inout SeededRandom) -> Bool {
        switch roll(&random) {
        case .write: return true
        case .omit: return false
        case .null:
            writer.null(key)
            return false
        }
    }
}
