public import Columnar

/// Concatenates numeric columns and vector columns into one dense feature vector per row:
/// Spark's `VectorAssembler`.
///
/// Numeric inputs (int, long, double, boolean) contribute one element, vector inputs their
/// length. Invalid values follow `handleInvalid`:
/// - `"keep"`: a null number becomes NaN, a null vector as many NaNs as its length, NaN stays;
/// - `"skip"`: rows with a null input, or NaN in a numeric input, are dropped (Spark's `na.drop`);
/// - `"error"`: a null or NaN fails the batch.
///
/// The output is a dense `array<double>` column (see ``VectorColumn``). A vector input's length
/// is read from its rows; where a batch could hold only null vectors, give it in
/// ``vectorSizes`` (``PipelineModel`` fills it in from the one-hot encoders before the assembler).
public struct VectorAssembler: Transformer {
    public let uid: String
    public let inputColumns: [String]
    public let outputColumn: String
    public let handleInvalid: HandleInvalid
    /// Known lengths of vector inputs, by column name.
    public var vectorSizes: [String: Int]

    public init(uid: String = "VectorAssembler", inputColumns: [String], outputColumn: String,
                handleInvalid: HandleInvalid = .error, vectorSizes: [String: Int] = [:]) {
        self.uid = uid
        self.inputColumns = inputColumns
        self.outputColumn = outputColumn
        self.handleInvalid = handleInvalid
        self.vectorSizes = vectorSizes
    }

    private enum Input {
        case numbers([Double], Column)
        case vectors(VectorView, size: Int)
    }

    public func transform(_ batch: RecordBatch) throws(MachineLearningError) -> RecordBatch {
        let rowCount = batch.rowCount
        var inputs: [Input] = []
        var width = 0
        for name in inputColumns {
            let column = batch.columns[try batch.columnIndex(name, stage: uid)]
            if let numbers = column.doublesCast {
                inputs.append(.numbers(numbers, column))
                width += 1
            } else if let view = VectorView(column) {
                let size = try vectorSize(view, name: name)
                inputs.append(.vectors(view, size: size))
                width += size
            } else {
                throw .unsupportedColumnType(stage: uid, column: name, type: column.type.description)
            }
        }
        var buffer = [Double](repeating: 0, count: rowCount * width)
        var keep = [Bool](repeating: true, count: rowCount)
        var dropsRows = false
        var failure: MachineLearningError?
        buffer.withUnsafeMutableBufferPointer { target in
            var base = 0
            for (position, input) in inputs.enumerated() {
                let name = inputColumns[position]
                switch input {
                case .numbers(let values, let column):
                    for row in 0..<rowCount {
                        let value = column.isNull(row) ? Double.nan : values[row]
                        if value.isNaN, handleInvalid != .keep {
                            if handleInvalid == .skip {
                                keep[row] = false
                                dropsRows = true
                            } else if failure == nil {
                                failure = invalid(name, row: row, null: column.isNull(row))
                            }
                        }
                        target[row * width + base] = value
                    }
                    base += 1
                case .vectors(let view, let size):
                    for row in 0..<rowCount {
                        if view.isNull(row) {
                            switch handleInvalid {
                            case .keep:
                                for k in 0..<size { target[row * width + base + k] = .nan }
                            case .skip:
                                keep[row] = false
                                dropsRows = true
                            case .error:
                                if failure == nil { failure = invalid(name, row: row, null: true) }
                            }
                        } else if view.size(row) != size {
                            if failure == nil { failure = .featureCountMismatch(stage: uid, expected: size, actual: view.size(row)) }
                        } else {
                            view.scatter(row, into: target, at: row * width + base)
                        }
                    }
                    base += size
                }
            }
        }
        if let failure { throw failure }
        let output = VectorColumn.dense(buffer, width: width, rowCount: rowCount)
        let result = batch.replacingOrAppending([Field(outputColumn, VectorColumn.denseType, nullable: false)], [output])
        return dropsRows ? result.filter(keep) : result
    }

    private func vectorSize(_ view: VectorView, name: String) throws(MachineLearningError) -> Int {
        if let known = vectorSizes[name] { return known }
        for row in 0..<view.count where !view.isNull(row) { return view.size(row) }
        if view.count == 0 { return 0 }
        throw .invalidValue(stage: uid, column: name, row: 0, value: "null",
                            hint: "every vector in the batch is null, so its length is unknown; give it in vectorSizes")
    }

    private func invalid(_ name: String, row: Int, null: Bool) -> MachineLearningError {
        .invalidValue(stage: uid, column: name, row: row, value: null ? "null" : "NaN",
                      hint: "VectorAssembler with handleInvalid = error; set it to keep or skip")
    }
}
