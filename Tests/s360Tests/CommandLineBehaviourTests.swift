import Foundation
import Testing
@testable import s360

/// What a new user meets running the built `s360`: the version, progress lines that reach a
/// pipe as they are printed, and a port in use named in words.
@Suite(.serialized) struct CommandLineBehaviourTests {
    @Test func versionPrintsTheOneVersionString() throws {
        try #require(FileManager.default.isExecutableFile(atPath: S360Binary.path), "build s360 first")
        let result = try S360Binary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output == Stream360Version.current + "\n")
    }

    /// `s360 produce` prints a progress line per file, then (paced at 0.1 records/s) waits 10 s
    /// before the next: the line must be readable from a pipe while the process still runs.
    @Test func aProgressLineReachesAPipeBeforeTheProcessEnds() throws {
        try #require(FileManager.default.isExecutableFile(atPath: S360Binary.path), "build s360 first")
        let broker = Process()
        broker.executableURL = URL(fileURLWithPath: S360Binary.path)
        broker.arguments = ["broker", "--partitions", "1"]
        let brokerOutput = Pipe()
        broker.standardOutput = brokerOutput
        broker.standardError = FileHandle.nullDevice
        try broker.run()
        defer { broker.terminate(); broker.waitUntilExit() }
        let servers = try #require(S360Binary.readLine(brokerOutput.fileHandleForReading))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("s360-flush-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"[{"user_id":1,"url":"/a"}]"#.utf8 + [0x0A]).write(to: dir.appendingPathComponent("part-00000.jsonl"))

        let producer = Process()
        producer.executableURL = URL(fileURLWithPath: S360Binary.path)
        producer.arguments = ["produce", "clickstream", "--clicks", dir.path, "--clicks-topic", "kafka://\(servers)/clickstream", "--rate", "0.1"]
        let output = Pipe()
        producer.standardOutput = output
        producer.standardError = FileHandle.nullDevice
        try producer.run()
        defer { producer.terminate(); producer.waitUntilExit() }
        let first = S360Binary.readLine(output.fileHandleForReading)
        #expect(first?.contains("clickstream: part-00000.jsonl") == true, "\(first ?? "no line")")
        // Killed during its 10 s pause, it never prints its closing "done:" line; had the first line
        // come only from the buffer flushed at exit, "done:" would follow it in the pipe.
        kill(producer.processIdentifier, SIGKILL)
        let rest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!rest.contains("done:"), "the line arrived only when the process ended: standard output is not line-buffered")
    }

    @Test func aPortInUseIsNamedWithWhatToDo() throws {
        try #require(FileManager.default.isExecutableFile(atPath: S360Binary.path), "build s360 first")
        let socket = try ListeningSocket()
        defer { socket.close() }
        let result = try S360Binary.run(["portal", "--port", "\(socket.port)", "--demo-dir", FileManager.default.temporaryDirectory.path])
        #expect(result.status != 0)
        #expect(result.error.contains("port \(socket.port) is already in use"), "\(result.error)")
        #expect(result.error.contains("--port"))
        #expect(!result.error.contains("errno"))
    }
}

/// A TCP socket listening on a free loopback port, to occupy it.
private struct ListeningSocket {
    let descriptor: Int32
    let port: Int

    struct Failure: Error {}

    init() throws {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure() }
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(descriptor, 1) == 0 else { throw Failure() }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw Failure() }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}
