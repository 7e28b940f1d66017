import ArgumentParser
import Foundation
import Portal

/// `s360 portal`: the call-center portal over what `s360 demo` wrote.
struct PortalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Serve the call-center portal: live dashboard, customer search and 360 pages.",
        discussion: """
            Reads what `s360 demo` leaves under the demo directory (customer360.sqlite and \
            progress/*.jsonl; see Sources/Portal/README.md) and never writes to it. Listens on \
            127.0.0.1 by default; any other address requires a token, which clients give as \
            ?token=T or the header 'Authorization: Bearer T'. Options override the --config file \
            (JSON: host, port, demoDirectory, token, maskPersonal, refreshIntervalMs). Stop with \
            Ctrl-C or SIGTERM.
            """)

    @Option(help: "TCP port (0 picks a free one; default 8360).")
    var port: Int?

    @Option(help: "Address to listen on (default 127.0.0.1; others require --token).")
    var host: String?

    @Option(help: "A JSON configuration file.")
    var config: String?

    @Option(name: .customLong("demo-dir"), help: "The directory s360 demo wrote (default ./demo).")
    var demoDirectory: String?

    @Option(help: "The token clients must give (at least 8 characters).")
    var token: String?

    @Flag(name: .customLong("mask-personal"), help: "Mask names, addresses and phone numbers on every page.")
    var maskPersonal = false

    func run() async throws {
        var configuration = try config.map { path throws(PortalError) in try PortalConfiguration.load(file: path) } ?? PortalConfiguration()
        if let port { configuration.port = port }
        if let host { configuration.host = host }
        if let demoDirectory { configuration.demoDirectory = demoDirectory }
        if let token { configuration.token = token }
        if maskPersonal { configuration.maskPersonal = true }
        do {
            try configuration.validate()
        } catch {
            throw ValidationError(error.description)
        }
        do {
            try await PortalApplication.run(configuration: configuration)
        } catch {
            guard let code = UserFacingError.errnoCode(of: error) else { throw error }
            throw PortalListenError(host: configuration.host, port: configuration.port, errno: code)
        }
    }
}

/// The portal could not listen on its address: which one, why, and what to do.
struct PortalListenError: Error, CustomStringConvertible {
    let host: String
    let port: Int
    let errno: Int32

    var description: String {
        let reason = UserFacingError.errnoText(errno)
        switch errno {
        case EADDRINUSE:
            return "cannot listen on \(host):\(port): port \(port) is already in use (\(reason)); "
                + "stop the program using it (`ss -ltnp | grep :\(port)` shows which) or choose another with --port (0 picks a free one)"
        case EACCES:
            return "cannot listen on \(host):\(port): \(reason); ports below 1024 need privileges, choose another with --port"
        case EADDRNOTAVAIL:
            return "cannot listen on \(host):\(port): \(reason); \(host) is not an address of this machine, check --host"
        default:
            return "cannot listen on \(host):\(port): \(reason); check --host and --port"
        }
    }
}
