import Foundation
import SNACore

/// Reads one sheet of an Excel workbook (`.xlsx`, as Microsoft Forms and
/// Excel save it) into a ``CSVTable``, so that every reader of CSV tables
/// reads workbooks unchanged.
///
/// The header is the sheet's first row with any text, and each record's
/// `line` is its row number on the sheet; rows with no text are left out,
/// as blank lines are in CSV. Every row has as many fields as the sheet's
/// widest row, missing cells `""`. Cells are written as a person reads them:
/// shared and inline strings as they are (rich text joined, line breaks
/// `\n`), numbers without `.0` or float noise, dates and times as
/// `2024-03-01 09:05:00`, booleans `TRUE` and `FALSE`, errors such as `#N/A`.
/// Locations print as `survey.xlsx:Sheet1!C14`.
///
/// Refused, with the file (and sheet and cell) and a fix: a damaged zip or a
/// part missing (`workbook.corrupt`), a password-protected workbook
/// (`workbook.encrypted`), an Excel 97-2003 `.xls` (`workbook.legacy-xls`),
/// `.ods`, `.xlsb` and other zips (`workbook.not-xlsx`), an unknown sheet
/// (`workbook.unknown-sheet`), an empty sheet (`workbook.empty-sheet`), and
/// hostile files: parts unpacking to more than 1 GiB (`workbook.too-large`),
/// a value beyond column 2000 (`workbook.too-wide`), a cell reference off the
/// grid (`workbook.bad-reference`), a shared string that does not exist
/// (`workbook.bad-shared-string`).
public enum WorkbookReader {
    /// How much a workbook may unpack to and how wide its table may be.
    struct Limits {
        /// The most bytes all the parts read may unpack to.
        var unpackedBytes = 1 << 30
        /// The rightmost column read.
        var columns = 2000
        /// The most cells (rows times columns) in the table.
        var cells = 50_000_000

        /// The limits used unless a test sets others.
        static let standard = Limits()
    }

    /// Whether the bytes are for this reader rather than ``CSVReader``: a
    /// zip archive (an `.xlsx`, or another zip that gets a clear error) or
    /// an OLE2 compound file (a legacy `.xls` or a password-protected
    /// workbook); or, for a file too short to have a signature, a name ending
    /// in `.xlsx`, `.xlsm` or `.xls`. Looks at the first eight bytes only
    /// (and, for OLE2, nothing further).
    public static func isWorkbook(_ bytes: Data, path: String? = nil) -> Bool {
        let signatures = WorkbookFileKind.zipSignatures + [WorkbookFileKind.compoundFileSignature]
        if signatures.contains(where: { bytes.count >= $0.count && bytes.prefix($0.count).elementsEqual($0) }) { return true }
        guard bytes.count < 8, let path else { return false }
        return ["xlsx", "xlsm", "xls"].contains((path as NSString).pathExtension.lowercased())
    }

    /// Reads a sheet of the workbook at `path` (`-` reads standard input):
    /// the first visible worksheet, or the one named `sheet` (compared
    /// without regard to case, as Excel does).
    ///
    /// - Throws: ``InputError`` of kind `.missingInput` when the file cannot
    ///   be read, `.badData` when it is not a workbook snatool reads, the
    ///   sheet does not exist or is empty, or its content is damaged.
    public static func table(path: String, sheet: String? = nil) throws(InputError) -> CSVTable {
        try table(data: CSVReader.readBytes(path: path, kind: "an Excel workbook (.xlsx)"), file: path, sheet: sheet)
    }

    /// Reads a sheet of the workbook in `data`; `file` names it in diagnostics.
    /// See ``table(path:sheet:)``.
    public static func table(data: Data, file: String, sheet: String? = nil) throws(InputError) -> CSVTable {
        try table(data: data, file: file, sheet: sheet, limits: .standard)
    }

    /// The names of the workbook's sheets, in order (charts and hidden sheets included).
    public static func sheetNames(data: Data, file: String) throws(InputError) -> [String] {
        try open(data, file: file, limits: .standard).manifest.sheets.map(\.name)
    }

    static func table(data: Data, file: String, sheet requested: String?, limits: Limits) throws(InputError) -> CSVTable {
        let (archive, manifest) = try open(data, file: file, limits: limits)
        let sheet = try choose(requested, in: manifest.sheets, file: file)
        guard let part = sheet.part, let sheetData = try archive.read(part) else {
            throw WorkbookProblem.corrupt(file, "the part that holds sheet '\(sheet.name)' is missing")
        }
        let sharedStrings = try manifest.sharedStringsPart.flatMap { part throws(InputError) in
            try archive.read(part).map { data throws(InputError) in try SharedStrings(data, part: part, file: file) }
        } ?? SharedStrings()
        let styles = try manifest.stylesPart.flatMap { part throws(InputError) in
            try archive.read(part).map { data throws(InputError) in try CellStyles(data, part: part, file: file) }
        } ?? CellStyles()
        let context = SheetContext(file: file, sheet: sheet.name, sharedStrings: sharedStrings, styles: styles,
                                   date1904: manifest.date1904, maximumColumn: limits.columns)
        let rows = try SheetReader.rows(of: sheetData, part: part, context: context)
        return try table(rows, file: file, sheet: sheet.name, limits: limits)
    }

