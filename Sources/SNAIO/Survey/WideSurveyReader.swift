import SNACore

/// Reads a wide survey, as survey platforms export it: one row per respondent.
///
/// What each column holds comes from the ``ColumnPlan``: the respondent (one
/// column, or first and last name), their organisation and layer, columns of
/// contacts per theme (names separated by `;` or line breaks, one per numbered
/// column, or a grid or checkbox column whose sub-label names the contact),
/// and attributes of the respondent. A respondent who answered twice (a
/// resubmitted form) is read from their last row, with a warning.
enum WideSurveyReader {
    static func read(_ table: CSVTable, plan: ColumnPlan, into builder: inout NetworkBuilder) {
        guard !plan.respondentColumns.isEmpty else {
            builder.report(Diagnostic(
                .error, code: "survey.missing-column", at: SourceLocation(file: table.file, line: table.headerLine, sheet: table.sheet),
                "there is no respondent column",
                fix: "add a column headed respondent (or a question such as 'What is your name?'), or mark one 'respondent' in a --columns file"))
            return
        }
        SurveyImporter.reportUnnamedColumns(table, into: &builder)
        reportPlacement(plan, table: table, into: &builder)
        if plan.themeColumns.isEmpty {
            builder.report(Diagnostic(
                .error, code: "survey.no-theme-columns", at: SourceLocation(file: table.file, line: table.headerLine, sheet: table.sheet),
                "the wide survey has no theme columns",
                fix: "head each column of contacts with its theme (\(LongSurveyReader.themeList(builder.themeSet))), optionally numbered (work_1, work_2), or say which theme each column is in a --columns file"))
            return
        }
        func respondent(_ record: CSVRecord) -> String {
            NameKey.cleaned(plan.respondentColumns.map { record.fields[$0] }.joined(separator: " "))
        }
        // The last row of each respondent is their answer.
        var lastRow: [String: Int] = [:]
        for record in table.records where !SurveyImporter.repeatsHeader(record, of: table) {
            let key = NameKey.key(respondent(record))
            if !key.isEmpty { lastRow[key] = record.line }
        }
        if lastRow.isEmpty, plan.reading.columns.contains(where: { $0.reason == .platformName }),
           table.records.contains(where: { record in plan.themeColumns.contains { !NameKey.cleaned(record.fields[$0.column]).isEmpty } }) {
            builder.report(Diagnostic(
                .error, code: "survey.anonymous", at: SourceLocation(file: table.file, line: table.headerLine, sheet: table.sheet),
                "no question asks the respondent's name and the export's own name column is empty (an anonymous form)",
                fix: "add a 'What is your name?' question to the form, or mark the column that holds names 'respondent' in a --columns file"))
            return
        }
        let respondents = Set(lastRow.keys)
        // Every respondent's organisation is known before contacts are read, for "Name (Organisation)".
        if let column = plan.organisationColumn {
            for record in table.records {
                let organisation = NameKey.cleaned(record.fields[column])
                if !organisation.isEmpty { _ = builder.organisation(organisation, at: table.location(line: record.line, column: column + 1)) }
            }
        }
        let contacts = ContactNames(respondents: respondents, splitsOnComma: plan.reading.platform == .googleForms)
        var inferred: [(person: Int, organisation: Int, at: SourceLocation)] = []
        for record in table.records {
            if SurveyImporter.skipRepeatedHeader(record, of: table, into: &builder) { continue }
            let rowLocation = table.location(line: record.line, column: nil)
            let name = respondent(record)
            if let last = lastRow[NameKey.key(name)], last != record.line {
                builder.report(Diagnostic(.warning, code: "survey.answered-twice", at: rowLocation,
                                          "'\(name)' answered again on line \(last); this earlier answer was skipped",
                                          fix: "delete the answer that should not count, if it is the later one"))
                continue
            }
            guard !name.isEmpty else {
                if plan.themeColumns.contains(where: { !NameKey.cleaned(record.fields[$0.column]).isEmpty }) {
                    builder.report(Diagnostic(.error, code: "survey.missing-respondent",
                                              at: table.location(line: record.line, column: plan.respondentColumns[0] + 1),
                                              "the respondent is empty", fix: "fill in who answered, or delete the row"))
                }
                continue
            }
            let layer = plan.layerColumn.flatMap { layerCell($0, of: record, in: table, into: &builder) }
            var attributes: [String: String] = [:]
            for column in plan.attributeColumns { attributes[table.header[column]] = record.fields[column] }
            let organisation = plan.organisationColumn.map { NameKey.cleaned(record.fields[$0]) }
            guard let source = builder.addPerson(name, organisation: organisation, layer: layer, attributes: attributes,
                                                 origin: .respondent, at: rowLocation) else { continue }
            for themeColumn in plan.themeColumns {
                let location = table.location(line: record.line, column: themeColumn.column + 1)
                let cell = record.fields[themeColumn.column]
                if let roster = themeColumn.roster {
                    guard let answer = RosterAnswer(cell) else { continue }
                    guard let target = builder.person(roster, origin: .contact, at: location) else { continue }
                    builder.addTie(source: source, target: target, theme: themeColumn.theme, strength: answer.strength, at: location)
                    continue
                }
                if !contacts.splitsOnComma {
                    warnIfCommaSeparated(cell, respondents: respondents, at: location, into: &builder)
                }
                for contact in contacts.names(in: cell, builder: builder) {
                    if SurveyImporter.meansNobody(contact) {
                        builder.report(Diagnostic(.warning, code: "survey.no-contact", at: location,
                                                  "'\(contact)' is read as naming nobody", value: contact,
                                                  fix: "leave the cell empty instead"))
                        continue
                    }
                    let written = ContactNames.organisationWritten(in: contact, builder: builder)
                    let person = written?.person ?? contact
                    guard let target = builder.person(person, origin: .contact, at: location) else { continue }
                    if let organisation = written?.organisation { inferred.append((target, organisation, location)) }
                    builder.addTie(source: source, target: target, theme: themeColumn.theme, strength: nil, at: location)
                }
            }
        }
        // Organisations taken from how contacts were written, where nothing else gives one.
        for (person, organisation, location) in inferred { builder.inferOrganisation(organisation, of: person, at: location) }
    }

