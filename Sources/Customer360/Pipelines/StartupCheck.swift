import Connectors
#if canImport(Glibc)
import Glibc
#endif

/// Checks what a pipeline's options name (output directories, a model) before any query runs,
/// so a mistake is reported at start with the option's name rather than after the first batch.
enum StartupCheck {
    /// Creates `path` when missing and checks that it is a writable directory.
    /// - Parameter option: the command-line option that named it, for the message.
    static func prepareDirectory(_ path: String, option: String) throws(PipelineError) {
        if FileSystem.exists(path), !FileSystem.isDirectory(path) {
            throw .unusableDirectory(option: option, path: path, reason: "is a file, not a directory")
        }
        do {
            try FileSystem.createDirectory(path)
        } catch {
            throw .unusableDirectory(option: option, path: path, reason: "cannot be created: \(error)")
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw .unusableDirectory(option: option, path: path, reason: "is not writable by this user")
        }
    }

    /// Checks an input location once (a missing directory is an error, an empty one a warning
    /// given to `warn`), before the stages open their own sources on it.
    static func checkInput(_ location: String, option: String, warn: (String) -> Void) throws(PipelineError) {
        do {
            if let warning = try SourceLocation.check(location) { warn("warning: \(option) \(warning)") }
        } catch {
            throw .unreadableInput(option: option, reason: "\(error)")
        }
    }

    /// Checks that `path` is a model directory and loads it with `load`.
    static func loadModel<Model>(_ path: String, load: (String) throws -> Model) throws(PipelineError) -> Model {
        guard FileSystem.isDirectory(path) else {
            if FileSystem.exists(path) {
                throw .unreadableModel(path: path, reason: "it is a file; a model is a directory")
            }
            throw .modelNotFound(path: path)
        }
        do {
            return try load(path)
        } catch {
            throw .unreadableModel(path: path, reason: "\(error)")
        }
    }
}
