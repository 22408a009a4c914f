/// Where in an input file something was found. Lines and columns count from 1;
/// the column is the CSV field's position, with the header's name when known.
/// In a spreadsheet workbook the line is the sheet's row number and the column
/// the sheet's column number, and ``sheet`` names the sheet.
public struct SourceLocation: Hashable, Sendable {
    /// The file's path as the user gave it.
    public var file: String
    /// The line on which the record starts (in a workbook: the row number).
    public var line: Int?
    /// The field's position in the record (in a workbook: the column number, A = 1).
    public var column: Int?
    /// The header of that column, when the file has one.
    public var columnName: String?
    /// The sheet's name when the file is a spreadsheet workbook; nil for text files.
    public var sheet: String?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.sheet = sheet
    }

    /// `file:line:column` as compilers print it, the parts that are known; in
    /// a workbook `file:Sheet1!C14` as a spreadsheet names a cell (`Sheet1!14`
    /// for a whole row, `'Form responses'!C14` for a name that needs quotes).
    public var prefix: String {
        var text = file
        if let sheet {
            text += ":" + SourceLocation.quotedSheet(sheet)
            if line != nil || column != nil { text += "!" }
            if let column { text += SourceLocation.columnLetters(column) }
            if let line { text += "\(line)" }
            return text
        }
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }

    /// A spreadsheet's letters for a column number: 1 is `A`, 27 is `AA`,
    /// 16384 is `XFD`. Numbers below 1 give `?`.
    public static func columnLetters(_ column: Int) -> String {
        guard column >= 1 else { return "?" }
        var letters: [Character] = []
        var rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            rest = (rest - 1) / 26
        }
        return String(letters.reversed())
    }

    /// A sheet name as a formula writes it: bare when it is letters, digits,
    /// `_` and `.` not starting with a digit, otherwise in single quotes with
    /// any quote inside doubled (`'Form responses 1'`).
    static func quotedSheet(_ name: String) -> String {
        let plain = !name.isEmpty && !(name.first?.isNumber ?? false)
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return plain ? name : "'" + String(name.flatMap { $0 == "'" ? ["'", "'"] : [$0] }) + "'"
    }
}

/// A problem or remark about the input, worded for the person who can fix it.
///
/// Printed as one line: `people.csv:12:3: error: unknown layer "stratgic" (column layer). Fix: use strategic, executive or operational.`
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Comparable {
        /// The input cannot be used as it is.
        case error
        /// The input was used, with a documented rule applied.
        case warning

        /// Warnings sort before errors.
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// error or warning.
    public var severity: Severity
    /// A stable, machine-readable code such as `csv.unterminated-quote`.
    public var code: String
    /// Where it was found, when it comes from a file.
    public var location: SourceLocation?
    /// What is wrong, in plain English.
    public var message: String
    /// The offending value, quoted in the message.
    public var value: String?
    /// What the user can do about it, naming the inputs it needs in words
    /// ("an aliases file"), never as a program's options.
    public var fix: String?
    /// The inputs the fix asks for, in the order it names them: a program
    /// says how its users give each (``description(naming:)``).
    public var inputs: [DiagnosticInput]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, code: String, at location: SourceLocation? = nil,
        _ message: String, value: String? = nil, fix: String? = nil, inputs: [DiagnosticInput] = []
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.value = value
        self.fix = fix
        self.inputs = inputs
    }

    /// The diagnostic as one line of text; control characters anywhere in it
    /// (in a file name, a person's name) are shown escaped, never sent raw.
    public var description: String { description(naming: .plain) }

    /// The diagnostic as one line, with the fix followed by how a program's
    /// users give the inputs it asks for (`--aliases FILE` on a command line).
    public func description(naming: InputNaming) -> String {
        Diagnostic.printable(rawDescription(naming), limit: Int.max)
    }

    private func rawDescription(_ naming: InputNaming) -> String {
        var text = ""
        if let location { text += location.prefix + ": " }
        text += "\(severity.rawValue): \(message)"
        if let value { text += " (value: \"\(Diagnostic.printable(value))\")" }
        if let name = location?.columnName, !name.isEmpty { text += " [column \"\(Diagnostic.printable(name))\"]" }
        if let fix { text += ". Fix: \(fix)" + naming.advice(for: inputs) }
        return text
    }

    /// A value shortened and with control characters made visible, so one
    /// diagnostic always stays on one line.
    public static func printable(_ value: String, limit: Int = 60) -> String {
        var text = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.properties.generalCategory == .control {
                    text += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        if limit < Int.max, text.count > limit { text = String(text.prefix(limit)) + "…" }
        return text
    }
}

/// The input could not be used; carries every problem found, not just the first.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is, which decides the exit status.
    public enum Kind: Sendable {
        /// The file is missing or unreadable (sysexits 66).
        case missingInput
        /// The data in the file is wrong (sysexits 65).
        case badData
        /// The options do not fit together (sysexits 64).
        case usage
    }

    /// The kind of failure.
    public var kind: Kind
    /// Every problem found, errors and the warnings seen before them.
    public var diagnostics: [Diagnostic]

    /// Creates an error from diagnostics.
    public init(_ kind: Kind, _ diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    /// Only the errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Every diagnostic, one per line.
    public var description: String { description(naming: .plain) }

    /// Every diagnostic, one per line, its inputs named as `naming` says.
    public func description(naming: InputNaming) -> String {
        diagnostics.map { $0.description(naming: naming) }.joined(separator: "\n")
    }
}
