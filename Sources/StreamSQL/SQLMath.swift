#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C math library's functions, named apart so the function tables can call them.
enum SQLMath {
    static func exponential(_ x: Double) -> Double { exp(x) }
    static func naturalLog(_ x: Double) -> Double { log(x) }
    static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
}
