import Foundation

/// An amount of money as a spreadsheet or a report writes it, read into pounds.
///
/// Accepted: plain numbers (`140000000`, `2.5`), thousands separators
/// (`1,272`), a pound sign (`£57m`), a unit word or letter (`k`, `thousand`,
/// `m`, `mn`, `million`, `bn`, `billion`), negatives with a minus sign
/// (`-2.5m`, `£-2.5m`, `−2.5`) or in brackets as accountants write them
/// (`(2.5)`, `(£2.5m)`).
///
/// ```swift
/// SpendAmount.parse("£1,272m")?.pounds   // 1_272_000_000
/// SpendAmount.parse("1.3bn")?.precision   // 50_000_000: half the last digit written
/// SpendAmount.parse("(2.5)", unit: 1e6)?.pounds  // -2_500_000
/// ```
public struct SpendAmount: Hashable, Sendable {
    /// The amount in pounds; negative for a credit or a saving.
    public var pounds: Double
    /// Half a unit of the last digit written, in pounds: how far the true
    /// figure may be from the one written (`£7.2bn` is 7.15 to 7.25 billion).
    /// A stated total is checked against its rows to this precision.
    public var precision: Double

    /// Creates an amount.
    public init(pounds: Double, precision: Double = 0.5) {
        self.pounds = pounds
        self.precision = precision
    }

    /// What to write instead of an amount that cannot be read.
    public static let fix = "write an amount such as 140000000, £1,272m, 1.3bn, £2.5 million or (2.5) for a negative"

    /// The multipliers of the unit words, by lower-cased word.
    static let units: [String: Double] = [
        "k": 1e3, "thousand": 1e3, "000s": 1e3, "£000": 1e3, "£000s": 1e3, "£k": 1e3,
        "m": 1e6, "mn": 1e6, "mil": 1e6, "million": 1e6, "millions": 1e6, "£m": 1e6,
        "bn": 1e9, "b": 1e9, "billion": 1e9, "billions": 1e9, "£bn": 1e9,
    ]

    /// Reads an amount, or returns nil when `text` is not one.
    ///
    /// - Parameters:
    ///   - text: the cell as written.
    ///   - unit: what a number written without a unit counts in (1 for
    ///     pounds, 1e6 when the column's header says `£m`).
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, unit: Double = 1) -> SpendAmount? {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = false
        if rest.hasPrefix("("), rest.hasSuffix(")") {
            negative = true
            rest = rest.dropFirst().dropLast()
            rest = Substring(rest.trimmingCharacters(in: .whitespaces))
        }
        func dropSign() {
            if let first = rest.first, first == "-" || first == "\u{2212}" || first == "\u{2013}" {
                guard !negative else { return }
                negative = true
                rest = Substring(rest.dropFirst().trimmingCharacters(in: .whitespaces))
            }
        }
        dropSign()
        if rest.hasPrefix("£") { rest = Substring(rest.dropFirst().trimmingCharacters(in: .whitespaces)) }
        else if rest.uppercased().hasPrefix("GBP") { rest = Substring(rest.dropFirst(3).trimmingCharacters(in: .whitespaces)) }
        dropSign()
        // The number: digits with optional comma groups of three, then an optional fraction.
        var integerDigits = ""
        var fraction = ""
        var index = rest.startIndex
        var sawComma = false
        var groupLength = 0
        while index < rest.endIndex, rest[index].isASCII, rest[index].isNumber || rest[index] == "," {
            if rest[index] == "," {
                guard !integerDigits.isEmpty, !sawComma || groupLength == 3 else { return nil }
                if !sawComma && integerDigits.count > 3 { return nil }
                sawComma = true
                groupLength = 0
            } else {
                integerDigits.append(rest[index])
                groupLength += 1
            }
            index = rest.index(after: index)
        }
        if sawComma && groupLength != 3 { return nil }
        if index < rest.endIndex, rest[index] == "." {
            index = rest.index(after: index)
            while index < rest.endIndex, rest[index].isASCII, rest[index].isNumber {
                fraction.append(rest[index])
                index = rest.index(after: index)
            }
            guard !fraction.isEmpty else { return nil }
        }
        guard !integerDigits.isEmpty || !fraction.isEmpty else { return nil }
        let word = rest[index...].trimmingCharacters(in: .whitespaces).lowercased()
        var multiplier = unit
        if !word.isEmpty {
            guard let named = units[word] else { return nil }
            multiplier = named
        }
        guard let number = Double((integerDigits.isEmpty ? "0" : integerDigits) + (fraction.isEmpty ? "" : "." + fraction)),
              number.isFinite else { return nil }
        let pounds = number * multiplier
        guard pounds.isFinite, abs(pounds) < 1e15 else { return nil }
        let precision = 0.5 * multiplier / pow(10, Double(fraction.count))
        return SpendAmount(pounds: negative ? -pounds : pounds, precision: max(precision, 0.005))
    }

    /// The unit a column header names, such as `amount (£m)` or `Spend £bn`:
    /// the multiplier for numbers written without a unit, or nil when the
    /// header names none.
    public static func unit(inHeader header: String) -> Double? {
        let lowered = header.lowercased()
        for (marker, value) in [("£bn", 1e9), ("£ bn", 1e9), ("£m", 1e6), ("£ m", 1e6), ("£000", 1e3), ("£k", 1e3),
                                ("(bn)", 1e9), ("(m)", 1e6), ("(k)", 1e3), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3)]
            where lowered.contains(marker) {
            return value
        }
        return nil
    }
}

