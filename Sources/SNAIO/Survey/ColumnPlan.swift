import SNACore

/// What each column of a survey holds, decided once from the header before
/// any answer is read, and the layout that follows.
///
/// The rules, first match winning: a line of the `--columns` file; the
/// platform's own metadata columns; a header that names a role (respondent,
/// contact ...) or a theme (`work_2`); the question's wording
/// (``QuestionWording``); otherwise a short header is an attribute and a
/// question is not placed. Errors: a role or a theme claimed by two
/// questions, a question that fits two themes equally.
struct ColumnPlan: Sendable {
    /// A wide column of contacts.
    struct ContactColumn: Sendable {
        /// Position from 0.
        var column: Int
        /// The theme, a position in the theme set.
        var theme: Int
        /// The contact the column's sub-label names (a grid or checkbox column), or `nil` when the cell holds names.
        var roster: String?
        /// The sub-label of a numbered box ("Person 2"), which names the contact after all when it is a respondent's name.
        var subLabel: String?
    }

    /// The layout, or `nil` when it cannot be told (with an error in ``diagnostics``).
    var layout: SurveyLayout?
    /// How every column was read.
    var reading: SurveyReading
    /// Errors and warnings found in the header.
    var diagnostics: [Diagnostic] = []
    /// The respondent's name: one column, or first and last name columns joined.
    var respondentColumns: [Int] = []
    /// The respondent's organisation and layer: the columns of one question,
    /// the first answered one used ("Other (please specify)" gives the typed text).
    var organisationColumns: [Int] = []
    var layerColumns: [Int] = []
    /// Wide: the contact columns.
    var themeColumns: [ContactColumn] = []
    /// Wide: columns read as attributes of the respondent.
    var attributeColumns: [Int] = []
    /// A column of tie ratings.
    struct RatingColumn: Sendable {
        /// Position from 0.
        var column: Int
        /// The item, a position in the rating set.
        var item: Int
        /// Wide: the contact column whose contacts it rates (position from 0).
        var contactColumn: Int?
        /// Wide: the person it rates, in a grid.
        var roster: String?
    }
    /// The columns of tie ratings (both layouts).
    var ratingColumns: [RatingColumn] = []
    /// Long: the column of each role.
    var longColumns: [SurveyColumn: Int] = [:]
    /// The header rows as written, whose repeats (two exports joined) are skipped.
    var rawHeaderRows: [[String]] = []