    /// Opens the archive and reads its manifest, after telling encrypted,
    /// legacy and other files apart from `.xlsx`.
    private static func open(_ data: Data, file: String, limits: Limits) throws(InputError) -> (archive: WorkbookArchive, manifest: WorkbookManifest) {
        switch WorkbookFileKind(of: data) {
        case .zip:
            let archive = try WorkbookArchive(data: data, file: file, byteLimit: limits.unpackedBytes)
            return (archive, try WorkbookManifest(archive))
        case .encrypted:
            throw WorkbookProblem.failure("workbook.encrypted", file, "the workbook is password-protected",
                                          fix: "open it in Excel, remove the password (File > Info > Protect Workbook), save, and try again")
        case .legacyWorkbook:
            throw WorkbookProblem.failure("workbook.legacy-xls", file, "the file is an Excel 97-2003 workbook (.xls), which snatool does not read",
                                          fix: "open it in Excel and save it as .xlsx or CSV UTF-8 (File > Save As)")
        case .otherCompoundFile:
            throw WorkbookProblem.failure("workbook.not-xlsx", file, "the file is an old Office document (OLE2) but not an Excel workbook",
                                          fix: "give the survey's export, saved as .xlsx or CSV UTF-8")
        case .other:
            throw WorkbookProblem.failure("workbook.not-xlsx", file, data.isEmpty ? "the file is empty" : "the file is not an Excel workbook (.xlsx): it is not a zip archive",
                                          fix: "give the workbook as Excel saved it, or read the file as CSV")
        }
    }

    /// The sheet asked for, or the first visible worksheet.
    private static func choose(_ requested: String?, in sheets: [WorkbookManifest.Sheet], file: String) throws(InputError) -> WorkbookManifest.Sheet {
        guard let requested else {
            let worksheets = sheets.filter(\.isWorksheet)
            guard let first = worksheets.first(where: { !$0.isHidden }) ?? worksheets.first else {
                throw WorkbookProblem.failure("workbook.no-sheets", file, "the workbook has no worksheet",
                                              fix: "add a sheet with the survey's responses, or export the survey again")
            }
            return first
        }
        let key = requested.lowercased()
        guard let found = sheets.first(where: { $0.name == requested }) ?? sheets.first(where: { $0.name.lowercased() == key }) else {
            let names = sheets.map { "'\($0.name)'" }.joined(separator: ", ")
            let near = SheetSuggestion.nearest(to: requested, among: sheets.map(\.name))
            throw WorkbookProblem.failure("workbook.unknown-sheet", file, "the workbook has no sheet called '\(requested)'; its sheets are \(names)",
                                          fix: near.map { "did you mean '\($0)'? Choose one of the sheets above" }
                                              ?? "choose one of the sheets above", inputs: [.sheet])
        }
        guard found.isWorksheet else {
            throw WorkbookProblem.failure("workbook.not-a-worksheet", file, sheet: found.name, "the sheet '\(found.name)' is a chart, not a table of cells",
                                          fix: "choose the sheet that holds the responses", inputs: [.sheet])
        }
        return found
    }

    /// The table: the first row the header, the others records, all as wide as the widest row.
    private static func table(_ rows: [SheetRow], file: String, sheet: String, limits: Limits) throws(InputError) -> CSVTable {
        guard let first = rows.first else {
            throw WorkbookProblem.failure("workbook.empty-sheet", file, sheet: sheet, "the sheet '\(sheet)' has no cells with text",
                                          fix: "choose the sheet with the responses, or export the survey again", inputs: [.sheet])
        }
        let width = rows.reduce(0) { max($0, $1.cells.last?.column ?? 0) }
        guard width * rows.count <= limits.cells else {
            throw WorkbookProblem.failure("workbook.too-large", file, sheet: sheet,
                                          "the sheet is \(rows.count) rows by \(width) columns, more than the \(limits.cells) cells snatool reads",
                                          fix: "delete stray cells far below or to the right of the data, or split the sheet")
        }
        func fields(_ row: SheetRow) -> [String] {
            var fields = [String](repeating: "", count: width)
            for cell in row.cells { fields[cell.column - 1] = cell.text }
            return fields
        }
        return CSVTable(file: file, header: fields(first), headerLine: first.number,
                        records: rows.dropFirst().map { CSVRecord(line: $0.number, fields: fields($0)) }, sheet: sheet)
    }
}
