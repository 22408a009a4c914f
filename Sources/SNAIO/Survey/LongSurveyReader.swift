import SNACore

/// A row of a survey as the long reader sees it: its line, and its cells as
/// UTF-8 bytes.
protocol SurveyRow {
    /// The line on which the row starts.
    var line: Int { get }
    /// Calls `body` with the bytes of the cell in `column` (from 0).
    func withCell<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R
    /// Every cell as text, for the rare checks that need the whole row.
    func texts() -> [String]
}

extension CSVRecord: SurveyRow {
    func withCell<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        fields[column].withUTF8Bytes(body)
    }

    func texts() -> [String] { fields }
}

/// Reads a long survey: one row per named tie.
///
/// Required columns: respondent, contact. Optional: theme, strength,
/// respondent_org, contact_org (see ``SurveyColumn`` for the accepted headers).
/// A row with a respondent and no contact records an answer naming nobody.
///
/// Each distinct cell text is cleaned, matched and looked up once: the reader
/// numbers the texts it has seen and remembers what they resolved to (the
/// person, organisation, theme or strength), so a name repeated on 20 rows is
/// cleaned once.
enum LongSurveyReader {
    static func themeList(_ themes: ThemeSet) -> String {
        themes.themes.map(\.id).joined(separator: ", ")
    }

    /// What a name cell resolves to, in arrays by the cell's number (kept
    /// apart so that the per-row checks read no strings).
    private struct NameCells {
        /// The cleaned texts, `nil` when empty.
        var texts: [String?] = []
        /// Whether the text means "nobody" as a contact.
        var nobody: [Bool] = []
        /// The person's position once added; -1 before.
        var person: [Int] = []
        /// Whether the text's key is the respondent column's header key: -1
        /// before it is first needed, then 0 or 1.
        var headerKey: [Int8] = []
        /// The names in a contact cell that holds several ("A; B" or a line
        /// break), `nil` for a cell holding one.
        var several: [[String]?] = []
        /// Whether the cell holds a line break (read as one name, with a warning).
        var lineBreak: [Bool] = []
    }

    /// What an organisation cell resolves to.
    private struct OrganisationCell {
        var text: String?
        /// The organisation's position once recorded; -1 before, -2 for a name with an empty key.
        var position = -1
    }

    /// What a theme cell resolves to.
    private struct ThemeCell {
        var text: String?
        var index: Int?
    }

    /// What a strength or rating cell resolves to.
    enum StrengthCell {
        case empty
        case value(Double)
        case invalid(message: String, text: String)
    }

    /// The reading of one long survey, row by row.
    struct Session {
        let file: String
        let sheet: String?
        let header: [String]
        let headerLine: Int
        /// The cleaned header cells, for locations.
        private let columnNames: [String]
        private let headerKeys: [String]
        private let respondentColumn: Int
        private let contactColumn: Int
        private let themeColumn: Int?
        private let strengthColumn: Int?
        private let respondentOrganisationColumn: Int?
        private let contactOrganisationColumn: Int?
        /// Columns with no header, and the first value found in each.
        private var unnamed: [(column: Int, found: (line: Int, value: String)?)]
        /// Where the warnings about unnamed columns go among the diagnostics.
        private let unnamedPosition: Int
        private var names = ByteInterner()
        private var nameCells = NameCells()
        private var organisations = ByteInterner()
        private var organisationCells: [OrganisationCell] = []
        private var themes = ByteInterner()
        private var themeCells: [ThemeCell] = []
        private var strengths = ByteInterner()
        private var strengthCells: [StrengthCell] = []
        /// The rating columns: position and item.
        private let ratingColumns: [(column: Int, item: Int)]
        private let ratingSet: RatingSet
        /// Each rating column's cells, worked out once per distinct text.
        private var ratingTexts: [ByteInterner]
        private var ratingCells: [[StrengthCell]]