    /// Decides every column of an export.
    static func make(
        shape: ExportShape, themes: ThemeSet, mapping: ColumnMapping?, forcedLayout: SurveyLayout?,
        file: String, headerLine: Int, sheet: String?, ratings: RatingSet = .none
    ) -> ColumnPlan {
        var plan = ColumnPlan(layout: nil, reading: SurveyReading(platform: shape.platform, headerRows: shape.headerRows, sheet: sheet))
        plan.reading.headerLine = headerLine
        plan.rawHeaderRows = shape.rawHeaderRows
        let headerLocation = SourceLocation(file: file, line: headerLine, sheet: sheet)
        func at(_ index: Int) -> SourceLocation {
            SourceLocation(file: file, line: headerLine, column: index + 1, columnName: shape.columns[index].header, sheet: sheet)
        }
        // 1. The --columns file.
        var mapped: [Int: (ColumnRole, Int)] = [:]
        if let mapping {
            for entry in mapping.entries {
                let index: Int?
                switch entry.selector {
                case .number(let number): index = number <= shape.columns.count ? number - 1 : nil
                case .header(let text):
                    let key = NameKey.key(text)
                    let byHeader = shape.columns.filter { NameKey.key($0.header) == key }
                    let matches = byHeader.isEmpty ? shape.columns.filter { $0.id.map(NameKey.key) == key } : byHeader
                    if matches.count > 1 {
                        plan.diagnostics.append(Diagnostic(
                            .error, code: "columns.ambiguous-header", at: SourceLocation(file: mapping.file, line: entry.line),
                            "the survey has \(matches.count) columns headed so (columns \(matches.map { String($0.index + 1) }.joined(separator: ", ")))",
                            value: text, fix: "name the column by its number instead"))
                        continue
                    }
                    index = matches.first?.index
                }
                guard let index else {
                    let written: String
                    switch entry.selector {
                    case .number(let number): written = String(number)
                    case .header(let text): written = text
                    }
                    plan.diagnostics.append(Diagnostic(
                        .error, code: "columns.unknown-column", at: SourceLocation(file: mapping.file, line: entry.line),
                        "the survey has no such column", value: written,
                        fix: "write a column number from 1 to \(shape.columns.count), or a header as the survey writes it (snatool survey inspect lists them)"))
                    continue
                }
                if case .number = entry.selector, let expected = entry.expectedHeader,
                   NameKey.key(expected) != NameKey.key(shape.columns[index].header) {
                    plan.diagnostics.append(Diagnostic(
                        .error, code: "columns.header-differs", at: SourceLocation(file: mapping.file, line: entry.line),
                        "column \(index + 1) of the survey is headed '\(shape.columns[index].header)', not '\(expected)' as this line says (was the survey exported again with its columns moved?)",
                        value: expected,
                        fix: "write a new columns file with snatool survey inspect, or name the column by its header instead of its number"))
                    continue
                }
                mapped[index] = (entry.role, entry.line)
            }
        }
        // Headers of contact columns by heading (work_1), which a rating column may name before its item (work_1_trust).
        let contactHeaders: [(label: String, header: String)] = ratings.isEmpty ? [] : shape.columns.compactMap { column in
            let mappedContacts: Bool = if case .contacts = mapped[column.index]?.0 { true } else { false }
            return mappedContacts || ThemeColumn.theme(of: column.header, in: themes) != nil && SurveyColumn.role(of: column.header) == nil
                ? (NameKey.label(column.header), column.header) : nil
        }
        // 2-5. Each column by the rules.
        var readings: [ColumnReading] = []
        var ambiguous: [(index: Int, themes: [Int])] = []
        for column in shape.columns {
            var role: ColumnRole
            var reason: ColumnReason
            if let (mappedRole, line) = mapped[column.index] {
                role = mappedRole
                reason = .mappingFile(line: line)
                if case .contacts(let theme, _) = mappedRole, column.subLabel != nil, !column.subLabelIsSlot {
                    role = .contacts(theme: theme, roster: column.subLabel)
                }
                // A rating named by the file rates what its header says (work_1_trust, trust [Name]), or its grid row.
                if case .rating(let item, nil, nil) = mappedRole {
                    if let derived = Self.rating(column, ratings: ratings, contactHeaders: contactHeaders),
                       case .rating(item, _, _) = derived {
                        role = derived
                    } else if let label = column.subLabel, !column.subLabelIsSlot {
                        role = .rating(item: item, contactColumn: nil, roster: label)
                    }
                }
            } else if column.metadata != nil {
                (role, reason) = (.ignored, .platformMetadata)
            } else if column.header.isEmpty {
                (role, reason) = (.ignored, .heading)
            } else if let rating = Self.rating(column, ratings: ratings, contactHeaders: contactHeaders) {
                (role, reason) = (rating, .heading)
            } else if let named = SurveyColumn.role(of: column.header) {
                (role, reason) = (Self.role(named), .heading)
            } else if let theme = ThemeColumn.theme(of: column.header, in: themes) {
                (role, reason) = (.contacts(theme: themes.themes[theme].id, roster: nil), .heading)
            } else {
                switch QuestionWording.place(column.question, themes: themes) {
                case .role(let named, let matched): (role, reason) = (Self.role(named), .wording(matched))
                case .theme(let theme, let matched):
                    let roster = column.subLabelIsSlot ? nil : column.subLabel
                    (role, reason) = (.contacts(theme: themes.themes[theme].id, roster: roster), .wording(matched))
                case .ambiguous(let candidates):
                    ambiguous.append((column.index, candidates))
                    (role, reason) = (.unplaced, .ambiguous(candidates.map { themes.themes[$0].id }))
                case .none:
                    if QuestionWording.isQuestion(column.header) || shape.platform != nil && column.question != column.header {
                        (role, reason) = (.unplaced, .notPlaced)
                    } else {
                        (role, reason) = (.attribute, .otherHeader)
                    }
                }
            }
            readings.append(ColumnReading(column: column.index + 1, header: column.header, question: column.question, role: role, reason: reason))
        }
        // A question that fits two themes: reported once per question.
        var reportedGroups = Set<Int>()
        for (index, candidates) in ambiguous where reportedGroups.insert(shape.columns[index].group).inserted {
            let names = candidates.map { themes.themes[$0].id }
            plan.diagnostics.append(Diagnostic(
                .error, code: "survey.ambiguous-question", at: at(index),
                "this question fits the themes \(names.joined(separator: " and ")) equally", value: shape.columns[index].question,
                fix: "say which it is in a column mapping file (a line \(index + 1),\(names[0]))", inputs: [.columnMapping]))
        }
        // The layout.
        let hasContact = readings.contains { $0.role == .contact }
        let wideThemes = readings.contains { if case .contacts = $0.role { true } else { false } }
        var layout = forcedLayout ?? (hasContact ? .long : .wide)
        if forcedLayout == nil && hasContact && wideThemes && !readings.contains(where: { $0.role == .theme }) {
            let names = readings.filter { if case .contacts = $0.role { true } else { false } }.map { "'\($0.header)'" }
            plan.diagnostics.append(Diagnostic(
                .error, code: "survey.ambiguous-layout", at: headerLocation,
                "the header has a contact column and theme columns (\(names.joined(separator: ", "))), so it could be either layout",
                fix: "say the layout: wide if each row is one respondent with contacts under the themes, long if each row is one tie", inputs: [.layout]))
        }
        if layout == .long {
            // Only heading roles apply to a long survey; theme-named columns are not contacts there.
            for index in readings.indices {
                switch readings[index].role {
                case .contacts, .unplaced: readings[index].role = .ignored
                case .layer, .attribute: if case .mappingFile = readings[index].reason {} else { readings[index].role = .ignored }
                default: break
                }
            }
        }
        // Who answered: the platform's name column when no question asks for it.
        if !readings.contains(where: { $0.role == .respondent }) {
            let name = shape.columns.first { $0.metadata == .name }
            let first = shape.columns.first { $0.metadata == .firstName }, last = shape.columns.first { $0.metadata == .lastName }
            // First name before last name, whatever order the platform writes them in.
            for column in name.map({ [$0] }) ?? [first, last].compactMap({ $0 }) where mapped[column.index] == nil {
                readings[column.index].role = .respondent
                readings[column.index].reason = .platformName
            }
        }
        plan.reading.columns = readings
        // Roles claimed twice (first and last name columns together are one respondent).
        var claimed: [ColumnRole: Int] = [:]
        let nameParts = Set(readings.filter { reading in
            if case .wording(let phrase) = reading.reason, reading.role == .respondent {
                return QuestionWording.firstNamePhrases.contains(phrase) || QuestionWording.lastNamePhrases.contains(phrase)
            }
            return false
        }.map(\.column))
        for reading in readings {
            let single: Set<ColumnRole> = [.respondent, .organisation, .layer, .contact, .contactOrganisation, .theme, .strength]
            guard single.contains(reading.role) else { continue }
            if reading.role == .respondent, reading.reason == .platformName || nameParts.contains(reading.column) { continue }
            // The columns of one question (a choice and its "Other (please specify)" box) are one answer.
            if let first = claimed[reading.role], shape.columns[first - 1].group == shape.columns[reading.column - 1].group,
               shape.platform != nil { continue }
            if let first = claimed[reading.role] {
                plan.diagnostics.append(Diagnostic(
                    .error, code: "survey.duplicate-column", at: at(reading.column - 1),
                    "two columns are both the \(reading.role.fileName) column (columns \(first) and \(reading.column))",
                    value: reading.header,
                    fix: "rename or remove one of them, or mark one 'ignore' in a column mapping file", inputs: [.columnMapping]))
            } else {
                claimed[reading.role] = reading.column
            }
        }
        // A rating item with two columns of a long survey.
        if layout == .long {
            var ratingClaimed: [String: Int] = [:]
            for reading in readings {
                guard case .rating(let item, _, _) = reading.role else { continue }
                if let first = ratingClaimed[item] {
                    plan.diagnostics.append(Diagnostic(
                        .error, code: "survey.duplicate-column", at: at(reading.column - 1),
                        "two columns are both the \(item) rating (columns \(first) and \(reading.column))", value: reading.header,
                        fix: "rename or remove one of them, or mark one 'ignore' in a column mapping file", inputs: [.columnMapping]))
                } else {
                    ratingClaimed[item] = reading.column
                }
            }
        }
        // A theme asked by two questions.
        if layout == .wide {
            var questionOfTheme: [String: (group: Int, column: Int)] = [:]
            var reported = Set<String>()
            for reading in readings {
                guard case .contacts(let theme, _) = reading.role else { continue }
                let column = shape.columns[reading.column - 1]
                // Numbered theme headers (work_1, work_2) are one question, and so are
                // the columns a mapping file gives one theme: the user said so.
                let oneQuestion: Bool
                switch reading.reason {
                case .heading, .mappingFile: oneQuestion = true
                default: oneQuestion = false
                }
                let group = oneQuestion ? -1 : column.group
                if let first = questionOfTheme[theme], first.group != group {
                    if reported.insert(theme).inserted {
                        plan.diagnostics.append(Diagnostic(
                            .error, code: "survey.theme-twice", at: at(reading.column - 1),
                            "two questions map to the theme \(theme): column \(first.column) '\(readings[first.column - 1].header)' and column \(reading.column) '\(reading.header)'",
                            value: reading.header,
                            fix: "say which column is which theme in a column mapping file, or mark one 'ignore'", inputs: [.columnMapping]))
                    }
                } else if questionOfTheme[theme] == nil {
                    questionOfTheme[theme] = (group, reading.column)
                }
            }
        }
        // The plan's lookups.
        for reading in readings {
            let index = reading.column - 1
            switch reading.role {
            case .respondent: plan.respondentColumns.append(index)
            case .organisation: plan.organisationColumns.append(index)
            case .layer: plan.layerColumns.append(index)
            case .contacts(let theme, let roster):
                if let position = themes.themes.firstIndex(where: { $0.id == theme }) {
                    plan.themeColumns.append(ContactColumn(column: index, theme: position, roster: roster,
                                                         subLabel: shape.columns[index].subLabel))
                }
            case .attribute: plan.attributeColumns.append(index)
            case .rating(let item, let contactHeader, let roster):
                guard let position = ratings.items.firstIndex(where: { $0.id == item }) else { break }
                let contactColumn = contactHeader.flatMap { header in readings.firstIndex { $0.header == header } }
                plan.ratingColumns.append(RatingColumn(column: index, item: position, contactColumn: contactColumn, roster: roster))
            default: break
            }
            if let role = Self.longRole(reading.role), plan.longColumns[role] == nil { plan.longColumns[role] = index }
        }
        // Several name columns: the platform's first and last name, or two questions (first name, surname), joined first name first.
        let firstNames = Set(shape.columns.filter { $0.metadata == .firstName }.map(\.index)).union(readings.filter { reading in
            if case .wording(let phrase) = reading.reason { return QuestionWording.firstNamePhrases.contains(phrase) }
            return false
        }.map { $0.column - 1 })
        if plan.respondentColumns.count > 1 {
            let parts = plan.respondentColumns.filter { nameParts.contains($0 + 1) || readings[$0].reason == .platformName }
            if parts.count == plan.respondentColumns.count {
                plan.respondentColumns = parts.filter { firstNames.contains($0) } + parts.filter { !firstNames.contains($0) }
            } else {
                plan.respondentColumns = [plan.respondentColumns.first { !parts.contains($0) } ?? plan.respondentColumns[0]]
            }
        }
        if forcedLayout == nil && !hasContact && (plan.respondentColumns.isEmpty || plan.themeColumns.isEmpty) {
            // A question that fits two themes has its own error already.
            if ambiguous.isEmpty { plan.diagnostics.append(unknownLayout(readings, shape: shape, at: headerLocation, themes: themes)) }
            layout = .wide
            plan.layout = nil
            return plan
        }
        plan.layout = layout
        return plan
    }

