import Foundation

extension PortalConfiguration {
    /// The keys a configuration file may set, as JSON: every one is optional.
    ///
    /// ```json
    /// {"host": "0.0.0.0", "port": 8360, "demoDirectory": "demo", "token": "a-long-secret",
    ///  "maskPersonal": true, "refreshIntervalMs": 1000}
    /// ```
    struct File: Decodable {
        var host: String?
        var port: Int?
        var demoDirectory: String?
        var token: String?
        var maskPersonal: Bool?
        var refreshIntervalMs: Int?
    }

    /// The defaults overridden by the JSON configuration file at `path` (see ``File``).
    /// - Throws: ``PortalError/invalidConfiguration(setting:reason:)`` when it cannot be read or parsed.
    public static func load(file path: String) throws(PortalError) -> PortalConfiguration {
        let file: File
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw .invalidConfiguration(setting: "--config \(path)", reason: "\(error)")
        }
        var configuration = PortalConfiguration()
        if let host = file.host { configuration.host = host }
        if let port = file.port { configuration.port = port }
        if let demoDirectory = file.demoDirectory { configuration.demoDirectory = demoDirectory }
        configuration.token = file.token
        if let maskPersonal = file.maskPersonal { configuration.maskPersonal = maskPersonal }
        if let milliseconds = file.refreshIntervalMs { configuration.refreshInterval = .milliseconds(milliseconds) }
        return configuration
    }
}
