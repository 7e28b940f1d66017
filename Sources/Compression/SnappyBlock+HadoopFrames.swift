import CSnappy

extension SnappyBlock {
    /// A whole `.snappy` file in Hadoop's block framing (`BlockCompressorStream`): blocks of
    /// `[uncompressed length: u32 BE]` then chunks `[compressed length: u32 BE][raw Snappy]`
    /// until the block's uncompressed length is reached.
    static func decompressHadoopFrames(_ input: [UInt8]) throws(CompressionError) -> [UInt8] {
        var output: [UInt8] = []
        var position = 0
        func bigEndianUInt32() throws(CompressionError) -> Int {
            guard position + 4 <= input.count else {
                throw .corruptFile(compression: .snappy, detail: "a block header is cut off at byte \(position)")
            }
            let value = input[position..<position + 4].reduce(0) { $0 << 8 | Int($1) }
            position += 4
            return value
        }
        while position < input.count {
            let blockSize = try bigEndianUInt32()
            var blockProduced = 0
            while blockProduced < blockSize {
                let chunkSize = try bigEndianUInt32()
                guard chunkSize > 0, position + chunkSize <= input.count else {
                    throw .corruptFile(compression: .snappy, detail: "a chunk of \(chunkSize) bytes at byte \(position) is cut off or empty")
                }
                let chunk = input[position..<position + chunkSize]
                position += chunkSize
                var declared = 0
                let status = chunk.withNonNullBytes { snappy_uncompressed_length($0.base, $0.count, &declared) }
                guard status == SNAPPY_OK else {
                    throw .corruptFile(compression: .snappy, detail: "a chunk at byte \(position - chunkSize) has no valid Snappy length")
                }
                do {
                    output += try decompress(chunk, uncompressedSize: declared)
                } catch {
                    throw .corruptFile(compression: .snappy, detail: error.description)
                }
                blockProduced += declared
            }
            guard blockProduced == blockSize else {
                throw .corruptFile(compression: .snappy, detail: "a block declared \(blockSize) bytes and held \(blockProduced)")
            }
        }
        return output
    }
}
