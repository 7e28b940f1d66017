import Foundation

extension PortalConfiguration {
    /// The keys a configuration file may set, as JSON: every one is optional, `null` means absent.
    ///
    /// ```json
    /// {"host": "0.0.0.0", "port": 8360, "demoDirectory": "demo", "token": "a-long-secret",
    ///  "maskPersonal": true, "refreshIntervalMs": 1000, "idleAfterSeconds": 30}
    /// ```
    ///
    /// A key this version does not know is an error, as `s360 demo --config` treats it: it is
    /// usually a typo (`"prot"`) of a key that matters, and ignoring it would serve on the wrong port.
    enum FileKey: String, CaseIterable {
        case host, port, demoDirectory, token, maskPersonal, refreshIntervalMs, idleAfterSeconds
    }

    /// The defaults overridden by the JSON configuration file at `path` (see ``FileKey``).
    /// - Throws: ``PortalError/invalidConfiguration(setting:reason:)`` when it cannot be read, is
    ///   not a JSON object or holds a value of the wrong type; ``PortalError/unknownConfigurationKey(path:key:suggestion:)``
    ///   for a key not in ``FileKey``.
    public static func load(file path: String) throws(PortalError) -> PortalConfiguration {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .invalidConfiguration(setting: "--config \(path)", reason: "the file cannot be read (\(error.localizedDescription))")
        }
        return try parse(bytes, path: path)
    }

    /// The configuration in a file's bytes; `path` is for messages.
    static func parse(_ bytes: [UInt8], path: String) throws(PortalError) -> PortalConfiguration {
        do {
            return try JSONDecoder().decode(FileContents.self, from: Data(bytes)).configuration
        } catch let error as PortalError {
            if case .unknownConfigurationKey(_, let key, let suggestion) = error {
                throw .unknownConfigurationKey(path: path, key: key, suggestion: suggestion)
            }
            if case .invalidConfiguration(let setting, let reason) = error {
                throw .invalidConfiguration(setting: "\"\(setting)\" in \(path)", reason: reason)
            }
            throw error
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw .invalidConfiguration(setting: "--config \(path)", reason: "the top level is not a JSON object")
        } catch {
            throw .invalidConfiguration(setting: "--config \(path)", reason: "not valid JSON (\(error))")
        }
    }
}

/// A configuration file's JSON object decoded key by key, so that a wrong key or type is named.
private struct FileContents: Decodable {
    var configuration = PortalConfiguration()

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let known = PortalConfiguration.FileKey.allCases.map(\.rawValue)
        for codingKey in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let key = PortalConfiguration.FileKey(rawValue: codingKey.stringValue) else {
                throw PortalError.unknownConfigurationKey(
                    path: "", key: codingKey.stringValue, suggestion: NearestName.find(codingKey.stringValue, among: known))
            }
            if try container.decodeNil(forKey: codingKey) { continue }
            func decode<T: Decodable>(_ type: T.Type, _ expected: String) throws -> T {
                do { return try container.decode(type, forKey: codingKey) } catch {
                    throw PortalError.invalidConfiguration(setting: key.rawValue, reason: "expected \(expected)")
                }
            }
            switch key {
            case .host: configuration.host = try decode(String.self, "a host name or address as a JSON string")
            case .port: configuration.port = try decode(Int.self, "a whole number from 0 to 65535")
            case .demoDirectory: configuration.demoDirectory = try decode(String.self, "a directory path as a JSON string")
            case .token: configuration.token = try decode(String.self, "a JSON string of at least 8 characters")
            case .maskPersonal: configuration.maskPersonal = try decode(Bool.self, "true or false")
            case .refreshIntervalMs: configuration.refreshInterval = .milliseconds(try decode(Int.self, "a whole number of milliseconds"))
            case .idleAfterSeconds: configuration.idleAfter = .seconds(try decode(Int.self, "a whole number of seconds"))
            }
        }
    }
}
