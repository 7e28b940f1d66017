extension HyperLogLogPlusPlus {
    /// Adds an `int` value as Spark does: XXH64 of its four bytes, seed 42.
    @inlinable
    public mutating func add(int value: Int32) {
        add(hash: XXHash64.hashInt(value, seed: XXHash64.sparkSeed))
    }

    /// Adds a `bigint` value, or a timestamp's microseconds since the epoch, as Spark does:
    /// XXH64 of its eight bytes, seed 42.
    ///
    /// Why timestamps come here: Spark stores `TimestampType` as Int64 microseconds and hashes
    /// that long, so `add(long: micros)` matches `approx_count_distinct` over a timestamp column.
    @inlinable
    public mutating func add(long value: Int64) {
        add(hash: XXHash64.hashLong(value, seed: XXHash64.sparkSeed))
    }

    /// Adds a `double` value as Spark does: `-0.0` counts as `0.0`, every NaN as one NaN,
    /// then XXH64 of the IEEE bits as a long.
    @inlinable
    public mutating func add(double value: Double) {
        add(long: XXHash64.sparkDoubleBits(value))
    }

    /// Adds a `boolean` value as Spark does: the int 1 or 0.
    @inlinable
    public mutating func add(boolean value: Bool) {
        add(int: value ? 1 : 0)
    }

    /// Adds a string by its UTF-8 bytes (XXH64, seed 42), as Spark's `approx_count_distinct`
    /// does for the default UTF8_BINARY collation.
    ///
    /// Why bytes: string columns keep UTF-8 in one buffer; hashing a slice of it allocates nothing.
    @inlinable
    public mutating func add(utf8 bytes: UnsafeRawBufferPointer) {
        add(hash: XXHash64.hashBytes(bytes, seed: XXHash64.sparkSeed))
    }

    /// Adds a string by its UTF-8 bytes; see ``add(utf8:)-(UnsafeRawBufferPointer)``.
    @inlinable
    public mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        add(hash: XXHash64.hashBytes(bytes, seed: XXHash64.sparkSeed))
    }

    /// Adds a Swift string by its UTF-8 bytes (no copy for native strings).
    public mutating func add(string: String) {
        var copy = string
        copy.withUTF8 { add(utf8: $0) }
    }
}

extension XXHash64 {
    /// The long Spark hashes for a double after `approx_count_distinct`'s normalisation:
    /// `-0.0` becomes `0.0` and NaN becomes Java's canonical NaN.
    @inlinable
    public static func sparkDoubleBits(_ value: Double) -> Int64 {
        if value.isNaN { return 0x7FF8_0000_0000_0000 }
        if value == 0 { return 0 }
        return Int64(bitPattern: value.bitPattern)
    }
}
