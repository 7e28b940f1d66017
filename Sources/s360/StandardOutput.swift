@preconcurrency import Glibc

/// Standard output's buffering, set once at start.
enum StandardOutput {
    /// Flushes standard output at every newline, also when it is a file or a pipe (where the C
    /// library buffers 4 KiB by default), so that `s360 … > log` and `s360 … | tee` show each
    /// progress line when it is printed, not when the buffer fills or the process ends.
    /// Returns whether the C library accepted the mode.
    @discardableResult
    static func useLineBuffering() -> Bool {
        setvbuf(stdout, nil, _IOLBF, 0) == 0
    }
}
