import Foundation

/// Reads what a generator wrote: temporary directories, every file's bytes, JSON lines.
enum GeneratedFiles {
    static func temporaryDirectory(_ name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("s360-gen-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Every regular file under `directory`, by relative path.
    static func contents(of directory: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            result[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return result
    }

    /// The JSON values of every line of the `.jsonl` files in `directory`, in file-name order.
    static func messages(in directory: String) throws -> [Any] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }.sorted()
        var messages: [Any] = []
        for name in names {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            for line in data.split(separator: UInt8(ascii: "\n")) {
                messages.append(try JSONSerialization.jsonObject(with: Data(line)))
            }
        }
        return messages
    }

    /// The records of messages that are arrays of objects (or single objects).
    static func records(_ messages: [Any]) -> [[String: Any]] {
        messages.flatMap { message -> [[String: Any]] in
            if let array = message as? [[String: Any]] { return array }
            if let object = message as? [String: Any] { return [object] }
            return []
        }
    }

    static func manifest(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }
}
