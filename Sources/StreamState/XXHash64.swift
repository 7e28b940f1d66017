/// xxHash64, bit for bit as Spark's `org.apache.spark.sql.catalyst.expressions.XXH64` computes it.
///
/// Why a namespace of its own: Spark hashes values with XXH64 for `approx_count_distinct`,
/// `xxhash64()` and its bloom filters, and every register a ``HyperLogLogPlusPlus`` sketch sets
/// depends on the exact 64 bits. Spark's byte hashing is the standard XXH64 of the bytes on a
/// little-endian machine, tail included: after the 32-byte stripes and the 8-byte words, one
/// 4-byte word if at least four bytes remain, then single bytes. So `hashBytes` agrees with the
/// reference implementation for every length. `hashInt` and `hashLong` are the standard XXH64
/// of the value's 4 or 8 little-endian bytes, computed without touching memory.
///
/// Hashes are returned as `UInt64`; Spark's `Long` result is the same bits,
/// `Int64(bitPattern: hash)`. A seed chains hashes the way Spark's multi-argument `xxhash64`
/// does: the previous hash is the seed of the next value.
///
/// ```swift
/// let h = XXHash64.hashInt(2, seed: XXHash64.hashInt(123, seed: XXHash64.hashBytes(Array("Spark".utf8))))
/// Int64(bitPattern: h)  // 5602566077635097486, as `SELECT xxhash64('Spark', array(123), 2)`
/// ```
public enum XXHash64 {
    /// The seed Spark's `approx_count_distinct` and `xxhash64()` use.
    public static let sparkSeed: UInt64 = 42

    @usableFromInline static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    @usableFromInline static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    @usableFromInline static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    @usableFromInline static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    @usableFromInline static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// Hash of a 32-bit integer (Spark's int, date and short/byte after widening).
    ///
    /// Why: Spark hashes an `IntegerType` value as its four bytes, never as a long.
    @inlinable
    public static func hashInt(_ input: Int32, seed: UInt64 = sparkSeed) -> UInt64 {
        var hash = seed &+ prime5 &+ 4
        hash ^= UInt64(UInt32(bitPattern: input)) &* prime1
        hash = rotateLeft(hash, 23) &* prime2 &+ prime3
        return finalMix(hash)
    }

    /// Hash of a 64-bit integer (Spark's long, and a timestamp's microseconds since the epoch).
    ///
    /// Why: `approx_count_distinct` over a timestamp column hashes the Int64 microseconds.
    @inlinable
    public static func hashLong(_ input: Int64, seed: UInt64 = sparkSeed) -> UInt64 {
        var hash = seed &+ prime5 &+ 8
        hash ^= round(0, UInt64(bitPattern: input))
        hash = rotateLeft(hash, 27) &* prime1 &+ prime4
        return finalMix(hash)
    }

    /// Hash of a byte sequence (Spark's strings as UTF-8, and binary values).
    ///
    /// Why a raw buffer: callers hash string slices straight out of a column's byte buffer
    /// without copying them.
    public static func hashBytes(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = sparkSeed) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else {
            return finalMix(seed &+ prime5)
        }
        var offset = 0
        var hash: UInt64
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2
            var v2 = seed &+ prime2
            var v3 = seed
            var v4 = seed &- prime1
            repeat {
                v1 = round(v1, word(base, offset))
                v2 = round(v2, word(base, offset + 8))
                v3 = round(v3, word(base, offset + 16))
                v4 = round(v4, word(base, offset + 24))
                offset += 32
            } while offset <= count - 32
            hash = rotateLeft(v1, 1) &+ rotateLeft(v2, 7) &+ rotateLeft(v3, 12) &+ rotateLeft(v4, 18)
            hash = mergeRound(hash, v1)
            hash = mergeRound(hash, v2)
            hash = mergeRound(hash, v3)
            hash = mergeRound(hash, v4)
        } else {
            hash = seed &+ prime5
        }
        hash &+= UInt64(count)
        while offset <= count - 8 {
            hash ^= round(0, word(base, offset))
            hash = rotateLeft(hash, 27) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= count {
            let half = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            hash ^= UInt64(half) &* prime1
            hash = rotateLeft(hash, 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < count {
            hash ^= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* prime5
            hash = rotateLeft(hash, 11) &* prime1
            offset += 1
        }
        return finalMix(hash)
    }

    /// Hash of a byte sequence given as typed bytes, e.g. a `String`'s UTF-8 view.
    ///
    /// Why: `string.utf8.withContiguousStorageIfAvailable { XXHash64.hashBytes($0) }` hashes
    /// a native string without copying it.
    public static func hashBytes(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = sparkSeed) -> UInt64 {
        hashBytes(UnsafeRawBufferPointer(bytes), seed: seed)
    }

    /// Hash of a byte array; a convenience over the pointer form for tests and cold paths.
    public static func hashBytes(_ bytes: [UInt8], seed: UInt64 = sparkSeed) -> UInt64 {
        bytes.withUnsafeBytes { hashBytes($0, seed: seed) }
    }

    @inlinable
    static func rotateLeft(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value &<< bits) | (value &>> (64 &- bits))
    }

    @inlinable
    static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotateLeft(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inlinable
    static func mergeRound(_ hash: UInt64, _ accumulator: UInt64) -> UInt64 {
        (hash ^ round(0, accumulator)) &* prime1 &+ prime4
    }

    @inlinable
    static func finalMix(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash &>> 33
        hash &*= prime2
        hash ^= hash &>> 29
        hash &*= prime3
        hash ^= hash &>> 32
        return hash
    }

    @inline(__always)
    private static func word(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
