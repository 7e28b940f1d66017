/// Why `s360 demo` could not start or prepare its data and models.
///
/// Every case names the setting or path involved and says what to change, so the command line
/// can print the message as it is.
public enum DemoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configuration file cannot be read or is not a JSON object.
    case unreadableConfigurationFile(path: String, reason: String)
    /// The configuration file has a key this version does not know (often a typo).
    case unknownSetting(path: String, key: String, known: [String])
    /// A setting's value is wrong: the setting (file key and option), the value cut to a sane
    /// length, and what is accepted.
    case invalidSetting(setting: String, value: String, expected: String)
    /// Preparing the demo (generating data, training a model, clearing old outputs) failed.
    case preparationFailed(step: String, path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableConfigurationFile(let path, let reason):
            "cannot read the demo configuration file \(path): \(reason); it must be one JSON object (see Sources/Customer360/Demo/FORMAT.md)"
        case .unknownSetting(let path, let key, let known):
            "\(path): unknown key \"\(key)\"; the known keys are \(known.joined(separator: ", "))"
        case .invalidSetting(let setting, let value, let expected):
            "demo setting \(setting) = \(value) is not accepted: expected \(expected)"
        case .preparationFailed(let step, let path, let reason):
            "\(step) failed for \(path): \(reason)"
        }
    }

    /// `value` quoted and cut to 120 characters, for messages.
    static func quoted(_ value: String) -> String {
        value.count > 120 ? "\"\(value.prefix(117))…\"" : "\"\(value)\""
    }
}
