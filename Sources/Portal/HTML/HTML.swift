/// A fragment of HTML whose interpolated text is always escaped.
///
/// Every page of the portal is built from `HTML` values: a `String` (or any value) interpolated
/// into one goes through ``escape(_:)``, the portal's only escaping function, while an
/// interpolated `HTML` is trusted as already safe. So a customer's name, address or any other
/// document value can only reach a page as text, never as markup:
///
/// ```swift
/// let name = "<script>alert(1)</script>"
/// let row: HTML = "<td>\(name)</td>"   // <td>&lt;script&gt;alert(1)&lt;/script&gt;</td>
/// ```
///
/// The same rule holds for attributes (`"<a href=\"/customers/\(id)\">"`): quotes are escaped
/// too, so a value cannot close the attribute it sits in.
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup.
    public private(set) var rendered: String

    /// Markup written in the source code (a literal), trusted as is.
    public init(stringLiteral value: String) {
        rendered = value
    }

    /// Markup built from literal segments and escaped values.
    public init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.rendered
    }

    private init(trusted: String) {
        rendered = trusted
    }

    /// Empty markup.
    public static let empty = HTML(trusted: "")

    /// The fragments one after another.
    public static func joined(_ parts: some Sequence<HTML>, separator: HTML = .empty) -> HTML {
        HTML(trusted: parts.map(\.rendered).joined(separator: separator.rendered))
    }

    /// Escapes text for HTML content and quoted attribute values: `&`, `<`, `>`, `"` and `'`.
    ///
    /// The only escaping function of the portal: every value that reaches a page passes here.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    public var description: String { rendered }

    /// Builds an ``HTML`` value: literals as is, values escaped, nested ``HTML`` as is.
    public struct Interpolation: StringInterpolationProtocol {
        var rendered = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            rendered.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        /// Appends literal markup from the source code.
        public mutating func appendLiteral(_ literal: String) {
            rendered += literal
        }

        /// Appends trusted markup.
        public mutating func appendInterpolation(_ html: HTML) {
            rendered += html.rendered
        }

        /// Appends trusted markup fragments.
        public mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { rendered += fragment.rendered }
        }

        /// Appends text, escaped.
        public mutating func appendInterpolation(_ text: String) {
            rendered += HTML.escape(text)
        }

        /// Appends a value's description, escaped.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            rendered += HTML.escape(value.description)
        }
    }
}
