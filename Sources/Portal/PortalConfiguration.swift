import Foundation

/// How `s360 portal` runs: where it listens, what it reads, who may see it.
///
/// Defaults serve what the last `s360 demo` left under `./demo/` on `127.0.0.1:8360`, to this
/// machine only. Listening on any other address exposes customer data to the network, so it
/// requires a ``token``; ``validate()`` refuses the configuration otherwise. Values come from
/// the command line, a JSON configuration file (``PortalConfiguration/load(file:)``), or code.
public struct PortalConfiguration: Sendable, Hashable {
    /// The address to listen on.
    public var host: String = "127.0.0.1"
    /// The TCP port (0 picks a free one).
    public var port: Int = 8360
    /// The directory `s360 demo` writes: `customer360.sqlite` and `progress/`.
    public var demoDirectory: String = "demo"
    /// The shared secret a request must carry (`?token=`, `Authorization: Bearer`, or the cookie
    /// the portal sets after a valid `?token=`); nil lets any local client in.
    public var token: String?
    /// Whether names, addresses and phone numbers are masked on every page.
    public var maskPersonal: Bool = false
    /// How often the dashboard's data is re-read and pushed to live clients.
    public var refreshInterval: Duration = .seconds(1)
    /// How long a query may go without a batch before the dashboard shows it as idle (no rate,
    /// no "keeping up"): many times the pipelines' trigger interval.
    public var idleAfter: Duration = .seconds(30)

    /// The defaults.
    public init() {}

    /// The SQLite document store's path.
    public var storePath: String { demoDirectory + "/" + PortalTables.storeFile }
    /// The directory of progress files.
    public var progressPath: String { demoDirectory + "/" + PortalTables.progressDirectory }

    /// Whether ``host`` is a loopback address (`127.0.0.0/8`, `::1`, `localhost`).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// What is worth a warning at start-up, though the portal serves anyway (the demo may start
    /// later): a demo directory that does not exist, or one that holds neither the store nor progress.
    public var startupWarnings: [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: demoDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [Self.missingDemoDirectoryMessage(demoDirectory)]
        }
        if !FileManager.default.fileExists(atPath: storePath) && !FileManager.default.fileExists(atPath: progressPath) {
            return ["the demo directory \(demoDirectory) holds no \(PortalTables.storeFile) and no \(PortalTables.progressDirectory)/ yet: "
                + "the pages stay empty until s360 demo --dir \(demoDirectory) writes them"]
        }
        return []
    }

    /// The warning for a demo directory that does not exist.
    static func missingDemoDirectoryMessage(_ directory: String) -> String {
        "the demo directory \(directory) does not exist: run s360 demo (it writes there), or give --demo-dir with the directory s360 demo --dir wrote"
    }

    /// Checks the values once, at start-up.
    /// - Throws: ``PortalError/tokenRequired(host:)`` for a non-loopback host without a token,
    ///   ``PortalError/invalidConfiguration(setting:reason:)`` for an impossible value.
    public func validate() throws(PortalError) {
        guard (0...65535).contains(port) else {
            throw .invalidConfiguration(setting: "port", reason: "\(port) is not a port from 0 to 65535")
        }
        guard !host.isEmpty else { throw .invalidConfiguration(setting: "host", reason: "the host is empty") }
        if let token, token.count < 8 {
            throw .invalidConfiguration(setting: "token", reason: "use at least 8 characters")
        }
        guard refreshInterval >= .milliseconds(100) else {
            throw .invalidConfiguration(setting: "refreshInterval", reason: "use at least 100 ms")
        }
        guard idleAfter >= .seconds(1) else {
            throw .invalidConfiguration(setting: "idleAfterSeconds", reason: "use at least 1 s (several trigger intervals)")
        }
        if !isLoopback && token == nil { throw .tokenRequired(host: host) }
    }
}
