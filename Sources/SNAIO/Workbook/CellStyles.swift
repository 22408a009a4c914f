import Foundation
import SNACore

/// Which cell styles show numbers as dates or times, read from `xl/styles.xml`:
/// each cell's `s` attribute indexes `cellXfs`, whose `numFmtId` is a
/// built-in format or one of the workbook's own `numFmts`.
struct CellStyles {
    /// The date kind of each style index; nil for number formats.
    private var kinds: [DateKind?] = []

    /// No styles: every number is a number.
    init() {}

    /// Reads the styles part.
    init(_ data: Data, part: String, file: String) throws(InputError) {
        let handler = StylesHandler()
        try handler.parse(data, part: part, file: file)
        kinds = handler.formatIDs.map { id in id.flatMap { handler.customFormats[$0].map(Self.kind(ofFormat:)) ?? Self.builtInKind(id: $0) } }
    }

    /// What the style at `index` shows a number as.
    func dateKind(style index: Int) -> DateKind? {
        index >= 0 && index < kinds.count ? kinds[index] : nil
    }

    /// Excel's built-in date and time formats: 14-17 dates, 18-21 times,
    /// 22 date and time, 45-47 minutes and seconds, and the East Asian
    /// built-ins 27-36 and 50-58 (dates), which Excel writes by id too.
    static func builtInKind(id: Int) -> DateKind? {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 18...21, 32, 33, 45...47: return .time
        case 22: return .dateTime
        default: return nil
        }
    }

    /// Whether a format code shows a date, a time or both: by the letters
    /// d, m, y (date) and h, s (time) outside quoted text, `[...]` sections
    /// (colours, conditions, locales), backslash-escaped characters and the
    /// `_x` / `*x` spacing codes; `m` is minutes next to h or s. Only the
    /// first section (positive numbers) counts. `General` and `0.00` are numbers.
    static func kind(ofFormat code: String) -> DateKind? {
        var letters: [Character] = []
        var iterator = code.makeIterator()
        var inQuotes = false, inBrackets = false
        while let character = iterator.next() {
            if inQuotes { if character == "\"" { inQuotes = false }; continue }
            if inBrackets { if character == "]" { inBrackets = false }; continue }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": _ = iterator.next()
            case ";": iterator = "".makeIterator()
            default: letters.append(Character(character.lowercased()))
            }
        }
        let time = letters.contains("h") || letters.contains("s")
        let date = letters.contains("d") || letters.contains("y") || (letters.contains("m") && !time)
        switch (date, time) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        case (false, false): return nil
        }
    }
}

/// The SAX handler for `xl/styles.xml`.
private final class StylesHandler: WorkbookXMLHandler {
    var customFormats: [Int: String] = [:]
    /// The `numFmtId` of each `cellXfs/xf`, in order (nil when absent or not a number).
    var formatIDs: [Int?] = []
    private var inCellFormats = false

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats: formatIDs.append(attributes["numFmtId"].flatMap { Int($0) })
        default: break
        }
    }

    override func end(_ name: String) {
        if name == "cellXfs" { inCellFormats = false }
    }
}
