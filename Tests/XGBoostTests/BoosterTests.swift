import Foundation
import Testing
import XGBoost

/// A separable data set: label 1 exactly when x0 > 0.5; x1 is noise with some values missing.
func separableData(rows: Int) -> (values: [Double], labels: [Double]) {
    var values: [Double] = []
    var labels: [Double] = []
    for row in 0..<rows {
        let x0 = Double(row % 100) / 100
        let x1 = row % 7 == 0 ? Double.nan : Double((row * 37) % 11)
        values += [x0, x1]
        labels.append(x0 > 0.5 ? 1 : 0)
    }
    return (values, labels)
}

@Suite struct BoosterTests {
    @Test func trainsASeparableSetPerfectly() throws {
        let (values, labels) = separableData(rows: 400)
        let data = try DMatrix(values: values, rows: 400, columns: 2, labels: labels)
        let booster = try Booster.train(parameters: BoosterParameters(maxDepth: 3, eta: 0.3), rounds: 10, data: data)
        #expect(booster.featureCount == 2)
        #expect(booster.rounds == 10)
        let probabilities = try booster.predict(values, rows: 400, columns: 2)
        for (p, label) in zip(probabilities, labels) { #expect((p > 0.5) == (label == 1)) }
        let margins = try booster.predict(values, rows: 400, columns: 2, output: .margin)
        for (m, p) in zip(margins, probabilities) { #expect(abs(1 / (1 + exp(-m)) - p) < 1e-6) }
        // Floats and doubles give the same predictions.
        let floats = try booster.predict(values.map { Float($0) }, rows: 400, columns: 2)
        #expect(floats == probabilities)
    }

    @Test func jsonModelRoundTripsWithIdenticalPredictions() throws {
        let (values, labels) = separableData(rows: 200)
        let booster = try Booster.train(
            parameters: BoosterParameters(maxDepth: 2, eta: 0.5), rounds: 5,
            data: try DMatrix(values: values, rows: 200, columns: 2, labels: labels))
        let json = try booster.jsonModel()
        #expect(String(decoding: json.prefix(1), as: UTF8.self) == "{")
        let reloaded = try Booster(model: json)
        #expect(try reloaded.predict(values, rows: 200, columns: 2) == booster.predict(values, rows: 200, columns: 2))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xgb-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try booster.save(to: path)
        let fromFile = try Booster.load(path: path)
        #expect(try fromFile.predict(values, rows: 200, columns: 2) == booster.predict(values, rows: 200, columns: 2))
    }

    @Test func pythonXGBoostLoadsTheSavedModel() throws {
        guard Self.pythonHasXGBoost() else {
            Issue.record("python3 cannot import xgboost; run scripts/install-deps.sh (installs xgboost-cpu)")
            return
        }
        let (values, labels) = separableData(rows: 100)
        let booster = try Booster.train(
            parameters: BoosterParameters(maxDepth: 2, eta: 0.5), rounds: 4,
            data: try DMatrix(values: values, rows: 100, columns: 2, labels: labels))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xgb-py-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try booster.save(to: directory + "/model.json")
        let rows = (0..<100).map { row in "\(values[2 * row]),\(values[2 * row + 1].isNaN ? "nan" : String(values[2 * row + 1]))" }
        try rows.joined(separator: "\n").write(toFile: directory + "/x.csv", atomically: true, encoding: .utf8)
        let script = """
            import sys, numpy as np, xgboost as xgb
            b = xgb.Booster(model_file=sys.argv[1] + '/model.json')
            x = np.loadtxt(sys.argv[1] + '/x.csv', delimiter=',')
            for p in b.predict(xgb.DMatrix(x, missing=np.nan)): print(repr(float(p)))
            """
        let output = try Self.run(["python3", "-c", script, directory])
        let python = output.split(separator: "\n").compactMap { Double($0) }
        let ours = try booster.predict(values, rows: 100, columns: 2)
        #expect(python.count == 100)
        for (a, b) in zip(python, ours) { #expect(abs(a - b) < 1e-6) }
    }

    @Test func refusedParameterNamesItself() throws {
        let (values, labels) = separableData(rows: 10)
        let data = try DMatrix(values: values, rows: 10, columns: 2, labels: labels)
        #expect {
            _ = try Booster.train(parameters: BoosterParameters(objective: "no:such"), rounds: 1, data: data)
        } throws: { error in
            guard case XGBoostError.library(let function, let message) = error else { return false }
            return function == "XGBoosterUpdateOneIter" && message.contains("no:such")
        }
    }

    @Test func shapeMismatchesAreCaughtBeforeXGBoost() throws {
        #expect(throws: XGBoostError.shapeMismatch(detail: "3 values for 2 rows × 2 columns")) {
            _ = try DMatrix(values: [1.0, 2, 3], rows: 2, columns: 2)
        }
        #expect(throws: XGBoostError.shapeMismatch(detail: "1 labels for 2 rows")) {
            _ = try DMatrix(values: [1.0, 2, 3, 4], rows: 2, columns: 2, labels: [1])
        }
    }

    static func pythonHasXGBoost() -> Bool {
        (try? run(["python3", "-c", "import xgboost"])) != nil
    }

    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return String(decoding: data, as: UTF8.self)
    }
}