    /// The rating a column holds, when its header names an item of the
    /// rating set: the item alone (`trust`), after a contact column's header
    /// (`work_1_trust`, `work 1 - trust`), or before a person's name in
    /// brackets (`trust [Jane Smith]`, a grid row).
    private static func rating(_ column: ExportColumn, ratings: RatingSet, contactHeaders: [(label: String, header: String)]) -> ColumnRole? {
        guard !ratings.isEmpty else { return nil }
        if let item = ratings.item(named: column.header) {
            return .rating(item: ratings.items[item].id, contactColumn: nil, roster: nil)
        }
        // A grid: the platform's question and sub-label, or "item [name]" as written.
        var question = column.question, roster = column.subLabel
        if roster == nil, column.header.hasSuffix("]"), let open = column.header.lastIndex(of: "[") {
            question = String(column.header[..<open])
            roster = NameKey.cleaned(column.header[column.header.index(after: open)..<column.header.index(before: column.header.endIndex)])
        }
        if let roster, !roster.isEmpty, question != column.header, let item = ratings.item(named: question) {
            return .rating(item: ratings.items[item].id, contactColumn: nil, roster: roster)
        }
        let label = NameKey.label(column.header)
        for contact in contactHeaders where label.hasPrefix(contact.label + " ") {
            if let item = ratings.item(named: String(label.dropFirst(contact.label.count + 1))) {
                return .rating(item: ratings.items[item].id, contactColumn: contact.header, roster: nil)
            }
        }
        return nil
    }

