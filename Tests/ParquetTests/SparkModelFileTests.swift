import Columnar
import Foundation
@testable import Parquet
import Testing

/// Spark's own Parquet: the saved ML pipeline models of the fixtures (nested structs, arrays,
/// dictionary pages), read by Stream360 and compared with pyarrow's reading of the same files.
@Suite struct SparkModelFileTests {
    static func modelDataDirectories() throws -> [String] {
        let fixtures = TestFiles.fixtures()
        var directories: [String] = []
        for model in ["topup-small/spark_pipeline_model", "c360-small/spark_churn_model"] {
            let stages = fixtures + "/" + model + "/stages"
            for stage in try FileManager.default.contentsOfDirectory(atPath: stages).sorted() {
                for part in ["data", "treesMetadata"] where FileManager.default.fileExists(atPath: stages + "/" + stage + "/" + part) {
                    directories.append(stages + "/" + stage + "/" + part)
                }
            }
        }
        return directories
    }

    @Test func everyModelStageMatchesPyarrow() throws {
        let directories = try Self.modelDataDirectories()
        #expect(directories.count >= 19)
        var files: [String] = []
        var ours: [String] = []
        for directory in directories {
            let parts = try parquetDataFiles(at: directory)
            #expect(parts.count == 1, "\(directory)")
            files += parts
            ours.append(canonicalRows(try readParquet(path: directory)).joined(separator: "\n"))
        }
        let theirs = try PythonOracle.pyarrowRows(files: files).map { $0.joined(separator: "\n") }
        #expect(theirs.count == files.count)
        for (file, (a, b)) in zip(files, zip(ours, theirs)) {
            #expect(!a.isEmpty && a == b, "\(file)")
        }
    }

    @Test func gbtTreeNodesHaveTheirNestedShape() throws {
        let directory = try #require(try Self.modelDataDirectories().first { $0.hasSuffix("GBTClassifier_c812bbe01fe2/data") })
        let nodes = try readParquet(path: directory)
        #expect(nodes.rowCount == 1244)
        guard case .structure(let fields) = nodes.schema.fields[1].type else {
            Issue.record("nodeData is not a struct")
            return
        }
        #expect(fields.map(\.name) == ["id", "prediction", "impurity", "impurityStats", "rawCount", "gain", "leftChild", "rightChild", "split"])
        #expect(fields[3].type == .array(.double))
        let trees = Set(nodes.columns[0].int32Values)
        #expect(trees.count == 20)
        let treesMetadata = try readParquet(path: directory.replacingOccurrences(of: "/data", with: "/treesMetadata"))
        #expect(treesMetadata.rowCount == 20)
    }

    @Test func stringIndexerLabelsAreNestedArrays() throws {
        let directory = try #require(try Self.modelDataDirectories().first { $0.contains("00_StringIndexer_e1dc4c2f96fa") })
        let batch = try readParquet(path: directory)
        #expect(batch.schema.fields[0].type == .array(.array(.string)))
        #expect(batch.row(0) == [.array([.array([.string("Monthly"), .string("Quatrly"), .string("BI-Monthly"), .string("Half Yearly")])])])
    }
}
