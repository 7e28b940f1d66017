import Foundation

/// Follows one progress file as the engine appends to it, reading each byte once.
///
/// Keeps the totals over every line seen and the most recent lines (``recentLimit``); a
/// partial last line (a write in progress) waits for its newline. A file that shrank was
/// replaced (a new demo run), so the follower starts over. Lines that are not JSON are counted
/// in ``unreadableLines`` and skipped.
public struct ProgressFollower: Sendable {
    /// The file followed.
    public let path: String
    /// How many recent lines are kept.
    public let recentLimit: Int
    /// The most recent lines, oldest first.
    public private(set) var recent: [ProgressLine] = []
    /// Every line read so far.
    public private(set) var lineCount = 0
    /// Input rows over every line, per source description (`"all"` for lines without sources).
    public private(set) var totalInputRows: [String: Int] = [:]
    /// Quarantined messages over every line.
    public private(set) var totalQuarantined = 0
    /// Lines that could not be parsed.
    public private(set) var unreadableLines = 0
    /// When the file was last modified, as last seen.
    public private(set) var modified: Date?
    private var offset: UInt64 = 0
    private var pending: [UInt8] = []

    /// A follower of `path`, keeping `recentLimit` recent lines.
    public init(path: String, recentLimit: Int = 30) {
        self.path = path
        self.recentLimit = max(1, recentLimit)
    }

    /// The query's name: the file name without `.jsonl`.
    public var queryName: String {
        let file = (path as NSString).lastPathComponent
        return file.hasSuffix(".jsonl") ? String(file.dropLast(6)) : file
    }

    /// Reads what was appended since the last call; returns whether anything new was read.
    @discardableResult
    public mutating func poll() -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = (attributes[.size] as? NSNumber)?.uint64Value
        else { return false }
        if size < offset { self = ProgressFollower(path: path, recentLimit: recentLimit) }
        modified = attributes[.modificationDate] as? Date
        guard size > offset, let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let data: Data
        do {
            try handle.seek(toOffset: offset)
            data = try handle.read(upToCount: Int(size - offset)) ?? Data()
        } catch {
            return false
        }
        offset += UInt64(data.count)
        pending.append(contentsOf: data)
        consumeLines()
        return !data.isEmpty
    }

    /// Takes in one line of JSON text (used by ``poll()``; tests call it directly).
    public mutating func ingest(line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        guard let progress = try? JSONDecoder().decode(ProgressLine.self, from: Data(trimmed.utf8)) else {
            unreadableLines += 1
            return
        }
        lineCount += 1
        if let sources = progress.sources, !sources.isEmpty {
            for source in sources {
                totalInputRows[source.description ?? "unnamed source", default: 0] += source.numInputRows ?? 0
            }
        } else {
            totalInputRows["all", default: 0] += progress.numInputRows ?? 0
        }
        totalQuarantined += progress.numQuarantinedMessages ?? 0
        recent.append(progress)
        if recent.count > recentLimit { recent.removeFirst(recent.count - recentLimit) }
    }

    private mutating func consumeLines() {
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: pending[..<newline], as: UTF8.self)
            pending.removeSubrange(...newline)
            ingest(line: line)
        }
    }
}
