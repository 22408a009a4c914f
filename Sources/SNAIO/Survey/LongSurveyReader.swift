import SNACore

/// Reads a long survey: one row per named tie.
///
/// Required columns: respondent, contact. Optional: theme, strength,
/// respondent_org, contact_org (see ``SurveyColumn`` for the accepted headers).
/// A row with a respondent and no contact records an answer naming nobody.
enum LongSurveyReader {
    static func read(_ table: CSVTable, into builder: inout NetworkBuilder) {
        let columns = SurveyImporter.columns(
            of: table, roles: [.respondent, .contact, .theme, .strength, .respondentOrganisation, .contactOrganisation],
            into: &builder)
        SurveyImporter.require(.respondent, in: columns, table: table, into: &builder)
        SurveyImporter.require(.contact, in: columns, table: table, into: &builder)
        guard columns[.respondent] != nil, columns[.contact] != nil else { return }
        SurveyImporter.reportUnnamedColumns(table, into: &builder)
        let used = Set(columns.values)
        let ignored = table.header.indices.filter { !used.contains($0) && !NameKey.cleaned(table.header[$0]).isEmpty }
        if !ignored.isEmpty {
            let shown = ignored.prefix(10).map { "'\(NameKey.cleaned(table.header[$0]))'" }.joined(separator: ", ")
            let names = ignored.count > 10 ? shown + " and \(ignored.count - 10) more" : shown
            builder.report(Diagnostic(
                .warning, code: "survey.ignored-columns", at: SourceLocation(file: table.file, line: table.headerLine),
                "\(ignored.count == 1 ? "the column" : "columns") \(names) \(ignored.count == 1 ? "is not a survey column and was" : "are not survey columns and were") ignored",
                fix: "put attributes of people in a people file (--people)"))
        }
        builder.reserveCapacity(ties: table.records.count)
        for record in table.records {
            if SurveyImporter.skipRepeatedHeader(record, of: table, into: &builder) { continue }
            func cell(_ role: SurveyColumn) -> String? {
                columns[role].map { NameKey.cleaned(record.fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            func at(_ role: SurveyColumn) -> SourceLocation {
                table.location(line: record.line, column: columns[role].map { $0 + 1 })
            }
            guard let respondent = cell(.respondent) else {
                builder.report(Diagnostic(.error, code: "survey.missing-respondent", at: at(.respondent),
                                          "the respondent is empty", fix: "fill in who answered, or delete the row"))
                continue
            }
            guard let contact = cell(.contact), !SurveyImporter.meansNobody(contact) else {
                if let contact = cell(.contact) {
                    builder.report(Diagnostic(.warning, code: "survey.no-contact", at: at(.contact),
                                              "'\(contact)' is read as naming nobody", value: contact,
                                              fix: "leave the cell empty instead, or write the contact's name"))
                }
                builder.addPerson(respondent, organisation: cell(.respondentOrganisation), origin: .respondent, at: at(.respondent))
                continue
            }
            var theme: Int?
            if columns[.theme] != nil {
                guard let raw = cell(.theme) else {
                    builder.report(Diagnostic(.error, code: "survey.missing-theme", at: at(.theme),
                                              "the theme is empty", fix: "write one of: \(themeList(builder.themeSet))"))
                    continue
                }
                guard let index = builder.themeSet.index(of: raw) else {
                    builder.report(Diagnostic(.error, code: "survey.unknown-theme", at: at(.theme),
                                              "unknown theme", value: raw,
                                              fix: "write one of: \(themeList(builder.themeSet)); or declare the survey's own themes with --themes"))
                    continue
                }
                theme = index
            }
            var strength: Double?
            if let raw = cell(.strength) {
                let decimal = raw.allSatisfy { "0123456789.eE+-".contains($0) }
                guard decimal, let value = Double(raw), value.isFinite, value >= 0 else {
                    let tooLarge = decimal && Double(raw)?.isInfinite == true
                    builder.report(Diagnostic(.error, code: "survey.bad-strength", at: at(.strength),
                                              tooLarge ? "the strength is too large" : "the strength is not a number of zero or more", value: raw,
                                              fix: "write a number such as 1, 2 or 2.5 (a point, not a comma, for decimals), or leave it empty"))
                    continue
                }
                strength = value
            }
            builder.addTie(from: respondent, organisation: cell(.respondentOrganisation),
                           to: contact, organisation: cell(.contactOrganisation),
                           theme: theme, strength: strength, at: table.location(line: record.line, column: nil))
        }
    }

    static func themeList(_ themes: ThemeSet) -> String {
        themes.themes.map(\.id).joined(separator: ", ")
    }
}
