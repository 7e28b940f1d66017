import Glibc

/// Progress and diagnostics for people, kept off standard output (which carries results).
enum StandardError {
    /// Writes `line` and a newline to standard error.
    static func write(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }  // nowhere left to report to
            offset += n
        }
    }
}