        /// Checks the header's columns; `nil` (with the problems reported)
        /// when the respondent or contact column is missing.
        init?(file: String, header: [String], headerLine: Int, plan: ColumnPlan, into builder: inout NetworkBuilder) {
            let table = CSVTable(file: file, header: header, headerLine: headerLine, records: [], sheet: plan.reading.sheet)
            let columns = plan.longColumns
            SurveyImporter.require(.respondent, in: columns, table: table, into: &builder)
            SurveyImporter.require(.contact, in: columns, table: table, into: &builder)
            guard let respondentColumn = columns[.respondent], let contactColumn = columns[.contact] else { return nil }
            self.file = file
            sheet = plan.reading.sheet
            self.header = header
            self.headerLine = headerLine
            self.respondentColumn = respondentColumn
            self.contactColumn = contactColumn
            themeColumn = columns[.theme]
            strengthColumn = columns[.strength]
            respondentOrganisationColumn = columns[.respondentOrganisation]
            contactOrganisationColumn = columns[.contactOrganisation]
            ratingSet = builder.ratingSet
            ratingColumns = plan.ratingColumns.map { ($0.column, $0.item) }
            ratingTexts = plan.ratingColumns.map { _ in ByteInterner() }
            ratingCells = plan.ratingColumns.map { _ in [] }
            let columnNames = header.map { NameKey.cleaned($0) }
            self.columnNames = columnNames
            headerKeys = header.map { NameKey.key($0) }
            unnamed = columnNames.indices.filter { columnNames[$0].isEmpty }.map { ($0, nil) }
            unnamedPosition = builder.diagnosticCount
            let used = Set(columns.values).union(plan.ratingColumns.map(\.column))
            let chosen = Set(plan.reading.columns.filter { if case .mappingFile = $0.reason { true } else { false } }.map { $0.column - 1 })
            var ignored = header.indices.filter { !used.contains($0) && !chosen.contains($0) && !columnNames[$0].isEmpty }
            // Columns the trust and value preset would read, when no ratings were declared: say how to read them.
            let presetColumns = builder.ratingSet.isEmpty ? ignored.filter { RatingSet.partnershipTrustValue.item(named: header[$0]) != nil } : []
            if !presetColumns.isEmpty {
                ignored.removeAll { presetColumns.contains($0) }
                builder.report(Diagnostic(
                    .warning, code: "survey.rating-columns-ignored", at: SourceLocation(file: file, line: headerLine),
                    "\(presetColumns.count == 1 ? "the column" : "columns") \(presetColumns.map { "'\(columnNames[$0])'" }.joined(separator: ", ")) \(presetColumns.count == 1 ? "looks like a rating" : "look like ratings") of the partnership trust and value measures but no ratings were declared, so \(presetColumns.count == 1 ? "it was" : "they were") ignored",
                    fix: "declare the ratings as the preset partnership-trust-value to read them", inputs: [.ratings]))
            }
            if !ignored.isEmpty {
                let shown = ignored.prefix(10).map { "'\(columnNames[$0])'" }.joined(separator: ", ")
                let names = ignored.count > 10 ? shown + " and \(ignored.count - 10) more" : shown
                builder.report(Diagnostic(
                    .warning, code: "survey.ignored-columns", at: SourceLocation(file: file, line: headerLine),
                    "\(ignored.count == 1 ? "the column" : "columns") \(names) \(ignored.count == 1 ? "is not a survey column and was" : "are not survey columns and were") ignored",
                    fix: "put attributes of people in a people file", inputs: [.peopleFile]))
            }
        }

