/// Masks personal fields (name, address, phone) for `--mask-personal`.
///
/// A field is personal when its name is `name`, `address` or `phone`, or contains one of them
/// (`first_name`, `home_address`, `phone_number`). Masking keeps the first letter of each word
/// so an agent can still tell two customers apart on a call: `Kenji Kim` → `K•••• K••`.
public struct PersonalDataMask: Sendable, Hashable {
    /// Whether masking is on.
    public var isEnabled: Bool

    /// A mask that masks when `isEnabled`.
    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// Whether `field` holds personal data.
    public static func isPersonal(_ field: String) -> Bool {
        let lower = field.lowercased()
        return ["name", "address", "phone"].contains { lower.contains($0) }
    }

    /// `value` as shown for `field`: masked when masking is on and the field is personal.
    public func apply(field: String, value: String) -> String {
        guard isEnabled, Self.isPersonal(field) else { return value }
        return Self.mask(value)
    }

    /// Every letter and digit but the first of each word replaced by `•`.
    public static func mask(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard let first = word.first else { return "" }
            return String(first) + String(repeating: "•", count: word.count - 1)
        }.joined(separator: " ")
    }
}
