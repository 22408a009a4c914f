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
                fix: "add a column headed respondent (or a question such as 'What is your name?'), or mark one 'respondent' in a column mapping file", inputs: [.columnMapping]))
            return
        }
        SurveyImporter.reportUnnamedColumns(table, into: &builder)
        reportPlacement(plan, table: table, into: &builder)
        if plan.themeColumns.isEmpty {
            builder.report(Diagnostic(
                .error, code: "survey.no-theme-columns", at: SourceLocation(file: table.file, line: table.headerLine, sheet: table.sheet),
                "the wide survey has no theme columns",
                fix: "head each column of contacts with its theme (\(LongSurveyReader.themeList(builder.themeSet))), optionally numbered (work_1, work_2), or say which theme each column is in a column mapping file", inputs: [.columnMapping]))
            return
        }
        for theme in Set(plan.themeColumns.map(\.theme)) { builder.declareTheme(theme) }
        // A question asked each respondent's name: the nodes are people, with or without organisations.
        if plan.reading.columns.contains(where: { column in
            column.role == .respondent && (column.reason == .platformName || { if case .wording = column.reason { true } else { false } }())
        }) {
            builder.markPeopleSurvey()
        }
        func respondent(_ record: CSVRecord) -> String {
            NameKey.cleaned(plan.respondentColumns.map { record.fields[$0] }.joined(separator: " "))
        }
        /// A row that repeats a header row (two exports joined into one file).
        func repeatsHeader(_ record: CSVRecord) -> Bool {
            plan.rawHeaderRows.contains { row in
                row.count == record.fields.count && zip(row, record.fields).allSatisfy { NameKey.key($0) == NameKey.key($1) }
            } || SurveyImporter.repeatsHeader(record, of: table)
        }
        // The last row of each respondent is their answer.
        var lastRow: [String: Int] = [:]
        for record in table.records where !repeatsHeader(record) {
            let key = NameKey.key(respondent(record))
            if !key.isEmpty { lastRow[key] = record.line }
        }
        if lastRow.isEmpty, plan.reading.columns.contains(where: { $0.reason == .platformName }),
           table.records.contains(where: { record in plan.themeColumns.contains { !NameKey.cleaned(record.fields[$0.column]).isEmpty } }) {
            builder.report(Diagnostic(
                .error, code: "survey.anonymous", at: SourceLocation(file: table.file, line: table.headerLine, sheet: table.sheet),
                "no question asks the respondent's name and the export's own name column is empty (an anonymous form)",
                fix: "add a 'What is your name?' question to the form, or mark the column that holds names 'respondent' in a column mapping file", inputs: [.columnMapping]))
            return
        }
        let respondents = Set(lastRow.keys)
        // Every respondent's organisation is known before contacts are read, for "Name (Organisation)".
        for record in table.records where !repeatsHeader(record) {
            if let (organisation, column) = Self.answer(plan.organisationColumns, of: record) {
                _ = builder.organisation(organisation, at: table.location(line: record.line, column: column + 1))
            }
        }
        // A numbered box whose label is a respondent's name ("Person 2") is about that person.
        let themeColumns = plan.themeColumns.map { column -> ColumnPlan.ContactColumn in
            var column = column
            if column.roster == nil, let label = column.subLabel, respondents.contains(NameKey.key(label)) { column.roster = label }
            return column
        }
        let contacts = ContactNames(respondents: respondents,
                                    splitsOnComma: plan.reading.platform == .googleForms || plan.reading.platform == .qualtrics)
        var inferred: [(person: Int, organisation: Int, at: SourceLocation)] = []
        let ratingSet = builder.ratingSet
        let contactRatings = Dictionary(grouping: plan.ratingColumns.filter { $0.contactColumn != nil }, by: { $0.contactColumn! })
        let gridRatings = plan.ratingColumns.filter { $0.contactColumn == nil && $0.roster != nil }
        reportUnattachedRatings(plan, table: table, into: &builder)
        /// A rating cell's value; an invalid one is reported, `nil` when empty or invalid.
        func rating(_ column: ColumnPlan.RatingColumn, of record: CSVRecord, into builder: inout NetworkBuilder) -> Double? {
            let item = ratingSet.items[column.item]
            switch LongSurveyReader.Session.ratingCell(record.fields[column.column], item: item) {
            case .empty: return nil
            case .value(let value): return value
            case .invalid(let message, let text):
                builder.report(LongSurveyReader.Session.badRating(message, value: text, item: item,
                                                                  at: table.location(line: record.line, column: column.column + 1)))
                return nil
            }
        }
        /// The ratings of the contacts of one contact column (one per item, or empty without rating columns).
        func ratings(of contactColumn: Int, in record: CSVRecord, into builder: inout NetworkBuilder) -> [Double?] {
            guard let columns = contactRatings[contactColumn] else { return [] }
            var values = [Double?](repeating: nil, count: ratingSet.items.count)
            for column in columns {
                guard let value = rating(column, of: record, into: &builder) else { continue }
                values[column.item] = value
                if NameKey.cleaned(record.fields[contactColumn]).isEmpty {
                    builder.report(Diagnostic(.warning, code: "survey.rating-without-tie", at: table.location(line: record.line, column: column.column + 1),
                                              "this rating is of the contact in column \(contactColumn + 1) '\(Diagnostic.printable(table.header[contactColumn]))', which is empty; the rating was not used",
                                              value: NameKey.cleaned(record.fields[column.column]), fix: "write the contact's name, or clear the rating"))
                }
            }
            return values
        }
        for record in table.records {
            if repeatsHeader(record) {
                builder.report(SurveyImporter.repeatedHeader(at: table.location(line: record.line, column: nil)))
                continue
            }
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
                    let at = table.location(line: record.line, column: plan.respondentColumns[0] + 1)
                    if plan.reading.platform != nil {
                        // A platform's optional name question left blank: an anonymous answer, which cannot be placed.
                        builder.report(Diagnostic(.warning, code: "survey.anonymous-answer", at: at,
                                                  "this answer gives no name, so its contacts cannot be tied to anyone; it was skipped",
                                                  fix: "make the name question required, or fill in who answered"))
                    } else {
                        builder.report(Diagnostic(.error, code: "survey.missing-respondent", at: at,
                                                  "the respondent is empty", fix: "fill in who answered, or delete the row"))
                    }
                }
                continue
            }
            let layer = Self.answer(plan.layerColumns, of: record).flatMap { _, column in layerCell(column, of: record, in: table, into: &builder) }
            var attributes: [String: String] = [:]
            for column in plan.attributeColumns { attributes[table.header[column]] = record.fields[column] }
            let organisation = Self.answer(plan.organisationColumns, of: record)?.text
            guard let source = builder.addPerson(name, organisation: organisation, layer: layer, attributes: attributes,
                                                 origin: .respondent, at: rowLocation) else { continue }
            for themeColumn in themeColumns {
                let location = table.location(line: record.line, column: themeColumn.column + 1)
                let cell = record.fields[themeColumn.column]
                let cellRatings = ratings(of: themeColumn.column, in: record, into: &builder)
                if let roster = themeColumn.roster {
                    guard let answer = RosterAnswer(cell) else { continue }
                    guard let target = builder.person(roster, origin: .contact, at: location) else { continue }
                    builder.addTie(source: source, target: target, theme: themeColumn.theme, strength: answer.strength, ratings: cellRatings, at: location)
                    continue
                }
                if !contacts.splitsOnComma {
                    warnIfCommaSeparated(cell, respondents: respondents, at: location, into: &builder)
                }
                let split = contacts.names(in: cell, builder: builder)
                if !split.fragments.isEmpty {
                    builder.report(Diagnostic(.warning, code: "survey.comma-split-fragment", at: location,
                                              "splitting this answer at its commas left \(split.fragments.map { "'\($0)'" }.joined(separator: ", ")), which \(split.fragments.count == 1 ? "is" : "are") not the name of anyone known",
                                              value: NameKey.cleaned(cell),
                                              fix: "check the names; if one is a whole name written with a comma, add its parts to an aliases file or a people file"))
                }
                for contact in split.names {
                    if SurveyImporter.meansNobody(contact) {
                        builder.report(Diagnostic(.warning, code: "survey.no-contact", at: location,
                                                  "'\(contact)' is read as naming nobody", value: contact,
                                                  fix: "leave the cell empty instead"))
                        continue
                    }
                    if let problem = ContactNames.notAName(contact) {
                        builder.report(Diagnostic(.warning, code: "survey.not-a-name", at: location,
                                                  "'\(Diagnostic.printable(contact))' \(problem), so it was not read as a contact", value: contact,
                                                  fix: "if the column does not hold names, mark it 'ignore' in a column mapping file", inputs: [.columnMapping]))
                        continue
                    }
                    let written = ContactNames.organisationWritten(in: contact, builder: builder)
                    let person = written?.person ?? contact
                    guard let target = builder.person(person, origin: .contact, at: location) else { continue }
                    if let organisation = written?.organisation { inferred.append((target, organisation, location)) }
                    builder.addTie(source: source, target: target, theme: themeColumn.theme, strength: nil, ratings: cellRatings, at: location)
                }
            }
            // A grid rates the respondent's ties to one person, in every theme they were named in.
            for column in gridRatings {
                guard let roster = column.roster, let value = rating(column, of: record, into: &builder) else { continue }
                let location = table.location(line: record.line, column: column.column + 1)
                if builder.rate(from: source, to: roster, item: column.item, value: value, at: location) == 0 {
                    builder.report(Diagnostic(.warning, code: "survey.rating-without-tie", at: location,
                                              "'\(name)' rated '\(roster)' on \(ratingSet.items[column.item].id) but named them in no theme; the rating was not used",
                                              value: NameKey.cleaned(record.fields[column.column]),
                                              fix: "name the person in a theme, or clear the rating"))
                }
            }
        }
        // Organisations taken from how contacts were written, where nothing else gives one.
        for (person, organisation, location) in inferred { builder.inferOrganisation(organisation, of: person, at: location) }
    }

    /// The first answered cell among a question's columns, and its column; a
    /// ticked "Other" choice gives way to the text typed in its box.
    static func answer(_ columns: [Int], of record: CSVRecord) -> (text: String, column: Int)? {
        var other: (String, Int)?
        for column in columns {
            let text = NameKey.cleaned(record.fields[column])
            guard !text.isEmpty else { continue }
            if ContactNames.isOtherChoice(text) {
                other = other ?? (text, column)
                continue
            }
            return (text, column)
        }
        return other
    }

    /// Warns when a cell's comma-separated parts name respondents: commas do not separate contacts.
    private static func warnIfCommaSeparated(_ cell: String, respondents: Set<String>, at location: SourceLocation,
                                             into builder: inout NetworkBuilder) {
        guard !cell.contains(";"), !cell.contains("\n"), cell.contains(",") else { return }
        let parts = cell.split(separator: ",").map { NameKey.key(String($0)) }
        guard parts.count >= 2, parts.contains(where: { respondents.contains($0) }) else { return }
        builder.report(Diagnostic(.warning, code: "survey.comma-separated-contacts", at: location,
                                  "this cell was read as one name, but its comma-separated parts name respondents",
                                  value: NameKey.cleaned(cell),
                                  fix: "separate contacts with ';' (commas can be part of a name, as in 'Manager, Bolton Council')"))
    }

    /// Warns once about rating columns that name no contact column and no person.
    private static func reportUnattachedRatings(_ plan: ColumnPlan, table: CSVTable, into builder: inout NetworkBuilder) {
        let loose = plan.ratingColumns.filter { $0.contactColumn == nil && $0.roster == nil }
        guard !loose.isEmpty else { return }
        let names = loose.prefix(10).map { "\($0.column + 1) '\(Diagnostic.printable(table.header[$0.column]))'" }.joined(separator: ", ")
        builder.report(Diagnostic(
            .warning, code: "survey.rating-without-contact", at: SourceLocation(file: table.file, line: table.headerLine, sheet: table.sheet),
            "\(loose.count == 1 ? "column" : "columns") \(names) \(loose.count == 1 ? "rates" : "rate") ties but \(loose.count == 1 ? "names" : "name") no contact column or person in a one-row-per-respondent survey, and \(loose.count == 1 ? "was" : "were") not used",
            fix: "head a rating column with the contact column it rates and the item (work_1_trust), or with the item and the person in brackets (trust [Jane Smith])"))
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
                fix: "if one holds contacts or the respondent's details, say what it holds in a column mapping file", inputs: [.columnMapping]))
        }
        let attributes = plan.reading.columns.filter { $0.role == .attribute }
        if !attributes.isEmpty {
            builder.report(Diagnostic(
                .warning, code: "survey.attribute-columns", at: location,
                "\(attributes.count == 1 ? "the column" : "columns") \(attributes.map { "'\(Diagnostic.printable($0.header))'" }.prefix(10).joined(separator: ", "))\(attributes.count > 10 ? " and \(attributes.count - 10) more" : "") \(attributes.count == 1 ? "was" : "were") read as attributes of the respondent, not as contacts",
                fix: "if a column holds contacts, head it with its theme (e.g. work, work_2, Work [Contact 1]) or name its theme in a column mapping file", inputs: [.columnMapping]))
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
/// the answer says no ("no", "never", "0", "not at all", "no contact",
/// "don't know" ...), with its number as the strength when it has one
/// ("3", "5 - Very often").
struct RosterAnswer {
    /// The strength, when the answer is or starts with a number.
    var strength: Double?

    /// Whole answers that mean "no tie".
    static let negative: Set<String> = ["no", "never", "0", "false", "none", "n a", "na", "not applicable", "nobody", "unchecked", "unknown", "rarely or never"]
    /// Beginnings of answers that mean "no tie".
    static let negativeStarts = ["no ", "not ", "never ", "don t ", "dont ", "do not ", "i don t ", "i do not ", "haven t ", "have not "]

    /// The answer a cell gives, or `nil` for no tie.
    init?(_ cell: String) {
        let label = NameKey.label(cell)
        guard !label.isEmpty, !Self.negative.contains(label), !Self.negativeStarts.contains(where: { (label + " ").hasPrefix($0) }) else {
            return nil
        }
        let text = NameKey.cleaned(cell)
        let digits = text.prefix { $0.isNumber || $0 == "." }
        if let value = Double(digits), value.isFinite {
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
    /// Forms checkbox or Qualtrics multiple-choice answer on ",", keeping
    /// together the parts that make a known name ("Manager, Bolton Council",
    /// or "Smith, Anna" for Anna Smith) or a role and its organisation.
    /// `fragments` are one-word parts that name no one known.
    func names(in cell: String, builder: NetworkBuilder) -> (names: [String], fragments: [String]) {
        let names = WideSurveyReader.contacts(in: cell)
        guard splitsOnComma else { return (names, []) }
        var fragments: [String] = []
        let split = names.flatMap { name -> [String] in
            let parts = name.split(separator: ",").map { NameKey.cleaned($0) }.filter { !$0.isEmpty }
            guard parts.count > 1 else { return [name] }
            var result: [String] = []
            var start = 0
            while start < parts.count {
                var end = start + 1
                var found: String?
                // The longest run of parts that names someone known.
                for candidate in stride(from: parts.count, to: start + 1, by: -1) {
                    let joined = parts[start..<candidate].joined(separator: ", ")
                    if known(joined, builder: builder) {
                        end = candidate
                        break
                    }
                }
                if end == start + 1, end < parts.count {
                    if known("\(parts[end]) \(parts[start])", builder: builder) {
                        // "Smith, Anna": a known person written surname first.
                        found = "\(parts[end]) \(parts[start])"
                        end += 1
                    } else if !known(parts[start], builder: builder), builder.knownOrganisation(parts[end]) != nil {
                        // "Role, Organisation": an unknown part followed by an organisation's name.
                        end += 1
                    }
                }
                let name = found ?? parts[start..<end].joined(separator: ", ")
                if end == start + 1, !name.contains(" "), !known(name, builder: builder) { fragments.append(name) }
                result.append(name)
                start = end
            }
            return result
        }
        return (split, fragments)
    }

    /// Why a cell's text is not a person's name ("12", a sentence, a ticked
    /// "Other" box), or `nil` when it may be one.
    static func notAName(_ text: String) -> String? {
        if text.allSatisfy({ $0.isNumber || $0 == "." || $0 == " " }) { return "is a number" }
        if isOtherChoice(text) { return "is the label of an 'Other' choice" }
        let words = NameKey.label(text).split(separator: " ")
        if words.count > 8 || words.count > 4 && (text.hasSuffix(".") || words.first.map { ["because", "they", "we", "i", "it"].contains($0) } == true) {
            return "reads as a sentence"
        }
        return nil
    }

    /// Whether a cell is the label of an "Other (please specify)" choice.
    static func isOtherChoice(_ text: String) -> Bool {
        ["other", "other please specify", "other specify", "others", "other please state"].contains(NameKey.label(text))
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
