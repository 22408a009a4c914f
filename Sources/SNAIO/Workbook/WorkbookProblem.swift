import SNACore

/// The errors a workbook can cause, each naming the file (and the sheet and
/// cell where there is one) and what to do.
enum WorkbookProblem {
    /// The fix for a damaged file.
    static let resave = "open it in Excel (or LibreOffice) and save it again as .xlsx, or save it as CSV UTF-8"

    /// An error of `code` at a place in the workbook.
    static func error(_ code: String, _ file: String, sheet: String? = nil, row: Int? = nil, column: Int? = nil,
                      _ message: String, value: String? = nil, fix: String) -> Diagnostic {
        Diagnostic(.error, code: code, at: SourceLocation(file: file, line: row, column: column, sheet: sheet),
                   message, value: value, fix: fix)
    }

    /// One error that makes the whole file unusable.
    static func failure(_ code: String, _ file: String, sheet: String? = nil, _ message: String, fix: String,
                        inputs: [DiagnosticInput] = []) -> InputError {
        var diagnostic = error(code, file, sheet: sheet, message, fix: fix)
        diagnostic.inputs = inputs
        return InputError(.badData, [diagnostic])
    }

    /// `workbook.corrupt`: the zip or one of its XML parts is damaged or missing.
    static func corrupt(_ file: String, _ message: String) -> InputError {
        failure("workbook.corrupt", file, "the workbook is damaged: \(message)", fix: resave)
    }

    /// `workbook.too-large`: the parts unpack to more than the reader takes (a zip bomb, or a huge sheet).
    static func tooLarge(_ file: String, limit: Int) -> InputError {
        failure("workbook.too-large", file, "the workbook unpacks to more than \(limit / (1 << 20)) MiB of XML",
                fix: "save only the sheet with the survey in a workbook of its own, or save it as CSV UTF-8")
    }
}
