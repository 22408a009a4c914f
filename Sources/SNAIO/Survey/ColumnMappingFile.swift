import SNACore

/// A `--columns` file: what each survey column holds, for wording no rule
/// catches. Columns `column` (a number from 1, or the header's text) and
/// `role` (respondent, organisation, layer, a theme, attribute or ignore;
/// for a long survey also contact, contact_organisation, theme, strength;
/// with declared tie ratings, a rating item's id).
/// `snatool survey inspect EXPORT -o columns.csv` writes a starting file.
public struct ColumnMapping: Sendable {
    /// Which column an entry names.
    enum Selector: Sendable, Equatable {
        case number(Int)
        case header(String)
    }

    /// One line of the file.
    struct Entry: Sendable {
        var line: Int
        var selector: Selector
        var role: ColumnRole
        /// The header the file expects at a numbered column (its `header` field), checked against the survey.
        var expectedHeader: String?
    }

    /// The file's path.
    let file: String
    /// Its entries, in file order.
    let entries: [Entry]

    /// The roles a file may name, besides the themes.
    static let roleNames: [(String, ColumnRole)] = [
        ("respondent", .respondent), ("name", .respondent), ("organisation", .organisation), ("organization", .organisation),
        ("org", .organisation), ("layer", .layer), ("level", .layer), ("contact", .contact),
        ("contact organisation", .contactOrganisation), ("contact organization", .contactOrganisation), ("contact org", .contactOrganisation),
        ("theme", .theme), ("strength", .strength), ("attribute", .attribute), ("ignore", .ignored), ("ignored", .ignored),
        ("skip", .ignored), ("metadata", .ignored), ("unplaced", .unplaced),
    ]

    /// Reads a mapping file.
    ///
    /// - Throws: ``InputError`` naming each bad line.
    public static func read(path: String, themes: ThemeSet, ratings: RatingSet = .none) throws(InputError) -> ColumnMapping {
        try read(try CSVReader.read(path: path), themes: themes, ratings: ratings)
    }

    /// Reads a mapping table already parsed; `ratings` are the tie rating items a line may name.
    public static func read(_ table: CSVTable, themes: ThemeSet, ratings: RatingSet = .none) throws(InputError) -> ColumnMapping {
        let keys = table.header.map { NameKey.label($0) }
        guard let columnField = keys.firstIndex(of: "column"), let roleField = keys.firstIndex(of: "role") else {
            throw InputError(.badData, [Diagnostic(
                .error, code: "columns.missing-columns", at: SourceLocation(file: table.file, line: table.headerLine),
                "the columns file needs the columns 'column' and 'role'",
                fix: "write a header line column,role (snatool survey inspect EXPORT -o columns.csv writes a starting file)")])
        }
        var problems: [Diagnostic] = []
        var entries: [Entry] = []
        let themeNames = themes.themes.map(\.id).joined(separator: ", ")
        let headerField = keys.firstIndex(of: "header")
        for record in table.records {
            let columnText = NameKey.cleaned(record.fields[columnField])
            let roleText = NameKey.cleaned(record.fields[roleField])
            if columnText.isEmpty && roleText.isEmpty { continue }
            guard !columnText.isEmpty else {
                problems.append(Diagnostic(.error, code: "columns.missing-column", at: table.location(line: record.line, column: columnField + 1),
                                           "the column is empty", fix: "write the column's number (from 1) or its header"))
                continue
            }
            let selector: Selector = Int(columnText).map { .number($0) } ?? .header(columnText)
            if case .number(let number) = selector, number < 1 {
                problems.append(Diagnostic(.error, code: "columns.bad-column", at: table.location(line: record.line, column: columnField + 1),
                                           "a column number counts from 1", value: columnText, fix: "write 1 for the first column"))
                continue
            }
            guard let role = role(named: roleText, themes: themes, ratings: ratings) else {
                let ratingNames = ratings.isEmpty ? "" : "; or a rating item (\(ratings.items.map(\.id).joined(separator: ", ")))"
                problems.append(Diagnostic(
                    .error, code: "columns.unknown-role", at: table.location(line: record.line, column: roleField + 1),
                    roleText.isEmpty ? "the role is empty" : "unknown role", value: roleText.isEmpty ? nil : roleText,
                    fix: "write respondent, organisation, layer, attribute, ignore, a theme (\(themeNames)), or for a long survey contact, contact_organisation, theme or strength\(ratingNames)"))
                continue
            }
            let expected = headerField.map { NameKey.cleaned(record.fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
            entries.append(Entry(line: record.line, selector: selector, role: role, expectedHeader: expected))
        }
        if !problems.isEmpty { throw InputError(.badData, problems) }
        return ColumnMapping(file: table.file, entries: entries)
    }

    private static func role(named text: String, themes: ThemeSet, ratings: RatingSet) -> ColumnRole? {
        let label = NameKey.label(text)
        guard !label.isEmpty else { return nil }
        if let (_, role) = roleNames.first(where: { $0.0 == label }) { return role }
        if let theme = themes.index(of: text) { return .contacts(theme: themes.themes[theme].id, roster: nil) }
        return ratings.item(named: text).map { .rating(item: ratings.items[$0].id, contactColumn: nil, roster: nil) }
    }

    /// A mapping file that records a reading, for the user to correct and pass with `--columns`.
    public static func csv(for reading: SurveyReading) -> String {
        var writer = CSVWriter(header: ["column", "header", "role", "found_by"])
        for column in reading.columns {
            // A question no rule placed stays unplaced (and warned about) until the user writes its role.
            let role = column.role == .unplaced ? "unplaced" : column.role.fileName
            writer.append([.integer(column.column), .text(column.header), .text(role), .text(column.reason.summary)])
        }
        return writer.output
    }
}