    /// Warns when a cell's comma-separated parts name respondents: commas do not separate contacts.
    private static func warnIfCommaSeparated(_ cell: String, respondents: Set<String>, at location: SourceLocation,
                                             into builder: inout NetworkBuilder) {
        guard !cell.contains(";"), !cell.contains("\n"), cell.contains(",") else { return }
        let parts = cell.split(separator: ",").map { NameKey.key(String($0)) }
        guard parts.filter({ respondents.contains($0) }).count >= 2 else { return }
        builder.report(Diagnostic(.warning, code: "survey.comma-separated-contacts", at: location,
                                  "this cell was read as one name, but its comma-separated parts name respondents",
                                  value: NameKey.cleaned(cell),
                                  fix: "separate contacts with ';' (commas can be part of a name, as in 'Manager, Bolton Council')"))
    }

    /// Notes nothing (the command line words the reading), but warns once
    /// about the questions no rule placed and the columns read as attributes.
    private static func reportPlacement(_ plan: ColumnPlan, table: CSVTable, into builder: inout NetworkBuilder) {
        let location = SourceLocation(file: table.file, line: table.headerLine, sheet: table.sheet)
        func listed(_ readings: [ColumnReading]) -> String {
            let shown = readings.prefix(10).map { "\($0.column) '\(Diagnostic.printable($0.header))'" }.joined(separator: ", ")
            return readings.count > 10 ? shown + " and \(readings.count - 10) more" : shown
        }
        let unplaced = plan.reading.columns.filter { $0.role == .unplaced }
        if !unplaced.isEmpty {
            builder.report(Diagnostic(
                .warning, code: "survey.unplaced-columns", at: location,
                "\(unplaced.count == 1 ? "column" : "columns") \(listed(unplaced)) \(unplaced.count == 1 ? "is" : "are") not a role or a theme that any rule recognises, and \(unplaced.count == 1 ? "was" : "were") not used",
                fix: "if one holds contacts or the respondent's details, say what it holds in a --columns file (snatool survey inspect writes a starting file)"))
        }
        let attributes = plan.reading.columns.filter { $0.role == .attribute }
        if !attributes.isEmpty {
            builder.report(Diagnostic(
                .warning, code: "survey.attribute-columns", at: location,
                "\(attributes.count == 1 ? "the column" : "columns") \(attributes.map { "'\(Diagnostic.printable($0.header))'" }.prefix(10).joined(separator: ", "))\(attributes.count > 10 ? " and \(attributes.count - 10) more" : "") \(attributes.count == 1 ? "was" : "were") read as attributes of the respondent, not as contacts",
                fix: "if a column holds contacts, head it with its theme (e.g. work, work_2, Work [Contact 1]) or name its theme in a --columns file"))
        }
    }

