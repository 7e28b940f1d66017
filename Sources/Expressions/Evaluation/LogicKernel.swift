import Columnar

/// Three-valued boolean logic and `CASE WHEN` selection.
enum LogicKernel {
    /// `false AND null` is false; `true AND null` is null.
    static func and(_ l: Column, _ r: Column) -> Column {
        combine(l, r) { a, b in
            switch (a, b) {
            case (false, _), (_, false): false
            case (true, true): true
            default: nil
            }
        }
    }

    /// `true OR null` is true; `false OR null` is null.
    static func or(_ l: Column, _ r: Column) -> Column {
        combine(l, r) { a, b in
            switch (a, b) {
            case (true, _), (_, true): true
            case (false, false): false
            default: nil
            }
        }
    }

    static func not(_ c: Column) -> Column {
        Column(type: .boolean, count: c.count, validity: c.validity, storage: .boolean(c.booleanValues.map { !$0 }))
    }

    private static func combine(_ l: Column, _ r: Column, _ rule: (Bool?, Bool?) -> Bool?) -> Column {
        let a = l.booleanValues, b = r.booleanValues
        var builder = ColumnBuilder(type: .boolean, capacity: l.count)
        for i in 0..<l.count {
            let x: Bool? = l.isNull(i) ? nil : a[i]
            let y: Bool? = r.isNull(i) ? nil : b[i]
            if let value = rule(x, y) { builder.append(value) } else { builder.appendNull() }
        }
        return builder.finish()
    }

    /// For each row, the value of the first branch whose condition is true, else `otherwise`.
    static func select(conditions: [Column], values: [Column], otherwise: Column?, type: DataType, count: Int) -> Column {
        var builder = ColumnBuilder(type: type, capacity: count)
        let flags = conditions.map(\.booleanValues)
        for row in 0..<count {
            var chosen: Column? = otherwise
            for (i, condition) in conditions.enumerated() where !condition.isNull(row) && flags[i][row] {
                chosen = values[i]
                break
            }
            if let chosen { builder.append(from: chosen, row: row) } else { builder.appendNull() }
        }
        return builder.finish()
    }
}
