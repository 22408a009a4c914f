import SNACore

/// Reads a wide survey, as survey platforms export it: one row per respondent.
///
/// Columns: respondent (required); optionally the respondent's organisation
/// and layer; one column per theme holding contacts separated by `;` or line
/// breaks, or numbered columns per theme (`work_1`, `work_2`, "Work [Contact 1]"
/// ...). Any other column becomes an attribute of the respondent (for example
/// `sector`, `role`), and a warning lists them. A respondent who answered twice
/// (a resubmitted form) is read from their last row, with a warning.
enum WideSurveyReader {
    static func read(_ table: CSVTable, into builder: inout NetworkBuilder) {
        let columns = SurveyImporter.columns(of: table, roles: [.respondent, .respondentOrganisation, .layer], into: &builder)
        SurveyImporter.require(.respondent, in: columns, table: table, into: &builder)
        guard let respondentColumn = columns[.respondent] else { return }
        var themeColumns: [ThemeColumn] = []
        var attributeColumns: [Int] = []
        let roleColumns = Set(columns.values)
        for (index, header) in table.header.enumerated() where !roleColumns.contains(index) {
            if let theme = ThemeColumn.theme(of: header, in: builder.themeSet) {
                themeColumns.append(ThemeColumn(column: index, theme: theme))
                builder.declareTheme(theme)
            } else if !NameKey.cleaned(header).isEmpty {
                attributeColumns.append(index)
            }
        }
        SurveyImporter.reportUnnamedColumns(table, into: &builder)
        if !attributeColumns.isEmpty && !themeColumns.isEmpty {
            let shown = attributeColumns.prefix(10).map { "'\(NameKey.cleaned(table.header[$0]))'" }.joined(separator: ", ")
            let names = attributeColumns.count > 10 ? shown + " and \(attributeColumns.count - 10) more" : shown
            builder.report(Diagnostic(
                .warning, code: "survey.attribute-columns", at: SourceLocation(file: table.file, line: table.headerLine),
                "\(attributeColumns.count == 1 ? "the column" : "columns") \(names) \(attributeColumns.count == 1 ? "was" : "were") read as attributes of the respondent, not as contacts",
                fix: "if a column holds contacts, head it with its theme (e.g. work, work_2, Work [Contact 1])"))
        }
        if themeColumns.isEmpty {
            builder.report(Diagnostic(
                .error, code: "survey.no-theme-columns", at: SourceLocation(file: table.file, line: table.headerLine),
                "the wide survey has no theme columns",
                fix: "head each column of contacts with its theme (\(LongSurveyReader.themeList(builder.themeSet))), optionally numbered (work_1, work_2)"))
            return
        }
        // The last row of each respondent is their answer.
        var lastRow: [String: Int] = [:]
        for record in table.records where !SurveyImporter.repeatsHeader(record, of: table) {
            let key = NameKey.key(record.fields[respondentColumn])
            if !key.isEmpty { lastRow[key] = record.line }
        }
        let respondents = Set(lastRow.keys)
        for record in table.records {
            if SurveyImporter.skipRepeatedHeader(record, of: table, into: &builder) { continue }
            let rowLocation = table.location(line: record.line, column: nil)
            let respondent = NameKey.cleaned(record.fields[respondentColumn])
            if let last = lastRow[NameKey.key(respondent)], last != record.line {
                builder.report(Diagnostic(.warning, code: "survey.answered-twice", at: rowLocation,
                                          "'\(respondent)' answered again on line \(last); this earlier answer was skipped",
                                          fix: "delete the answer that should not count, if it is the later one"))
                continue
            }
            guard !respondent.isEmpty else {
                let hasContacts = themeColumns.contains { !NameKey.cleaned(record.fields[$0.column]).isEmpty }
                if hasContacts {
                    builder.report(Diagnostic(.error, code: "survey.missing-respondent",
                                              at: table.location(line: record.line, column: respondentColumn + 1),
                                              "the respondent is empty", fix: "fill in who answered, or delete the row"))
                }
                continue
            }
            let layer = columns[.layer].flatMap { layerCell($0, of: record, in: table, into: &builder) }
            var attributes: [String: String] = [:]
            for column in attributeColumns { attributes[table.header[column]] = record.fields[column] }
            let organisation = columns[.respondentOrganisation].map { NameKey.cleaned(record.fields[$0]) }
            builder.addPerson(respondent, organisation: organisation, layer: layer, attributes: attributes,
                              origin: .respondent, at: rowLocation)
            for themeColumn in themeColumns {
                let location = table.location(line: record.line, column: themeColumn.column + 1)
                let cell = record.fields[themeColumn.column]
                if !cell.contains(";") && !cell.contains("\n") && cell.contains(",") {
                    let parts = cell.split(separator: ",").map { NameKey.key(String($0)) }
                    if parts.filter({ respondents.contains($0) }).count >= 2 {
                        builder.report(Diagnostic(.warning, code: "survey.comma-separated-contacts", at: location,
                                                  "this cell was read as one name, but its comma-separated parts name respondents",
                                                  value: NameKey.cleaned(cell),
                                                  fix: "separate contacts with ';' (commas can be part of a name, as in 'Manager, Bolton Council')"))
                    }
                }
                for contact in contacts(in: cell) {
                    if SurveyImporter.meansNobody(contact) {
                        builder.report(Diagnostic(.warning, code: "survey.no-contact", at: location,
                                                  "'\(contact)' is read as naming nobody", value: contact,
                                                  fix: "leave the cell empty instead"))
                        continue
                    }
                    builder.addTie(from: respondent, to: contact, theme: themeColumn.theme, at: location)
                }
            }
        }
    }

    /// The names in a contacts cell, split on `;` and line breaks.
    static func contacts(in cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { NameKey.cleaned($0) }
            .filter { !$0.isEmpty }
    }
}
