import Foundation

/// A cell's place on a sheet, as in `C14`: column 3, row 14.
struct CellReference: Equatable {
    /// Excel's last row.
    static let maximumRow = 1_048_576
    /// Excel's last column, `XFD`.
    static let maximumColumn = 16_384

    /// The column number, `A` = 1.
    var column: Int
    /// The row number, from 1.
    var row: Int

    /// Parses a reference such as `C14` (letters in either case); nil unless it
    /// names a cell inside Excel's grid (`A1` to `XFD1048576`).
    init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7, !(digits == 0 && byte == UInt8(ascii: "0")) else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard digits > 0, column <= Self.maximumColumn, row <= Self.maximumRow else { return nil }
        self.column = column
        self.row = row
    }

    /// Parses a row number attribute (`r="14"`); nil unless it is in 1 ... 1048576.
    static func row(_ text: String) -> Int? {
        guard text.utf8.count <= 7, let row = Int(text), row >= 1, row <= maximumRow else { return nil }
        return row
    }
}

/// What a number cell's format shows: the parts of a date and time.
enum DateKind: Equatable {
    /// A date only (`yyyy-mm-dd`, built-in 14).
    case date
    /// A time of day only (`h:mm`, built-in 20).
    case time
    /// Both (`m/d/yy h:mm`, built-in 22).
    case dateTime
}

