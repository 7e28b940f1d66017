import Connectors

/// The checkpoint root of a built-in pipeline: one subdirectory per stage query (each a Spark
/// checkpoint of its own), and a `_pipeline` file naming the pipeline that owns the root.
///
/// ``claim(_:pipeline:stages:)`` runs before any query opens its checkpoint, so a directory
/// that belongs to another pipeline (or is a single query's checkpoint, or anything else) is
/// refused with what it holds, instead of having this pipeline's stages created inside it.
/// A root an earlier version left without `_pipeline` is adopted when it holds only this
/// pipeline's stages.
public enum PipelineCheckpoint {
    /// The marker file's name.
    public static let markerName = "_pipeline"

    /// Checks that `directory` is empty, new, or this pipeline's checkpoint, creates it and
    /// writes the marker.
    /// - Throws: ``PipelineError`` naming what the directory holds.
    public static func claim(_ directory: String, pipeline: String, stages: [String]) throws(PipelineError) {
        let marker = "\(directory)/\(markerName)"
        if FileSystem.exists(directory) {
            guard FileSystem.isDirectory(directory) else {
                throw .unusableDirectory(option: "--checkpoint", path: directory, reason: "is a file, not a directory")
            }
            if FileSystem.isRegularFile(marker) {
                let owner = (try? FileSystem.readAll(marker)).map { String(decoding: $0, as: UTF8.self) } ?? ""
                let name = owner.split(separator: "\n").first.map(String.init) ?? ""
                guard name == pipeline else {
                    throw .foreignCheckpoint(path: directory, found: "the checkpoint of `s360 \(name)`", pipeline: pipeline)
                }
                return
            }
            let entries: [String]
            do { entries = try FileSystem.listEntries(directory) } catch {
                throw .unusableDirectory(option: "--checkpoint", path: directory, reason: "cannot be listed: \(error)")
            }
            let foreign = entries.filter { !stages.contains($0) }.sorted()
            if !foreign.isEmpty {
                let shown = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", …" : "")
                let what = Set(foreign).isSuperset(of: ["offsets", "commits"]) || foreign.contains("metadata")
                    ? "a single query's checkpoint (\(shown))" : "other files (\(shown))"
                throw .foreignCheckpoint(path: directory, found: what, pipeline: pipeline)
            }
        }
        do {
            try FileSystem.createDirectory(directory)
            try FileSystem.writeAtomically(Array("\(pipeline)\n".utf8), to: marker)
        } catch {
            throw .unusableDirectory(option: "--checkpoint", path: directory, reason: "cannot be written: \(error)")
        }
    }
}
