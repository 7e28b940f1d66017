/// Why the portal could not serve a request or could not start.
///
/// Each case maps to one HTTP status (``PortalError/httpStatusCode``), and its message says
/// what happened and what to try next. Request errors are shown as a small page; start-up
/// errors (`invalidConfiguration`, `tokenRequired`) stop `s360 portal` with the message.
public enum PortalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No CRM document has this id (404).
    case customerNotFound(id: String)
    /// No page or asset at this path (404).
    case notFound(path: String)
    /// The request carried no token, or a wrong one, while the portal requires one (401).
    case unauthorized
    /// The document store exists but could not be read (503): locked, corrupt, or not a Stream360 store.
    case storeUnavailable(path: String, message: String)
    /// A configuration value is wrong; `setting` names the option or configuration key (start-up).
    case invalidConfiguration(setting: String, reason: String)
    /// The configuration file has a key the portal does not know; `suggestion` is the known key
    /// it most likely meant (start-up).
    case unknownConfigurationKey(path: String, key: String, suggestion: String?)
    /// The portal would listen on a non-loopback address without a token (start-up).
    case tokenRequired(host: String)

    /// The HTTP status code a request that fails this way answers with.
    public var httpStatusCode: Int {
        switch self {
        case .customerNotFound, .notFound: 404
        case .unauthorized: 401
        case .storeUnavailable: 503
        case .invalidConfiguration, .unknownConfigurationKey, .tokenRequired: 500
        }
    }

    public var description: String {
        switch self {
        case .customerNotFound(let id):
            "no customer with id \(Self.excerpt(id)); search by id, name or zip at /customers?q=…"
        case .notFound(let path):
            "nothing at \(Self.excerpt(path)); the portal serves /, /customers, /customers/ID, /events and /static/…"
        case .unauthorized:
            "this portal requires a token: add ?token=… to the address or send the header 'Authorization: Bearer …'"
        case .storeUnavailable(let path, let message):
            "the document store \(path) cannot be read (\(Self.excerpt(message))); check that s360 demo wrote it, then reload"
        case .invalidConfiguration(let setting, let reason):
            "invalid portal setting \(setting): \(reason)"
        case .unknownConfigurationKey(let path, let key, let suggestion):
            "\(path): unknown key \"\(Self.excerpt(key))\""
                + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
                + "; the known keys are "
                + PortalConfiguration.FileKey.allCases.map(\.rawValue).joined(separator: ", ")
        case .tokenRequired(let host):
            "listening on \(host), which is not a loopback address, requires a token: give --token T or \"token\" in the configuration file"
        }
    }

    /// The first 120 characters of `text`, for messages.
    static func excerpt(_ text: String) -> String {
        text.count <= 120 ? text : String(text.prefix(120)) + "…"
    }
}