/// Cell values written as a person reads them in the spreadsheet.
enum CellText {
    /// A number as text: integers without `.0`, decimals to Excel's 15
    /// significant digits with no float noise (`0.30000000000000004` is
    /// `0.3`), very large or small magnitudes as `1.5E+20`. Text that is not
    /// a number is returned as it is.
    static func number(_ raw: String) -> String {
        if isPlainDecimal(raw) { return raw }
        guard let value = Double(raw), value.isFinite else { return raw }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var (digits, exponent) = decimalDigits(abs(value))
        if digits.count > 15 {
            // Round the shortest exact digits to Excel's 15, half up.
            let roundUp = digits[15] >= 5
            digits.removeSubrange(15...)
            if roundUp {
                var index = 14
                while index >= 0 && digits[index] == 9 { digits[index] = 0; index -= 1 }
                if index >= 0 { digits[index] += 1 } else { digits.insert(1, at: 0); exponent += 1 }
            }
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        let zero = UInt8(ascii: "0"), point = UInt8(ascii: ".")
        var text: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
        if exponent >= 15 || exponent < -9 {
            text.append(zero + digits[0])
            if digits.count > 1 { text.append(point); text += digits.dropFirst().map { zero + $0 } }
            text += Array("E\(exponent < 0 ? "-" : "+")\(abs(exponent) < 10 ? "0" : "")\(abs(exponent))".utf8)
        } else if exponent < 0 {
            text += [zero, point] + [UInt8](repeating: zero, count: -exponent - 1) + digits.map { zero + $0 }
        } else {
            for index in 0...exponent { text.append(zero + (index < digits.count ? digits[index] : 0)) }
            if digits.count > exponent + 1 { text.append(point); text += digits[(exponent + 1)...].map { zero + $0 } }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The significant decimal digits (0-9) of a positive finite number,
    /// the shortest that read back as the same double (Swift's
    /// `description`), and the power of ten of the first: 0.0123 is ([1, 2, 3], -2).
    private static func decimalDigits(_ value: Double) -> (digits: [UInt8], exponent: Int) {
        var digits: [UInt8] = []
        var whole = 0, exponent = 0, exponentSign = 1
        var afterPoint = false, inExponent = false
        for byte in value.description.utf8 {
            switch byte {
            case UInt8(ascii: "e"): inExponent = true
            case UInt8(ascii: "."): afterPoint = true
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = byte - UInt8(ascii: "0")
                if inExponent { exponent = exponent * 10 + Int(digit) } else { digits.append(digit); if !afterPoint { whole += 1 } }
            default: break
            }
        }
        exponent = exponent * exponentSign + whole - 1
        let leadingZeros = min(digits.prefix { $0 == 0 }.count, digits.count - 1)
        return (Array(digits.dropFirst(leadingZeros)), exponent - leadingZeros)
    }

    /// Whether `raw` is already as a person writes a number: an optional
    /// minus, digits without a leading zero, and an optional fraction that
    /// does not end in zero, at most 15 significant digits in all (not `-0`).
    private static func isPlainDecimal(_ raw: String) -> Bool {
        let digit = UInt8(ascii: "0")...UInt8(ascii: "9"), zero = UInt8(ascii: "0")
        var bytes = raw.utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.endIndex)]
        let fraction = point.map { bytes[bytes.index(after: $0)...] } ?? bytes[bytes.endIndex...]
        guard !whole.isEmpty, whole.allSatisfy(digit.contains), fraction.allSatisfy(digit.contains) else { return false }
        let wholeIsZero = whole.count == 1 && whole.first == zero
        guard whole.first != zero || wholeIsZero else { return false }
        if point != nil { guard let last = fraction.last, last != zero else { return false } }
        if negative && wholeIsZero && point == nil { return false }
        let significant = wholeIsZero ? fraction.drop { $0 == zero }.count : whole.count + fraction.count
        return significant <= 15
    }

    /// A date serial number as ISO text: `2024-03-01`, `09:05:00` or
    /// `2024-03-01 09:05:00` by `kind`, to the nearest second. In the 1900
    /// system serial 1 is 1900-01-01 and serial 60 is Excel's 1900-02-29 (a
    /// day that never was, kept so that later dates are right); in the 1904
    /// system serial 0 is 1904-01-01. Nil for serials no date format shows
    /// (negative, or after 9999-12-31), which are then written as numbers.
    static func date(_ serial: Double, _ kind: DateKind, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < (date1904 ? 2_957_003 : 2_958_466) else { return nil }
        let seconds = Int((serial * 86_400).rounded())
        let days = seconds / 86_400
        let time = seconds % 86_400
        let clock = twoDigits(time / 3600) + ":" + twoDigits(time / 60 % 60) + ":" + twoDigits(time % 60)
        if kind != .date && days == 0 && !date1904 { return clock }
        if kind == .time && days == 0 { return clock }
        let day: String
        if date1904 {
            day = civil(daysSince1970: days - 24_107)
        } else if days == 0 {
            day = "1900-01-00"
        } else if days == 60 {
            day = "1900-02-29"
        } else {
            day = civil(daysSince1970: days - (days > 60 ? 25_569 : 25_568))
        }
        return kind == .date ? day : day + " " + clock
    }

    /// `yyyy-mm-dd` of a day counted from 1970-01-01 (Howard Hinnant's civil-from-days).
    private static func civil(daysSince1970 days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(year) + "-" + twoDigits(month) + "-" + twoDigits(day)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }

    /// A cell's text with the escapes of Office Open XML undone: `_x000D_`
    /// (any `_xHHHH_`, a UTF-16 code unit; `_x005F_` escapes an underscore),
    /// and line ends made `\n` (`\r\n` and a lone `\r` both).
    static func unescaped(_ text: String) -> String {
        var previous: UInt8 = 0
        guard text.utf8.contains(where: { byte in
            defer { previous = byte }
            return byte == 0x0D || (byte == UInt8(ascii: "x") && previous == UInt8(ascii: "_"))
        }) else { return text }
        let units = Array(text.utf16)
        var decoded: [UInt16] = []
        decoded.reserveCapacity(units.count)
        var i = 0
        while i < units.count {
            if units[i] == 0x5F, i + 6 < units.count, units[i + 1] == 0x78, units[i + 6] == 0x5F,
               let unit = UInt16(String(decoding: units[(i + 2)..<(i + 6)], as: UTF16.self), radix: 16),
               units[(i + 2)..<(i + 6)].allSatisfy({ $0 < 0x80 && $0 != 0x2B && $0 != 0x2D }) {
                decoded.append(unit)
                i += 7
            } else {
                decoded.append(units[i])
                i += 1
            }
        }
        var lines: [UInt16] = []
        lines.reserveCapacity(decoded.count)
        for (index, unit) in decoded.enumerated() {
            if unit == 0x0D {
                if index + 1 < decoded.count, decoded[index + 1] == 0x0A { continue }
                lines.append(0x0A)
            } else {
                lines.append(unit)
            }
        }
        return String(decoding: lines, as: UTF16.self)
    }
}
