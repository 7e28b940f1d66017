import Foundation

/// Debian's `chromium` in headless mode: screenshots and DOM dumps of a page.
struct HeadlessChromium {
    let executable: String

    /// The installed browser, or nil when `chromium` is missing.
    static func find() -> HeadlessChromium? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
            .map(HeadlessChromium.init)
    }

    /// Saves a 1400×1000 screenshot of `url` to `path`.
    func screenshot(_ url: String, to path: String) async throws {
        _ = try await run(["--screenshot=\(path)", url])
        guard FileManager.default.fileExists(atPath: path) else { throw ChromiumFailure(message: "no screenshot written to \(path)") }
    }

    /// The page's DOM after load, and after `budgetMs` of virtual time when given (scripts, live updates).
    func dumpDOM(_ url: String, budgetMs: Int? = nil) async throws -> String {
        var arguments = ["--dump-dom"]
        if let budgetMs { arguments.append("--virtual-time-budget=\(budgetMs)") }
        return try await run(arguments + [url])
    }

    private func run(_ arguments: [String]) async throws -> String {
        let scratch = NSTemporaryDirectory() + "s360-chromium-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outputPath = scratch + "/stdout"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--hide-scrollbars",
            "--no-first-run", "--user-data-dir=\(scratch)/profile",
        ] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if process.isRunning { process.terminate() } }
        }
        try output.close()
        guard status == 0 else { throw ChromiumFailure(message: "chromium \(arguments.joined(separator: " ")) exited with \(status)") }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }
}

struct ChromiumFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
