import Foundation
import SNACore

/// One cell with text, by its column number (`A` = 1).
struct SheetCell: Equatable {
    /// The column number.
    var column: Int
    /// The cell's text as a person reads it.
    var text: String
}

/// One row of a sheet that has at least one cell with text: its row number
/// and those cells in column order. Cells without text are not stored, so a
/// sparse sheet (one cell at `XFD1048576`) costs one cell, not a grid.
struct SheetRow: Equatable {
    /// The row number on the sheet.
    var number: Int
    /// The cells with text, in column order.
    var cells: [SheetCell]
}

/// What a sheet part's reader needs to know about the rest of the workbook.
struct SheetContext {
    /// The file, for messages.
    var file: String
    /// The sheet's name, for messages.
    var sheet: String
    /// The workbook's shared strings.
    var sharedStrings: SharedStrings
    /// The workbook's cell styles (which numbers are dates).
    var styles: CellStyles
    /// Whether dates count from 1904.
    var date1904: Bool
    /// The last column read; a value further right is an error.
    var maximumColumn: Int
}

/// Streams a sheet part (`xl/worksheets/sheet1.xml`) into its rows with text.
enum SheetReader {
    /// Reads the rows of a sheet part that hold any text, in row order.
    ///
    /// - Throws: ``InputError`` naming the sheet and cell for a cell reference
    ///   outside the grid, a shared string index outside the table or a value
    ///   past ``SheetContext/maximumColumn``; `workbook.corrupt` for XML that
    ///   is not well-formed.
    static func rows(of data: Data, part: String, context: SheetContext) throws(InputError) -> [SheetRow] {
        let handler = SheetHandler(context)
        try handler.parse(data, part: part, file: context.file)
        if !handler.problems.isEmpty { throw InputError(.badData, handler.problems) }
        var rows = handler.rows
        if !rows.indices.dropFirst().allSatisfy({ rows[$0 - 1].number <= rows[$0].number }) {
            rows = rows.enumerated().sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }.map(\.element)
        }
        return rows
    }
}

/// The SAX handler for a sheet part.
private final class SheetHandler: WorkbookXMLHandler {
    private enum ValueType {
        case number, shared, inline, formula, boolean, error, isoDate, other
    }

    private let context: SheetContext
    private(set) var rows: [SheetRow] = []
    private(set) var problems: [Diagnostic] = []

    private var rowNumber = 0
    private var cells: [SheetCell] = []
    private var cellsInOrder = true
    private var column = 0
    private var type = ValueType.number
    private var style = 0
    private var value = ""
    private var inValue = false
    private var inInline = false
    private var inline = StringItemText()
    private var inlineText = ""

    init(_ context: SheetContext) { self.context = context }

    private func report(_ code: String, row: Int, column: Int?, _ message: String, value: String, fix: String) {
        problems.append(WorkbookProblem.error(code, context.file, sheet: context.sheet, row: row, column: column, message, value: value, fix: fix))
        if problems.count >= CSVReader.maximumErrors {
            problems.append(WorkbookProblem.error("workbook.stopped", context.file, sheet: context.sheet,
                                                  "stopped reading after \(CSVReader.maximumErrors) problems",
                                                  fix: "fix these and run again to see any more"))
            stop(InputError(.badData, problems))
        }
    }

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            let previous = rowNumber
            rowNumber = previous + 1
            if let text = attributes["r"] {
                if let number = CellReference.row(text) {
                    rowNumber = number
                } else {
                    report("workbook.bad-reference", row: rowNumber, column: nil, "the row number is not one a sheet can have (1 to 1048576)",
                           value: text, fix: WorkbookProblem.resave)
                }
            }
            cells.removeAll(keepingCapacity: true)
            cellsInOrder = true
            column = 0
        case "c":
            let previous = column
            column = previous + 1
            type = .number
            style = 0
            // One pass over the two or three attributes costs less than three lookups by hash.
            for (key, text) in attributes {
                switch key {
                case "r":
                    if let reference = CellReference(text) {
                        column = reference.column
                    } else {
                        report("workbook.bad-reference", row: rowNumber, column: nil, "the cell reference is not a cell on a sheet (A1 to XFD1048576)",
                               value: text, fix: WorkbookProblem.resave)
                    }
                case "t": type = Self.valueType(text)
                case "s": style = Int(text) ?? 0
                default: break
                }
            }
            if column <= previous { cellsInOrder = false }
            value = ""
            inlineText = ""
        case "v":
            inValue = true
            value = ""
        case "is":
            inInline = true
            _ = inline.take()
        default:
            if inInline { inline.start(name, space: attributes["xml:space"]) }
        }
    }

    override func text(_ text: String) {
        if inValue {
            value += text
        } else if inInline {
            inline.text(text)
        }
    }

    override func end(_ name: String) {
        switch name {
        case "v":
            inValue = false
        case "is":
            inInline = false
            inlineText = inline.take()
        case "c":
            let text = cellText()
            guard !text.isEmpty else { return }
            if column > context.maximumColumn {
                report("workbook.too-wide", row: rowNumber, column: column,
                       "a value lies in column \(SourceLocation.columnLetters(column)), beyond the \(context.maximumColumn) columns snatool reads",
                       value: text, fix: "delete the stray cells to the right of the data, or copy the data to a sheet of its own")
                return
            }
            cells.append(SheetCell(column: column, text: text))
        case "row":
            guard !cells.isEmpty else { return }
            if !cellsInOrder {
                // Out of order or repeated references: sorted, the last of a repeated cell kept.
                var byColumn: [Int: String] = [:]
                for cell in cells { byColumn[cell.column] = cell.text }
                cells = byColumn.sorted { $0.key < $1.key }.map { SheetCell(column: $0.key, text: $0.value) }
            }
            rows.append(SheetRow(number: rowNumber, cells: cells))
        default:
            if inInline { inline.end(name) }
        }
    }

    private static func valueType(_ attribute: String) -> ValueType {
        switch attribute {
        case "n": .number
        case "s": .shared
        case "inlineStr": .inline
        case "str": .formula
        case "b": .boolean
        case "e": .error
        case "d": .isoDate
        default: .other
        }
    }

    /// The finished cell's text as a person reads it in the spreadsheet.
    private func cellText() -> String {
        switch type {
        case .inline:
            return inlineText.isEmpty ? CellText.unescaped(value) : inlineText
        case .shared:
            guard !value.isEmpty else { return "" }
            guard let index = Int(value) ?? Int(XMLText.trimmed(value)), let text = context.sharedStrings[index] else {
                report("workbook.bad-shared-string", row: rowNumber, column: column,
                       "the cell refers to shared string \(value), but the workbook has \(context.sharedStrings.strings.count)",
                       value: value, fix: WorkbookProblem.resave)
                return ""
            }
            return text
        case .boolean:
            switch value { case "1", "true": return "TRUE"; case "0", "false": return "FALSE"; default: return value }
        case .formula, .other:
            return CellText.unescaped(value)
        case .error:
            return value
        case .isoDate:
            return Self.isoDate(value)
        case .number:
            guard !value.isEmpty else { return "" }
            if let kind = context.styles.dateKind(style: style), let serial = Double(value),
               let date = CellText.date(serial, kind, date1904: context.date1904) {
                return date
            }
            return CellText.number(value)
        }
    }

    /// A `t="d"` cell's ISO 8601 value as `2024-03-01 09:05:00` (`T` a space,
    /// fractions of a second and a `Z` dropped).
    private static func isoDate(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count >= 19, characters[10] == "T" else { return value }
        return String(characters[0..<10]) + " " + String(characters[11..<19])
    }
}
