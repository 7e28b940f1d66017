/// Why a built-in pipeline (`s360 topup`, `s360 churn`) refuses to start.
///
/// Every case names the option and path involved and says what to change, so the command line
/// prints the message as it is. These are all found before any query runs.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A model directory that does not exist or is not a directory.
    case modelNotFound(path: String)
    /// A model directory that exists but cannot be loaded.
    case unreadableModel(path: String, reason: String)
    /// An output or checkpoint path that cannot be used.
    case unusableDirectory(option: String, path: String, reason: String)
    /// A checkpoint directory written by another pipeline, or by something else entirely.
    case foreignCheckpoint(path: String, found: String, pipeline: String)
    /// An input location that does not exist or cannot be read.
    case unreadableInput(option: String, reason: String)
    /// No output was asked for, so running would compute and discard everything.
    case nothingToWrite(pipeline: String, options: [String])
    /// Two options that cannot be used together, or one that needs another.
    case conflictingOptions(String)

    public var description: String {
        switch self {
        case .modelNotFound(let path):
            "model directory \(path) does not exist; give the directory a Spark PipelineModel.save or `s360 train` wrote"
        case .unreadableModel(let path, let reason):
            "cannot load the model in \(path): \(reason)"
        case .unusableDirectory(let option, let path, let reason):
            "\(option) \(path): \(reason)"
        case .foreignCheckpoint(let path, let found, let pipeline):
            "--checkpoint \(path) holds \(found), not a \(pipeline) checkpoint; give an empty or new directory, "
                + "or the one an earlier `s360 \(pipeline)` run used"
        case .unreadableInput(let option, let reason):
            "\(option): \(reason)"
        case .nothingToWrite(let pipeline, let options):
            "s360 \(pipeline) would write nothing: give at least one of \(options.joined(separator: ", "))"
        case .conflictingOptions(let message):
            message
        }
    }
}