        private func location(_ line: Int, _ column: Int?) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column.map { $0 + 1 }, columnName: column.map { columnNames[$0] }, sheet: sheet)
        }

        /// Reads one row.
        mutating func read(_ row: some SurveyRow, into builder: inout NetworkBuilder) {
            for index in unnamed.indices where unnamed[index].found == nil {
                let value = row.withCell(unnamed[index].column) { $0.isEmpty ? "" : NameKey.cleaned(String(decoding: $0, as: UTF8.self)) }
                if !value.isEmpty { unnamed[index].found = (row.line, value) }
            }
            let respondentID = row.withCell(respondentColumn) { name($0) }
            if hasHeaderKey(respondentID), repeatsHeader(row) {
                builder.report(SurveyImporter.repeatedHeader(at: location(row.line, nil)))
                return
            }
            guard nameCells.texts[respondentID] != nil else {
                builder.report(Diagnostic(.error, code: "survey.missing-respondent", at: location(row.line, respondentColumn),
                                          "the respondent is empty", fix: "fill in who answered, or delete the row"))
                return
            }
            let contactID = row.withCell(contactColumn) { name($0) }
            guard nameCells.texts[contactID] != nil, !nameCells.nobody[contactID] else {
                if let contactText = nameCells.texts[contactID] {
                    builder.report(Diagnostic(.warning, code: "survey.no-contact", at: location(row.line, contactColumn),
                                              "'\(contactText)' is read as naming nobody", value: contactText,
                                              fix: "leave the cell empty instead, or write the contact's name"))
                } else if let filled = ([themeColumn, strengthColumn] + ratingColumns.map(\.column)).compactMap({ $0 }).first(where: { column in
                    row.withCell(column) { !$0.isEmpty && !NameKey.cleaned(String(decoding: $0, as: UTF8.self)).isEmpty }
                }) {
                    builder.report(Diagnostic(.warning, code: "survey.blank-contact", at: location(row.line, contactColumn),
                                              "the contact is empty but the row has a \(filled == themeColumn ? "theme" : filled == strengthColumn ? "strength" : "rating"); read as the respondent naming nobody, and the \(filled == themeColumn ? "theme" : filled == strengthColumn ? "strength" : "rating") was not used",
                                              fix: "write the contact's name, or delete the row"))
                }
                let at = location(row.line, respondentColumn)
                guard let source = person(respondentID, origin: .respondent, at: at, into: &builder) else { return }
                let organisation = respondentOrganisationColumn.flatMap { column in
                    row.withCell(column) { organisationCell($0) }
                }
                builder.update(source, organisation: organisation.flatMap { self.organisation($0, at: at, into: &builder) },
                               origin: .respondent, at: at)
                return
            }
            var theme: Int?
            if let themeColumn {
                let cell = themeCells[row.withCell(themeColumn) { self.theme($0, in: builder.themeSet) }]
                guard let raw = cell.text else {
                    builder.report(Diagnostic(.error, code: "survey.missing-theme", at: location(row.line, themeColumn),
                                              "the theme is empty", fix: "write one of: \(themeList(builder.themeSet))"))
                    return
                }
                guard let index = cell.index else {
                    builder.report(Diagnostic(.error, code: "survey.unknown-theme", at: location(row.line, themeColumn),
                                              "unknown theme", value: raw,
                                              fix: "write one of: \(themeList(builder.themeSet)); or declare the survey's own themes", inputs: [.themes]))
                    return
                }
                theme = index
            }
            var strength: Double?
            if let strengthColumn {
                switch strengthCells[row.withCell(strengthColumn) { self.strength($0) }] {
                case .empty: break
                case .value(let value): strength = value
                case .invalid(let message, let text):
                    builder.report(Diagnostic(.error, code: "survey.bad-strength", at: location(row.line, strengthColumn), message, value: text,
                                              fix: "write a number such as 1, 2 or 2.5 (a point, not a comma, for decimals), or leave it empty"))
                    return
                }
            }
            var ratings: [Double?] = []
            if !ratingColumns.isEmpty {
                ratings = [Double?](repeating: nil, count: ratingSet.items.count)
                var bad = false
                for (position, rating) in ratingColumns.enumerated() {
                    switch ratingCells[position][row.withCell(rating.column) { self.rating($0, position: position) }] {
                    case .empty: break
                    case .value(let value): ratings[rating.item] = value
                    case .invalid(let message, let text):
                        builder.report(Self.badRating(message, value: text, item: ratingSet.items[rating.item], at: location(row.line, rating.column)))
                        bad = true
                    }
                }
                if bad { return }
            }
            let at = location(row.line, nil)
            guard let source = person(respondentID, origin: .respondent, at: at, into: &builder) else { return }
            let sourceOrganisation = respondentOrganisationColumn.flatMap { column in row.withCell(column) { organisationCell($0) } }
            builder.update(source, organisation: sourceOrganisation.flatMap { organisation($0, at: at, into: &builder) },
                           origin: .respondent, at: at)
            let targetOrganisation = contactOrganisationColumn.flatMap { column in row.withCell(column) { organisationCell($0) } }
                .flatMap { organisation($0, at: at, into: &builder) }
            if let several = nameCells.several[contactID] {
                builder.report(Diagnostic(.warning, code: "survey.several-contacts", at: location(row.line, contactColumn),
                                          "one contact cell names \(several.count) people separated by ';'; read as \(several.count) ties, one to each",
                                          value: nameCells.texts[contactID],
                                          fix: "give each contact a row of their own"))
                for name in several {
                    guard let target = builder.person(name, origin: .contact, at: at) else { continue }
                    builder.update(target, organisation: targetOrganisation, origin: .contact, at: at)
                    builder.addTie(source: source, target: target, theme: theme, strength: strength, ratings: ratings, at: at)
                }
                return
            }
            if nameCells.lineBreak[contactID], let text = nameCells.texts[contactID] {
                builder.report(Diagnostic(.warning, code: "survey.line-break-in-contact", at: location(row.line, contactColumn),
                                          "the contact cell holds a line break; read as one name", value: text,
                                          fix: "if it names several people, give each a row of their own or separate them with ';'"))
            }
            guard let target = person(contactID, origin: .contact, at: at, into: &builder) else { return }
            builder.update(target, organisation: targetOrganisation, origin: .contact, at: at)
            builder.addTie(source: source, target: target, theme: theme, strength: strength, ratings: ratings, at: at)
        }

        /// Reports what could only be known after the last row.
        mutating func finish(into builder: inout NetworkBuilder) {
            var position = unnamedPosition
            for (column, found) in unnamed {
                guard let found else { continue }
                builder.insert(Diagnostic(.warning, code: "survey.unnamed-column", at: location(found.line, column),
                                          "column \(column + 1) has no header; its values were ignored", value: found.value,
                                          fix: "give the column a header (a theme for contacts, or an attribute name)"),
                               at: position)
                position += 1
            }
        }

        private func repeatsHeader(_ row: some SurveyRow) -> Bool {
            let fields = row.texts()
            return fields.count == header.count && zip(fields, headerKeys).allSatisfy { NameKey.key($0) == $1 }
        }

        // MARK: - Cells, each worked out once per distinct text

        private mutating func name(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let (id, isNew) = names.intern(bytes)
            if isNew {
                let raw = String(decoding: bytes, as: UTF8.self)
                var text = NameKey.cleaned(raw)
                // Stray semicolons ("Bob Jones;", ";") separate nothing.
                let parts = bytes.contains(UInt8(ascii: ";")) ? raw.split(separator: ";").map { NameKey.cleaned($0) }.filter { !$0.isEmpty } : []
                if bytes.contains(UInt8(ascii: ";")), parts.count <= 1 { text = parts.first ?? "" }
                nameCells.texts.append(text.isEmpty ? nil : text)
                nameCells.nobody.append(!text.isEmpty && SurveyImporter.meansNobody(text))
                nameCells.person.append(-1)
                nameCells.headerKey.append(-1)
                // Several names only when every part reads as one (has a letter): '"]; x -> y; //' is one odd name.
                nameCells.several.append(parts.count > 1 && parts.allSatisfy { $0.contains(where: \.isLetter) } ? parts : nil)
                nameCells.lineBreak.append(bytes.contains(UInt8(ascii: "\n")) || bytes.contains(UInt8(ascii: "\r")))
            }
            return id
        }

        /// Whether a name's key is the respondent column's header key (a row
        /// repeating the header has it there).
        private mutating func hasHeaderKey(_ id: Int) -> Bool {
            if nameCells.headerKey[id] < 0 {
                nameCells.headerKey[id] = NameKey.key(nameCells.texts[id] ?? "") == headerKeys[respondentColumn] ? 1 : 0
            }
            return nameCells.headerKey[id] == 1
        }

        private mutating func person(_ id: Int, origin: NetworkBuilder.Origin, at location: SourceLocation,
                                     into builder: inout NetworkBuilder) -> Int? {
            let known = nameCells.person[id]
            if known >= 0 { return known }
            guard let text = nameCells.texts[id], let index = builder.person(text, origin: origin, at: location) else { return nil }
            nameCells.person[id] = index
            return index
        }

        private mutating func organisationCell(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            let (id, isNew) = organisations.intern(bytes)
            if isNew {
                let text = NameKey.cleaned(String(decoding: bytes, as: UTF8.self))
                organisationCells.append(OrganisationCell(text: text.isEmpty ? nil : text))
            }
            return organisationCells[id].text == nil ? nil : id
        }

        private mutating func organisation(_ id: Int, at location: SourceLocation, into builder: inout NetworkBuilder) -> Int? {
            let known = organisationCells[id].position
            if known >= 0 { return known }
            if known == -2 { return nil }
            let position = organisationCells[id].text.flatMap { builder.organisation($0, at: location) }
            organisationCells[id].position = position ?? -2
            return position
        }

        private mutating func theme(_ bytes: UnsafeBufferPointer<UInt8>, in themeSet: ThemeSet) -> Int {
            let (id, isNew) = themes.intern(bytes)
            if isNew {
                let text = NameKey.cleaned(String(decoding: bytes, as: UTF8.self))
                themeCells.append(text.isEmpty ? ThemeCell() : ThemeCell(text: text, index: themeSet.index(of: text)))
            }
            return id
        }

        /// The error for a rating that is not a number on its item's scale (both layouts).
        static func badRating(_ message: String, value: String, item: RatingItem, at location: SourceLocation) -> Diagnostic {
            Diagnostic(.error, code: "survey.bad-rating", at: location, message, value: value,
                       fix: "write a number from \(RatingItem.number(item.minimum)) to \(RatingItem.number(item.maximum)) (the scale of \(item.id); a point, not a comma, for decimals), or leave it empty; or declare the item's own scale", inputs: [.ratings])
        }

        /// What a rating cell holds, checked against its item's scale (both layouts).
        static func ratingCell(_ raw: String, item: RatingItem) -> StrengthCell {
            let text = NameKey.cleaned(raw)
            guard !text.isEmpty else { return .empty }
            let decimal = text.allSatisfy { "0123456789.eE+-".contains($0) }
            guard decimal, let value = Double(text), value.isFinite else {
                return .invalid(message: "the \(item.id) rating is not a number", text: text)
            }
            guard item.accepts(value) else {
                return .invalid(message: "the \(item.id) rating is off its scale of \(item.scaleText)", text: text)
            }
            return .value(value)
        }

        private mutating func rating(_ bytes: UnsafeBufferPointer<UInt8>, position: Int) -> Int {
            let (id, isNew) = ratingTexts[position].intern(bytes)
            if isNew {
                ratingCells[position].append(Self.ratingCell(String(decoding: bytes, as: UTF8.self), item: ratingSet.items[ratingColumns[position].item]))
            }
            return id
        }

        private mutating func strength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            let (id, isNew) = strengths.intern(bytes)
            if isNew {
                let raw = NameKey.cleaned(String(decoding: bytes, as: UTF8.self))
                if raw.isEmpty {
                    strengthCells.append(.empty)
                } else {
                    let decimal = raw.allSatisfy { "0123456789.eE+-".contains($0) }
                    // At most a billion, so that sums of strengths over any network stay finite and exact enough.
                    if decimal, let value = Double(raw), value >= 0, value <= 1e9 {
                        strengthCells.append(.value(value))
                    } else {
                        let tooLarge = decimal && (Double(raw) ?? 0) > 1e9
                        strengthCells.append(.invalid(
                            message: tooLarge ? "the strength is too large (at most 1,000,000,000)" : "the strength is not a number of zero or more", text: raw))
                    }
                }
            }
            return id
        }
    }
}
