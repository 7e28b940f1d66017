import ArgumentParser
import Foundation

/// How an error that ends a command is put into words for the person who ran it.
///
/// Every error type of the project describes itself (`CustomStringConvertible`: what failed, on
/// which path, port or topic, and what to check). What reaches the command line from elsewhere is
/// translated here, so that no message shows a Swift type name (`DecodingError.dataCorrupted`,
/// `Error Domain=NSCocoaErrorDomain Code=260`) or a bare errno number.
enum UserFacingError {
    /// The message for `error`, or nil for ArgumentParser's own errors (usage errors, `--help`,
    /// exit codes), which ArgumentParser reports itself with the usage line and exit code.
    static func message(for error: any Error) -> String? {
        // ArgumentParser's internal CommandError carries --help and --version requests too.
        if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return nil }
        switch error {
        case is ValidationError, is CleanExit, is ExitCode:
            return nil
        case let error as any LocalizedError where error.errorDescription != nil:
            return error.errorDescription
        case let error as CocoaError:
            let path = (error.userInfo[NSFilePathErrorKey] as? String).map { " (\($0))" } ?? ""
            return error.localizedDescription + path
        case let error as POSIXError:
            return errnoText(error.code.rawValue)
        case let error as DecodingError:
            return describe(error)
        default:
            // A system call's failure from a library (SwiftNIO's IOError: "bind(…): Address already
            // in use (errno: 98)"): its words without the number.
            if let code = errnoCode(of: error) {
                let text = String(describing: error).replacing(#/\)? \(errno: -?\d+\)/#, with: "")
                return text.contains(errnoText(code)) ? text : "\(text): \(errnoText(code))"
            }
            return String(describing: error)
        }
    }

    /// The errno a library error carries (SwiftNIO's `IOError` keeps it as `error: .errno(98)`), if any.
    static func errnoCode(of error: any Error) -> Int32? {
        func search(_ value: Any, depth: Int) -> Int32? {
            for child in Mirror(reflecting: value).children {
                if let label = child.label, label == "errno" || label == "errnoCode", let code = child.value as? Int32 { return code }
                if depth > 0, let code = search(child.value, depth: depth - 1) { return code }
            }
            return nil
        }
        return search(error, depth: 2)
    }

    /// The C library's words for an errno value (`No such file or directory`), never the number alone.
    static func errnoText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "cannot read the JSON\(path.isEmpty ? "" : " at \(path)"): \(context.debugDescription)"
        @unknown default:
            return "cannot read the JSON"
        }
    }
}
