import Columnar
import Connectors
import StreamExecution
import StreamOperators
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What `s360 run` shows while its queries run: on a terminal one status line on standard
/// error, rewritten after every batch (per query: batch, records/s, watermark, state rows);
/// otherwise each batch's summary line on standard output. With a progress file, every batch's
/// progress is appended to it as one JSON line (Spark's `lastProgress` shape).
final class RunStatusLine: Sendable {
    private struct State {
        var latest: [String: QueryProgress] = [:]
        var shown = false
    }

    private let order: [String]
    private let live: Bool
    private let progressFile: String?
    private let state = Mutex(State())

    /// - Parameters:
    ///   - queries: the query names, in the order the line shows them.
    ///   - live: whether to draw the status line (standard error is a terminal).
    ///   - progressFile: where to append each batch's progress JSON, if anywhere.
    init(queries: [String], live: Bool, progressFile: String?) {
        order = queries
        self.live = live
        self.progressFile = progressFile
    }

    /// Records one batch's progress: appends it to the progress file and redraws the line.
    func report(_ progress: QueryProgress) {
        if let progressFile {
            do {
                try FileSystem.append(Array((progress.json + "\n").utf8), to: progressFile)
            } catch {
                log("warning: cannot append to the progress file: \(error)")
            }
        }
        state.withLock { state in
            state.latest[progress.name] = progress
            if live {
                writeStandardError("\r\u{1B}[K" + render(state.latest))
                state.shown = true
            } else {
                print(progress.summary)
            }
        }
    }

    /// Prints a line of the runner's own, keeping the status line below it.
    func log(_ line: String) {
        state.withLock { state in
            if live && state.shown {
                writeStandardError("\r\u{1B}[K" + line + "\n" + render(state.latest))
            } else {
                print(line)
            }
        }
    }

    /// Ends the status line (a newline after it) before the final report.
    func finish() {
        state.withLock { state in
            if live && state.shown { writeStandardError("\n") }
            state.shown = false
        }
    }

    private func render(_ latest: [String: QueryProgress]) -> String {
        order.compactMap { name -> String? in
            guard let p = latest[name] else { return "\(name): starting" }
            let rows = p.stateOperators.reduce(0) { $0 + $1.numRowsTotal }
            var part = "\(name) b\(p.batchId) \(Int(p.processedRowsPerSecond.rounded())) rec/s"
            if p.watermark > 0 { part += " wm \(Self.time(p.watermark))" }
            if !p.stateOperators.isEmpty { part += " state \(rows)" }
            return part
        }.joined(separator: " | ")
    }

    /// `HH:mm:ss` of a timestamp (UTC), or the full date when it is not today's.
    static func time(_ micros: Int64) -> String {
        let text = TimestampFormat.iso8601(micros: micros)
        guard let t = text.firstIndex(of: "T") else { return text }
        return String(text[text.index(after: t)...].prefix(8))
    }

    private func writeStandardError(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }
            offset += n
        }
    }
}