/// How amounts are written for people: `£7.2bn`, `£1,272m`, `£5.7m`, `£140,000`.
public enum SpendFormat {
    /// An amount in the style of a finance report: billions to three
    /// significant figures at most (`£1.57bn`, `£7.2bn`, `£12.4bn`, `£369bn`), millions to one place at most (`£672m`,
    /// `£5.7m`) with thousands separators, smaller sums in whole pounds
    /// (`£140,000`); a negative with a minus sign (`-£2.5m`).
    public static func money(_ pounds: Double) -> String {
        let sign = pounds < 0 ? "-" : ""
        let value = abs(pounds)
        if value >= 999.5e6 {
            let places = value >= 99.5e9 ? 0 : value >= 9.995e9 ? 1 : 2
            return sign + "£" + grouped(trimmed(value / 1e9, places: places)) + "bn"
        }
        if value >= 1e6 {
            return sign + "£" + grouped(trimmed(value / 1e6, places: 1)) + "m"
        }
        return sign + "£" + grouped(String(Int(value.rounded())))
    }

    /// The unit a table of amounts is best shown in, as a finance report
    /// would: `£bn` to one place when every amount is a whole number of
    /// £100m and the largest is a billion or more (the seed's provider table),
    /// `£m` when every amount is a whole number of £100,000, otherwise each
    /// amount with its own unit (``money(_:)``).
    ///
    /// - Returns: the column heading and the formatter.
    public static func tableUnit(for amounts: [Double]) -> (heading: String, format: @Sendable (Double) -> String) {
        func multiples(of step: Double) -> Bool {
            amounts.allSatisfy { value in abs(value / step - (value / step).rounded()) < 1e-6 }
        }
        let largest = amounts.map(abs).max() ?? 0
        if largest >= 1e9, multiples(of: 1e8) { return ("£bn", { String(format: "%.1f", $0 / 1e9) }) }
        if largest >= 1e6, multiples(of: 1e5) { return ("£m", { grouped(trimmed($0 / 1e6, places: 1)) }) }
        return ("amount", { money($0) })
    }

    /// A share as a percentage to one place: `34.7%`; below 1% to two places (`0.42%`).
    public static func share(_ fraction: Double) -> String {
        let percent = fraction * 100
        let places = abs(percent) < 1 && percent != 0 ? 2 : 1
        return String(format: "%.\(places)f", percent) + "%"
    }

    /// `value` to at most `places` decimal places, trailing zeros dropped.
    static func trimmed(_ value: Double, places: Int) -> String {
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Digits with commas between groups of three before any decimal point.
    static func grouped(_ number: String) -> String {
        let parts = number.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var out: [Character] = []
        while digits.count > 3 {
            out = [","] + digits.suffix(3) + out
            digits.removeLast(3)
        }
        out = digits + out
        return String(out) + (parts.count > 1 ? "." + parts[1] : "")
    }
}
