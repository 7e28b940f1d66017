import Columnar
import Testing

/// ``ColumnBuilder`` allocates its validity bitmap at the first null: rows appended before it,
/// across 64-bit word boundaries, must still read as valid, and truncation must undo it.
@Suite struct ColumnBuilderTests {
    @Test(arguments: [0, 1, 63, 64, 65, 200])
    func firstNullAfterValues(validBefore: Int) {
        var builder = ColumnBuilder(type: .long, capacity: 16)
        for i in 0..<validBefore { builder.append(Int64(i)) }
        builder.appendNull()
        builder.append(Int64(-1))
        builder.appendNull()
        let column = builder.finish()
        #expect(column.count == validBefore + 3)
        #expect(column.nullCount == 2)
        #expect(column.validity?.count == validBefore + 3)
        #expect(column.scalars == (0..<validBefore).map { .long(Int64($0)) } + [.null, .long(-1), .null])
    }

    @Test func noNullNoBitmap() {
        var builder = ColumnBuilder(type: .string, capacity: 4)
        for i in 0..<100 { builder.append("v\(i)") }
        let column = builder.finish()
        #expect(column.validity == nil)
        #expect(column.nullCount == 0)
        #expect(column.scalars.last == .string("v99"))
    }

    @Test func structChildrenGetTheirFirstNullLate() {
        var builder = ColumnBuilder(type: .structure([Field("a", .int), Field("b", .string)]))
        for i in 0..<70 {
            builder.children[0].append(Int32(i))
            builder.children[1].append("x")
            builder.appendStructRow()
        }
        builder.appendNull()
        let column = builder.finish()
        #expect(column.count == 71)
        #expect(column.isNull(70) && !column.isNull(69) && !column.isNull(0))
        #expect(column.children[0].isNull(70) && !column.children[0].isNull(69))
        #expect(column.children[1].scalars[68...] == [.string("x"), .string("x"), .null])
    }

    @Test func truncateBeforeAndAfterTheFirstNull() {
        var builder = ColumnBuilder(type: .double)
        for i in 0..<10 { builder.append(Double(i)) }
        builder.truncate(to: 8)  // no bitmap yet
        builder.appendNull()
        builder.append(8.5)
        builder.truncate(to: 9)  // keeps the null, drops 8.5
        builder.append(9.5)
        let column = builder.finish()
        #expect(column.count == 10)
        #expect(column.scalars == (0..<8).map { .double(Double($0)) } + [.null, .double(9.5)])

        var rolledBack = ColumnBuilder(type: .int)
        rolledBack.append(Int32(1))
        rolledBack.appendNull()
        rolledBack.truncate(to: 1)  // the only null rolled back
        rolledBack.append(Int32(2))
        let clean = rolledBack.finish()
        #expect(clean.nullCount == 0)
        #expect(clean.scalars == [.int(1), .int(2)])
    }

    @Test func builderIsReusableAfterFinish() {
        var builder = ColumnBuilder(type: .int)
        builder.appendNull()
        _ = builder.finish()
        builder.append(Int32(7))
        let column = builder.finish()
        #expect(column.validity == nil)
        #expect(column.scalars == [.int(7)])
    }
}
