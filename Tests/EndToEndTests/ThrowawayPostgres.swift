import Foundation
import Testing

/// A PostgreSQL 15 server of a test's own (Debian's binaries), that the test can stop and start
/// again on the same port with its data kept: the outage a streaming query has to ride out.
///
/// As `scripts/postgres-test-server.sh` does, it runs as the `postgres` user (initdb refuses
/// root) through `runuser`, in a directory under /tmp that user owns, listening on loopback
/// only, without fsync (but with synchronous commits, so that a killed server loses nothing). It does not touch the shared test server the script starts.
final class ThrowawayPostgres {
    static let binaries = "/usr/lib/postgresql/15/bin"

    /// Whether the binaries (and a way to run them as `postgres`) are installed.
    static var isInstalled: Bool {
        let files = FileManager.default
        let tools = ["initdb", "pg_ctl", "pg_isready"].allSatisfy { files.isExecutableFile(atPath: "\(binaries)/\($0)") }
        return tools && (getuid() != 0 || files.isExecutableFile(atPath: "/usr/sbin/runuser")
            || files.isExecutableFile(atPath: "/sbin/runuser"))
    }

    let directory: String
    let port: Int
    private var data: String { directory + "/data" }
    private var socketDirectory: String { directory + "/socket" }
    private var log: String { directory + "/commands.log" }

    /// The URL of the server's `postgres` database.
    var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres" }

    /// Creates the cluster (initdb) on a free port; ``start()`` starts it.
    init() throws {
        directory = "/tmp/s360-pg-outage-" + UUID().uuidString.prefix(8).lowercased()
        port = try Self.freePort()
        let files = FileManager.default
        try files.createDirectory(atPath: directory + "/socket", withIntermediateDirectories: true)
        if getuid() == 0 {
            try Self.command("/bin/chown", ["-R", "postgres", directory], log: nil)
        }
        try files.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
        try asPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"])
    }

    /// Starts the server and waits until it accepts connections (pg_isready), up to `timeout`.
    func start(timeout: Duration = .seconds(120)) throws {
        // fsync=off still survives a killed server (the OS keeps the writes); synchronous_commit
        // stays on, or a commit acknowledged just before `stop -m immediate` could be lost.
        let options = "-c listen_addresses=127.0.0.1 -p \(port) -k \(socketDirectory) -c fsync=off -c full_page_writes=off"
        try asPostgres("pg_ctl", ["-D", data, "-l", data + "/server.log", "-w", "-t", "\(timeout.components.seconds)",
                                  "-o", options, "start"])
        let deadline = ContinuousClock.now + timeout
        while true {
            if (try? asPostgres("pg_isready", ["-h", "127.0.0.1", "-p", "\(port)", "-d", "postgres", "-t", "5"])) != nil { return }
            guard ContinuousClock.now < deadline else {
                throw Failure(command: "pg_isready", output: "the server on port \(port) was not ready after \(timeout)")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// Stops the server (`fast`: sessions are terminated with SQLSTATE 57P01; `immediate`: killed).
    func stop(mode: String = "fast") throws {
        try asPostgres("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "120", "stop"])
    }

    /// Stops the server if it runs and deletes its directory.
    func destroy() {
        _ = try? stop(mode: "immediate")
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The end of the server's log, for failure messages.
    var serverLog: String {
        let text = (try? String(contentsOfFile: data + "/server.log", encoding: .utf8)) ?? ""
        return String(text.suffix(3000))
    }

    private func asPostgres(_ tool: String, _ arguments: [String]) throws {
        let path = "\(Self.binaries)/\(tool)"
        if getuid() == 0 {
            try Self.command("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments, log: log)
        } else {
            try Self.command(path, arguments, log: log)
        }
    }

    /// Runs a command with its output appended to a file, waiting for it with `waitpid`; throws
    /// with the output when it fails. Not Foundation's `Process`, whose wait does not end while
    /// a daemon the command started (the postmaster pg_ctl forks) holds descriptors it inherited.
    private static func command(_ executable: String, _ arguments: [String], log: String?) throws {
        let output = log ?? FileManager.default.temporaryDirectory.appendingPathComponent("s360-pg-\(UUID().uuidString).log").path
        defer { if log == nil { try? FileManager.default.removeItem(atPath: output) } }
        let start = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
        if let header = "$ \(executable) \(arguments.joined(separator: " "))\n".data(using: .utf8) {
            if !FileManager.default.fileExists(atPath: output) { _ = FileManager.default.createFile(atPath: output, contents: nil) }
            if let handle = FileHandle(forWritingAtPath: output) {
                handle.seekToEndOfFile()
                handle.write(header)
                try? handle.close()
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(command: executable, output: "posix_spawn failed: errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(command: executable, output: "waitpid failed: errno \(errno)") }
        }
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            let tail = String(decoding: Array(text.utf8).dropFirst(start), as: UTF8.self)
            throw Failure(command: ([executable] + arguments).joined(separator: " "),
                          output: "wait status \(status): \(tail.suffix(2000))")
        }
    }

    /// A port nothing listens on now: bind port 0 on loopback, read it, close.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(command: "socket()", output: "errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw Failure(command: "bind()", output: "errno \(errno)") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw Failure(command: "getsockname()", output: "errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct Failure: Error, CustomStringConvertible {
        let command: String
        let output: String
        var description: String { "\(command) failed: \(output)" }
    }
}
