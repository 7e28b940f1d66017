import Checkpointing
import Connectors
import Foundation

extension DemoSettings {
    /// The settings of the JSON configuration file at `path` (format: `Sources/Customer360/Demo/FORMAT.md`).
    ///
    /// Every key is optional and `null` means absent. A key this version does not know is an
    /// error rather than silently ignored, since it is usually a typo of one that matters.
    /// - Throws: ``DemoError/unreadableConfigurationFile(path:reason:)``, ``DemoError/unknownSetting(path:key:known:)``
    ///   or ``DemoError/invalidSetting(setting:value:expected:)`` for a value of the wrong JSON type.
    ///   Ranges and paths are checked by ``validate()``.
    public static func load(file path: String) throws(DemoError) -> DemoSettings {
        let bytes: [UInt8]
        do { bytes = try FileSystem.readAll(path) } catch {
            throw .unreadableConfigurationFile(path: path, reason: "\(error)")
        }
        return try parse(bytes, path: path)
    }

    /// The settings in a configuration file's bytes; `path` is for messages.
    public static func parse(_ bytes: [UInt8], path: String) throws(DemoError) -> DemoSettings {
        // Foundation's decoder accepts trailing commas and reports no position: check the syntax first.
        if let offset = JSONValue.syntaxErrorOffset(in: bytes) {
            throw .unreadableConfigurationFile(path: path, reason: syntaxError(in: bytes, at: offset))
        }
        do {
            return try JSONDecoder().decode(FileContents.self, from: Data(bytes)).settings
        } catch let error as DemoError {
            if case .unknownSetting(_, let key, let known) = error { throw .unknownSetting(path: path, key: key, known: known) }
            throw error
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw .unreadableConfigurationFile(path: path, reason: "the top level is not a JSON object")
        } catch {
            throw .unreadableConfigurationFile(path: path, reason: "not valid JSON (\(error))")
        }
    }
}

extension DemoSettings {
    /// Where and why `bytes` is not JSON: `not valid JSON at line 3, column 1: a comma before '}' …`.
    static func syntaxError(in bytes: [UInt8], at offset: Int) -> String {
        let before = bytes[..<offset]
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        let previous = before.last { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        let what: String
        if offset >= bytes.count {
            what = "the text ends before the JSON value does (a missing '}', ']' or '\"'?)"
        } else {
            let found = String(decoding: bytes[offset...].prefix(1), as: UTF8.self)
            if previous == UInt8(ascii: ","), found == "}" || found == "]" {
                what = "a comma before '\(found)': JSON allows no trailing comma, remove it"
            } else {
                what = "unexpected '\(found)' (a missing comma, colon or quote before it?)"
            }
        }
        return "not valid JSON at line \(line), column \(column): \(what)"
    }
}

/// The file's JSON object decoded key by key, so that a wrong key or type is reported by name.
private struct FileContents: Decodable {
    var settings = DemoSettings()

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for codingKey in container.allKeys {
            guard let key = DemoSettings.Key(rawValue: codingKey.stringValue) else {
                throw DemoError.unknownSetting(path: "", key: codingKey.stringValue, known: DemoSettings.Key.allCases.map(\.rawValue))
            }
            if try container.decodeNil(forKey: codingKey) { continue }
            func decode<T: Decodable>(_ type: T.Type, _ expected: String) throws -> T {
                do { return try container.decode(type, forKey: codingKey) } catch {
                    throw DemoError.invalidSetting(setting: key.label, value: Self.describe(container, codingKey), expected: expected)
                }
            }
            switch key {
            case .outputDirectory: settings.outputDirectory = try decode(String.self, "a directory path as a JSON string")
            case .kafkaBootstrapServers: settings.kafkaBootstrapServers = try decode(String.self, "a JSON string such as \"broker1:9092,broker2:9092\"")
            case .documentStore: settings.documentStore = try decode(String.self, "a JSON string: sqlite:PATH or postgres://…")
            case .topupModel: settings.topupModel = try decode(String.self, "a directory path as a JSON string")
            case .churnModel: settings.churnModel = try decode(String.self, "a directory path as a JSON string")
            case .topupData: settings.topupData = try decode(String.self, "a directory path as a JSON string")
            case .clickstreamData: settings.clickstreamData = try decode(String.self, "a directory path as a JSON string")
            case .crmFile: settings.crmFile = try decode(String.self, "a file path as a JSON string")
            case .recordsPerSecond: settings.recordsPerSecond = try decode(Double.self, "a JSON number of records per second")
            case .triggerIntervalMs: settings.triggerIntervalMs = try decode(Int.self, "a whole JSON number of milliseconds")
            case .maxSeconds: settings.maxSeconds = try decode(Int.self, "a whole JSON number of seconds")
            case .trainingCustomers: settings.trainingCustomers = try decode(Int.self, "a whole JSON number of customers")
            case .streamingCustomers: settings.streamingCustomers = try decode(Int.self, "a whole JSON number of customers")
            }
        }
    }

    /// The value under `key`, as a message shows it.
    static func describe(_ container: KeyedDecodingContainer<AnyKey>, _ key: AnyKey) -> String {
        if let text = try? container.decode(String.self, forKey: key) { return DemoError.quoted(text) }
        if let flag = try? container.decode(Bool.self, forKey: key) { return "\(flag)" }
        if let number = try? container.decode(Double.self, forKey: key) { return "\(number)" }
        return "(an array or object)"
    }
}
