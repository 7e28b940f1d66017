/// Why a message could not be read as JSON; every case carries the byte offset of the problem.
///
/// A message that fails contributes no rows (as Spark's `from_json` returns null for it) and
/// lands in the ``Quarantine`` with one of these. Offsets count bytes from the start of the
/// message; excerpts are a few dozen bytes around the offset, lossily decoded as UTF-8.
public enum JSONIngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A byte that JSON does not allow here (`expected` says what would have been allowed).
    case unexpectedCharacter(offset: Int, found: String, expected: String, excerpt: String)
    /// The message ended inside a value.
    case unexpectedEnd(offset: Int, expected: String)
    /// A string with a raw control character, a bad escape or a truncated `\uXXXX`.
    case invalidString(offset: Int, reason: String, excerpt: String)
    /// A number JSON does not allow (`01`, `1.`, `-`, `.5`).
    case invalidNumber(offset: Int, excerpt: String)
    /// An element of the top-level array is not an object (Spark rejects the whole message).
    case elementNotObject(offset: Int, element: Int, found: String)
    /// The message is neither a JSON array nor a JSON object.
    case notArrayOrObject(offset: Int, found: String)
    /// Arrays and objects nest deeper than the limit (Jackson's default is 1000).
    case nestingTooDeep(offset: Int, limit: Int)

    /// The byte offset, from the start of the message, where the problem was found.
    public var offset: Int {
        switch self {
        case .unexpectedCharacter(let offset, _, _, _), .unexpectedEnd(let offset, _),
             .invalidString(let offset, _, _), .invalidNumber(let offset, _),
             .elementNotObject(let offset, _, _), .notArrayOrObject(let offset, _),
             .nestingTooDeep(let offset, _):
            offset
        }
    }

    public var description: String {
        switch self {
        case .unexpectedCharacter(let offset, let found, let expected, let excerpt):
            "unexpected \(found) at byte \(offset), expected \(expected), near \(excerpt)"
        case .unexpectedEnd(let offset, let expected):
            "message ends at byte \(offset) where \(expected) was expected; is it truncated?"
        case .invalidString(let offset, let reason, let excerpt):
            "invalid string at byte \(offset): \(reason), near \(excerpt)"
        case .invalidNumber(let offset, let excerpt):
            "invalid number at byte \(offset) (JSON allows no leading zeros, '+', or bare '.'), near \(excerpt)"
        case .elementNotObject(let offset, let element, let found):
            "element \(element) of the top-level array at byte \(offset) is \(found), not an object; "
                + "the schema expects an array of records"
        case .notArrayOrObject(let offset, let found):
            "message starts with \(found) at byte \(offset); expected a JSON array of records or one record object"
        case .nestingTooDeep(let offset, let limit):
            "arrays and objects nest deeper than \(limit) levels at byte \(offset)"
        }
    }
}