    /// The column role a heading names.
    private static func role(_ column: SurveyColumn) -> ColumnRole {
        switch column {
        case .respondent: .respondent
        case .contact: .contact
        case .theme: .theme
        case .strength: .strength
        case .respondentOrganisation: .organisation
        case .contactOrganisation: .contactOrganisation
        case .layer: .layer
        }
    }

    /// The long reader's role of a column role.
    private static func longRole(_ role: ColumnRole) -> SurveyColumn? {
        switch role {
        case .respondent: .respondent
        case .contact: .contact
        case .theme: .theme
        case .strength: .strength
        case .organisation: .respondentOrganisation
        case .contactOrganisation: .contactOrganisation
        default: nil
        }
    }

    /// The error for a header whose layout cannot be told, saying what was found.
    private static func unknownLayout(_ readings: [ColumnReading], shape: ExportShape, at location: SourceLocation, themes: ThemeSet) -> Diagnostic {
        let hasRespondent = readings.contains { $0.role == .respondent }
        let headers = readings.prefix(12).map { "'\($0.header)'" }.joined(separator: ", ") + (readings.count > 12 ? " ..." : "")
        let platform = shape.platform.map { "a \($0.title) export whose " } ?? ""
        let unplaced = readings.filter { $0.role == .unplaced }.prefix(5).map { "'\($0.question)'" }
        let missing = (hasRespondent ? "no column of contacts in a theme" : "no respondent column (no question asks the respondent's name)")
            + (unplaced.isEmpty ? "" : "; no rule places \(unplaced.joined(separator: ", "))")
        return Diagnostic(
            .error, code: "survey.unknown-layout", at: location,
            "cannot tell the survey's layout from its header: \(platform)header has \(missing) (\(headers))",
            fix: "say what each column holds in a column mapping file; or, for one row per tie, name the columns respondent and contact; for one row per respondent, name a column respondent and one column per theme (\(themes.themes.map(\.id).joined(separator: ", ")))",
            inputs: [.columnMapping])
    }
}
