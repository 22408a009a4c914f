import SNACore

/// How a survey was read, in words and as JSON: the platform recognised and
/// what each column was taken as (``SurveyReading``).
public enum SurveyReadingOutput {
    /// `{"platform", "header_rows", "sheet", "columns": [{"column", "header", "role", "theme", "roster", "found_by"}]}`.
    public static func json(_ reading: SurveyReading) -> JSONValue {
        .object([
            ("platform", .string(reading.platform?.rawValue)),
            ("header_rows", .int(reading.headerRows)),
            ("sheet", .string(reading.sheet)),
            ("columns", .array(reading.columns.map { column in
                var theme: String?, roster: String?, item: String?, rates: String?
                if case .contacts(let id, let entry) = column.role { (theme, roster) = (id, entry) }
                if case .rating(let id, let contactColumn, let entry) = column.role { (item, rates, roster) = (id, contactColumn, entry) }
                var members: [(String, JSONValue)] = [
                    ("column", .int(column.column)),
                    ("header", .string(column.header)),
                    ("role", .string(role(column.role))),
                    ("theme", .string(theme)),
                    ("roster", .string(roster)),
                    ("found_by", .string(column.reason.summary)),
                ]
                if let item { members += [("rating_item", .string(item)), ("rates_column", .string(rates))] }
                return .object(members)
            })),
        ])
    }

    /// The role's name in the JSON: a `--columns` role, `contacts` for a theme's contacts, `unplaced`.
    private static func role(_ role: ColumnRole) -> String {
        switch role {
        case .contacts: "contacts"
        case .rating: "rating"
        case .ignored: "ignored"
        case .unplaced: "unplaced"
        default: role.fileName
        }
    }

    /// One note per decision a user may want to check, printed once: the
    /// platform recognised, each column placed by its wording, by the
    /// platform's name column or by the `--columns` file, and the platform's
    /// metadata columns left out. A plain file read by its headings has none.
    public static func notes(_ reading: SurveyReading, file: String) -> [String] {
        func at(_ column: Int? = nil) -> String { SourceLocation(file: file, line: reading.headerLine, column: column, sheet: reading.sheet).prefix }
        var notes: [String] = []
        if let platform = reading.platform {
            notes.append("\(at()): note: read as a \(platform.title) export (\(reading.headerRows) header row\(reading.headerRows == 1 ? "" : "s"))")
        } else if reading.headerRows > 1 {
            notes.append("\(at()): note: the header takes \(reading.headerRows) rows")
        }
        // One note per question: its columns together.
        var index = 0
        let columns = reading.columns
        while index < columns.count {
            let column = columns[index]
            var end = index + 1
            while end < columns.count, columns[end].question == column.question, columns[end].reason == column.reason,
                  columns[end].role.fileName == column.role.fileName { end += 1 }
            defer { index = end }
            switch column.reason {
            case .wording, .platformName, .mappingFile: break
            default: continue
            }
            let group = columns[index..<end]
            let rosters = group.compactMap { reading -> String? in if case .contacts(_, let roster) = reading.role { roster } else { nil } }
            let which = group.count == 1 ? "column \(column.column) '\(Diagnostic.printable(column.header))'"
                : "columns \(column.column)-\(group.last!.column) '\(Diagnostic.printable(column.question))'"
            let about = rosters.isEmpty ? "" : ", one column per contact named in its sub-label"
            notes.append("\(at(column.column)): note: \(which) \(described(column.role, count: group.count))\(about) (\(column.reason.summary))")
        }
        let metadata = reading.columns.filter { $0.reason == .platformMetadata }
        if !metadata.isEmpty, let platform = reading.platform {
            let names = metadata.prefix(12).map { "'\(Diagnostic.printable($0.header))'" }.joined(separator: ", ") + (metadata.count > 12 ? " ..." : "")
            notes.append("\(at()): note: \(metadata.count) column\(metadata.count == 1 ? " is" : "s are") \(platform.title) metadata (\(names)) and \(metadata.count == 1 ? "was" : "were") not read")
        }
        return notes
    }

    private static func described(_ role: ColumnRole, count: Int) -> String {
        if count > 1, case .contacts(let theme, _) = role { return "hold contacts in theme \(theme)" }
        return switch role {
        case .respondent: "is the respondent's name"
        case .organisation: "is the respondent's organisation"
        case .layer: "is the respondent's layer"
        case .contact: "is the contact"
        case .contactOrganisation: "is the contact's organisation"
        case .theme: "is the theme"
        case .strength: "is the strength"
        case .contacts(let theme, _): "holds contacts in theme \(theme)"
        case .rating(let item, let contactColumn, let roster):
            "rates ties on \(item)" + (contactColumn.map { " (the contacts in column '\($0)')" } ?? roster.map { " (ties to \($0))" } ?? "")
        case .attribute: "is an attribute of the respondent"
        case .ignored, .unplaced: "is not read"
        }
    }
}