    /// The names in a contacts cell, split on `;` and line breaks.
    static func contacts(in cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { NameKey.cleaned($0) }
            .filter { !$0.isEmpty }
    }
}

/// An answer in a grid or checkbox column about one contact: a tie unless
/// the answer is no (empty, "no", "never", "0", "not at all" ...), with the
/// answer as its strength when it is a number.
struct RosterAnswer {
    /// The strength, when the answer is a number.
    var strength: Double?

    /// Words that answer "no tie".
    static let negative: Set<String> = ["no", "never", "0", "false", "not at all", "none", "n a", "na", "not applicable", "nobody", "unchecked"]

    /// The answer a cell gives, or `nil` for no tie.
    init?(_ cell: String) {
        let label = NameKey.label(cell)
        guard !label.isEmpty, !Self.negative.contains(label) else { return nil }
        let text = NameKey.cleaned(cell)
        if let value = Double(text), value.isFinite {
            guard value > 0 else { return nil }
            strength = value
        }
    }
}

/// How contacts are written in a cell: several names, and a name with its organisation.
struct ContactNames {
    /// Keys of the respondents' names.
    let respondents: Set<String>
    /// Whether a cell's names are joined by ", " (a Google Forms checkbox question).
    let splitsOnComma: Bool

    /// The names in a cell: split on `;` and line breaks, and for a Google
    /// Forms checkbox answer on ", ", keeping together the parts that make a
    /// known name ("Manager, Bolton Council") or a role and its organisation.
    func names(in cell: String, builder: NetworkBuilder) -> [String] {
        let names = WideSurveyReader.contacts(in: cell)
        guard splitsOnComma else { return names }
        return names.flatMap { name -> [String] in
            let parts = name.components(separatedBy: ", ").map { NameKey.cleaned($0) }.filter { !$0.isEmpty }
            guard parts.count > 1 else { return [name] }
            var result: [String] = []
            var start = 0
            while start < parts.count {
                var end = start + 1
                // The longest run of parts that names someone known.
                for candidate in stride(from: parts.count, to: start + 1, by: -1) {
                    let joined = parts[start..<candidate].joined(separator: ", ")
                    if known(joined, builder: builder) {
                        end = candidate
                        break
                    }
                }
                // "Role, Organisation": an unknown part followed by an organisation's name.
                if end == start + 1, end < parts.count, !known(parts[start], builder: builder),
                   builder.knownOrganisation(parts[end]) != nil {
                    end += 1
                }
                result.append(parts[start..<end].joined(separator: ", "))
                start = end
            }
            return result
        }
    }

    private func known(_ name: String, builder: NetworkBuilder) -> Bool {
        respondents.contains(NameKey.key(name)) || builder.knowsPerson(name)
    }

    /// The organisation a contact's written form names: "Name (Organisation)"
    /// (the person is then "Name", unless the whole text is a known person)
    /// or "Role, Organisation" (the person keeps the whole text), when the
    /// organisation is one already known.
    static func organisationWritten(in contact: String, builder: NetworkBuilder) -> (person: String, organisation: Int)? {
        if contact.hasSuffix(")"), let open = contact.range(of: " (", options: .backwards) {
            let inner = String(contact[open.upperBound..<contact.index(before: contact.endIndex)])
            let name = NameKey.cleaned(String(contact[..<open.lowerBound]))
            if !name.isEmpty, let organisation = builder.knownOrganisation(NameKey.cleaned(inner)) {
                return (builder.knowsPerson(contact) ? contact : name, organisation)
            }
        }
        if let comma = contact.range(of: ",", options: .backwards) {
            let tail = NameKey.cleaned(String(contact[comma.upperBound...]))
            if !tail.isEmpty, let organisation = builder.knownOrganisation(tail) { return (contact, organisation) }
        }
        return nil
    }
}
