import SNACore

/// A survey platform whose export shape snatool recognises from the header.
///
/// Each platform writes its own metadata columns and its own header rows
/// (docs/input-formats.md, "Survey platform exports").
public enum SurveyPlatform: String, CaseIterable, Sendable, Codable {
    /// Microsoft Forms: `ID`, `Start time`, `Completion time`, `Email`, `Name`, then the questions.
    case microsoftForms = "microsoft-forms"
    /// SurveyMonkey's expanded export: two header rows (question, then each sub-column).
    case surveyMonkey = "surveymonkey"
    /// Google Forms: `Timestamp`, an optional `Email address`, then the questions.
    case googleForms = "google-forms"
    /// Qualtrics: three header rows (column ids, question text, `{"ImportId": ...}`).
    case qualtrics

    /// The platform's name as people write it.
    public var title: String {
        switch self {
        case .microsoftForms: "Microsoft Forms"
        case .surveyMonkey: "SurveyMonkey"
        case .googleForms: "Google Forms"
        case .qualtrics: "Qualtrics"
        }
    }
}

/// What a platform's metadata column holds.
enum MetadataKind: Sendable, Equatable {
    /// The respondent's name as the platform recorded it (Forms `Name`).
    case name
    /// The respondent's first name (SurveyMonkey `First Name`, Qualtrics `RecipientFirstName`).
    case firstName
    /// The respondent's last name.
    case lastName
    /// Anything else: ids, dates, addresses, progress.
    case other
}

/// One column of an export as its platform shapes it.
struct ExportColumn: Sendable {
    /// Position in the row, from 0.
    var index: Int
    /// The header shown to the user and matched by a `--columns` file: the
    /// question text, with the sub-column's label after " - " when the
    /// question spans several columns.
    var header: String
    /// The question's text, which the wording rules read.
    var question: String
    /// The sub-column's label: "Contact 1", a choice's text, a grid row.
    var subLabel: String?
    /// Columns of one question share a group.
    var group: Int
    /// Set for the platform's own metadata columns.
    var metadata: MetadataKind?
    /// The platform's own id of the column (Qualtrics `Q3_1`), which a `--columns` file may name.
    var id: String? = nil
}

/// The shape of an export: its platform, how many rows its header takes, and its columns.
struct ExportShape: Sendable {
    /// The platform recognised, or `nil` for a plain CSV.
    var platform: SurveyPlatform?
    /// Rows the header takes (1 to 3).
    var headerRows: Int
    /// Every column.
    var columns: [ExportColumn]
    /// The header rows as written, so that a repeat of any of them (two exports joined) is skipped.
    var rawHeaderRows: [[String]] = []

    /// Recognises an export from its first row and the next rows.
    ///
    /// - Parameters:
    ///   - header: the first row.
    ///   - following: up to two rows after it.
    ///   - forcedHeaderRows: `--header-rows`, when given.
    static func detect(header: [String], following: [[String]], forcedHeaderRows: Int?) -> ExportShape {
        var shape = recognise(header: header, following: following, forcedHeaderRows: forcedHeaderRows)
        shape.rawHeaderRows = [header] + following.prefix(max(0, shape.headerRows - 1))
        return shape
    }

    private static func recognise(header: [String], following: [[String]], forcedHeaderRows: Int?) -> ExportShape {
        let keys = header.map { NameKey.key($0) }
        let second = following.first ?? []
        let third = following.count > 1 ? following[1] : []
        func cells(_ row: [String]) -> [String] { row.map { NameKey.cleaned($0) } }

        if isQualtricsImportRow(cells(third)) || isQualtricsImportRow(cells(second)) {
            let importRow = isQualtricsImportRow(cells(third)) ? third : second
            let rows = forcedHeaderRows ?? (importRow == third ? 3 : 2)
            return qualtrics(ids: header, texts: importRow == third ? second : header, imports: importRow, headerRows: rows)
        }
        // Qualtrics without its import-id row (or its older V1, V2 ... export): ids, then the question text.
        let secondKeys = Set(second.map { NameKey.key($0) })
        if (keys.contains("responseid") || keys.contains("startdate") || keys.first.map(isQualtricsVariable) == true),
           !secondKeys.isDisjoint(with: ["response id", "responseid", "start date", "startdate"]) {
            return qualtrics(ids: header, texts: second, imports: [], headerRows: forcedHeaderRows ?? 2)
        }
        if isSurveyMonkeySubHeader(cells(second)) || keys.contains("respondent id") && keys.contains("collector id")
            && isSurveyMonkeySecondRow(second, keys: keys) {
            return surveyMonkey(questions: header, subLabels: second, headerRows: forcedHeaderRows ?? 2)
        }
        if keys.contains("respondent id") && keys.contains("collector id") {
            // A SurveyMonkey export whose second header row was deleted: one row of headers, blanks still carrying their question.
            return surveyMonkey(questions: header, subLabels: [], headerRows: forcedHeaderRows ?? 1)
        }
        if keys.count >= 3, keys[0] == "id", microsoftFormsStart.contains(keys[1]), microsoftFormsCompletion.contains(keys[2]) {
            return single(header, platform: .microsoftForms, metadata: microsoftFormsMetadata, headerRows: forcedHeaderRows)
        }
        if let first = keys.first, googleFormsTimestamp.contains(first) {
            return single(header, platform: .googleForms, metadata: googleFormsMetadata, headerRows: forcedHeaderRows)
        }
        return single(header, platform: nil, metadata: [:], headerRows: forcedHeaderRows)
    }

    /// Whether SurveyMonkey's second row is a header row: blank under the
    /// metadata columns (an answer row has a respondent id there).
    private static func isSurveyMonkeySecondRow(_ row: [String], keys: [String]) -> Bool {
        guard let id = keys.firstIndex(of: "respondent id") else { return false }
        return id >= row.count || NameKey.cleaned(row[id]).isEmpty
    }

    /// Qualtrics' older exports head their columns V1, V2 ...
    private static func isQualtricsVariable(_ key: String) -> Bool {
        key.count >= 2 && key.first == "v" && key.dropFirst().allSatisfy(\.isNumber)
    }

    // MARK: - Each platform

    /// Forms' start and completion headers in English and the languages its exports are most often seen in.
    static let microsoftFormsStart: Set<String> = ["start time", "startzeit", "heure de début", "hora de inicio", "begintijd", "ora di inizio"]
    static let microsoftFormsCompletion: Set<String> = [
        "completion time", "fertigstellungszeit", "heure de fin", "hora de finalización", "tijdstip van voltooiing", "ora di completamento",
    ]
    static let microsoftFormsMetadata: [String: MetadataKind] = {
        var table: [String: MetadataKind] = [
            "id": .other, "email": .other, "e-mail": .other, "adresse de messagerie": .other, "correo electrónico": .other,
            "name": .name, "nom": .name, "nombre": .name, "naam": .name, "nome": .name,
            "last modified time": .other, "letzte änderung": .other, "letzte änderungszeit": .other, "total points": .other, "quiz feedback": .other,
        ]
        for key in microsoftFormsStart.union(microsoftFormsCompletion) { table[key] = .other }
        return table
    }()
    /// Google Forms' timestamp header in English and common other languages.
    static let googleFormsTimestamp: Set<String> = ["timestamp", "zeitstempel", "horodateur", "marca temporal", "tijdstempel", "informazioni cronologiche", "carimbo de data/hora"]
    static let googleFormsMetadata: [String: MetadataKind] = {
        var table: [String: MetadataKind] = [
            "email address": .other, "e-mail-adresse": .other, "adresse e-mail": .other, "dirección de correo electrónico": .other,
            "e-mailadres": .other, "indirizzo email": .other, "score": .other, "punkte": .other,
        ]
        for key in googleFormsTimestamp { table[key] = .other }
        return table
    }()
    static let surveyMonkeyMetadata: [String: MetadataKind] = [
        "respondent id": .other, "collector id": .other, "start date": .other, "end date": .other,
        "ip address": .other, "email address": .other, "first name": .firstName, "last name": .lastName,
    ]
    static let qualtricsMetadata: [String: MetadataKind] = [
        "startdate": .other, "enddate": .other, "status": .other, "ipaddress": .other, "progress": .other,
        "duration (in seconds)": .other, "finished": .other, "recordeddate": .other, "responseid": .other,
        "recipientlastname": .lastName, "recipientfirstname": .firstName, "recipientemail": .other,
        "externalreference": .other, "externaldatareference": .other, "locationlatitude": .other,
        "locationlongitude": .other, "distributionchannel": .other, "userlanguage": .other,
    ]

    /// The metadata of Qualtrics' older V1, V2 ... export, by its text row.
    static let qualtricsLegacyMetadata: [String: MetadataKind] = [
        "responseid": .other, "responseset": .other, "name": .name, "externaldatareference": .other, "emailaddress": .other,
        "ipaddress": .other, "status": .other, "startdate": .other, "enddate": .other, "finished": .other,
    ]

    private static func isQualtricsImportRow(_ cells: [String]) -> Bool {
        let filled = cells.filter { !$0.isEmpty }
        return !filled.isEmpty && filled.filter { $0.hasPrefix("{\"ImportId\"") || $0.hasPrefix("{'ImportId'") }.count * 2 >= filled.count
    }

    private static func isSurveyMonkeySubHeader(_ cells: [String]) -> Bool {
        cells.filter { $0 == "Response" || $0 == "Open-Ended Response" }.count >= 2
    }

    /// A one-row header: each column its own question, except those whose
    /// headers share a stem (`Question [Row]`, `Question - Contact 1`).
    private static func single(
        _ header: [String], platform: SurveyPlatform?, metadata: [String: MetadataKind], headerRows: Int?
    ) -> ExportShape {
        // The platform writes its metadata first: a question that happens to be headed "Name" later is a question.
        var leading = true
        var seen = Set<String>()
        var columns = header.enumerated().map { index, raw in
            let text = NameKey.cleaned(raw)
            let key = NameKey.key(text)
            let kind = leading && !seen.contains(key) ? metadata[key] : nil
            seen.insert(key)
            if kind == nil { leading = false }
            return ExportColumn(index: index, header: text, question: text, subLabel: nil, group: index, metadata: kind)
        }
        splitSubLabels(&columns)
        return ExportShape(platform: platform, headerRows: headerRows ?? 1, columns: columns)
    }

    /// SurveyMonkey: the question's text heads its first column and the
    /// following ones are blank; row 2 names each sub-column.
    private static func surveyMonkey(questions: [String], subLabels: [String], headerRows: Int) -> ExportShape {
        var columns: [ExportColumn] = []
        var question = "", group = -1
        for (index, raw) in questions.enumerated() {
            let text = NameKey.cleaned(raw)
            let sub = index < subLabels.count ? NameKey.cleaned(subLabels[index]) : ""
            if !text.isEmpty || group < 0 {
                question = text
                group = index
            }
            let kind = text.isEmpty ? nil : surveyMonkeyMetadata[NameKey.key(text)] ?? (NameKey.key(text).hasPrefix("custom data") ? .other : nil)
            let plain = sub.isEmpty || sub == "Response" || sub == "Open-Ended Response"
            columns.append(ExportColumn(
                index: index, header: plain ? question : "\(question) - \(sub)", question: question,
                subLabel: plain ? nil : sub, group: group, metadata: kind))
        }
        // A question whose one column says "Response" is read as that column alone.
        return ExportShape(platform: .surveyMonkey, headerRows: headerRows, columns: columns)
    }

    /// Qualtrics: row 1 the column ids, row 2 the question text ("Question -
    /// Sub-label"), row 3 `{"ImportId":"QID3_1"}`.
    private static func qualtrics(ids: [String], texts: [String], imports: [String], headerRows: Int) -> ExportShape {
        var groupOfQuestion: [String: Int] = [:]
        var columns: [ExportColumn] = []
        for (index, rawID) in ids.enumerated() {
            let id = NameKey.cleaned(rawID)
            let text = index < texts.count ? withoutPipedText(NameKey.cleaned(texts[index])) : id
            // A loop-and-merge copy of a question is prefixed "1_", "2_" ...
            var importID = index < imports.count ? Self.importID(imports[index]) : ""
            if let underscore = importID.firstIndex(of: "_"), importID[..<underscore].allSatisfy(\.isNumber), !importID[..<underscore].isEmpty {
                importID = String(importID[importID.index(after: underscore)...])
            }
            let isQuestion = importID.uppercased().hasPrefix("QID")
                || imports.isEmpty && qualtricsMetadata[NameKey.key(id)] == nil && !(isQualtricsVariable(NameKey.key(id)) && qualtricsLegacyMetadata[NameKey.key(text)] != nil)
            // The older export heads its columns V1, V2 ...: its metadata is known by the text row.
            let legacy = isQualtricsVariable(NameKey.key(id))
            var kind: MetadataKind? = qualtricsMetadata[NameKey.key(id)] ?? (legacy ? qualtricsLegacyMetadata[NameKey.key(text)] : nil)
            if kind == nil && !isQuestion && !importID.isEmpty { kind = .other }
            // Display-order columns record how choices were shuffled.
            if importID.uppercased().hasSuffix("_DO") || NameKey.key(id).hasSuffix("_do") { kind = .other }
            let questionID = isQuestion && !importID.isEmpty ? String(importID.split(separator: "_").first ?? Substring(importID))
                : isQuestion ? String(id.split(separator: "_").first ?? Substring(id)) : "col\(index)"
            let group = groupOfQuestion[questionID] ?? index
            groupOfQuestion[questionID] = group
            columns.append(ExportColumn(index: index, header: text.isEmpty ? id : text, question: text.isEmpty ? id : text,
                                        subLabel: nil, group: group, metadata: kind, id: id))
        }
        splitSubLabels(&columns)
        return ExportShape(platform: .qualtrics, headerRows: headerRows, columns: columns)
    }

    /// A question's text without Qualtrics' piped text (`${lm://Field/1} - Who ...`).
    private static func withoutPipedText(_ text: String) -> String {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            rest = rest[rest.index(after: close)...]
        }
        result += rest.contains("${") ? "" : rest
        return NameKey.cleaned(String(result.drop { $0 == " " || $0 == "-" }))
    }

    /// The id in `{"ImportId":"QID3_1"}`.
    private static func importID(_ cell: String) -> String {
        guard let range = cell.range(of: "ImportId") else { return "" }
        let rest = cell[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == ":" || $0 == " " }
        return String(rest.prefix { $0 != "\"" && $0 != "'" && $0 != "," && $0 != "}" })
    }

    /// Splits "Question [Row]" and "Question - Sub-label" into a stem and a
    /// sub-label, grouping the columns that share a stem. " - " splits only
    /// when two or more columns share what comes before it, since a
    /// question's own text may hold a dash.
    private static func splitSubLabels(_ columns: inout [ExportColumn]) {
        func bracketed(_ text: String) -> (String, String)? {
            guard text.hasSuffix("]"), let open = text.lastIndex(of: "["), open > text.startIndex else { return nil }
            let stem = NameKey.cleaned(String(text[..<open]))
            let sub = NameKey.cleaned(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
            return stem.isEmpty || sub.isEmpty ? nil : (stem, sub)
        }
        func dashed(_ text: String) -> (String, String)? {
            guard let range = text.range(of: " - ", options: .backwards) else { return nil }
            let stem = NameKey.cleaned(String(text[..<range.lowerBound]))
            let sub = NameKey.cleaned(String(text[range.upperBound...]))
            return stem.isEmpty || sub.isEmpty ? nil : (stem, sub)
        }
        var stems: [String: Int] = [:]
        var splits: [(String, String)?] = []
        for column in columns {
            let split = column.metadata == nil ? (bracketed(column.question) ?? dashed(column.question)) : nil
            splits.append(split)
            if let (stem, _) = split { stems[NameKey.key(stem), default: 0] += 1 }
        }
        var groupOfStem: [String: Int] = [:]
        for index in columns.indices {
            guard let (stem, sub) = splits[index] else { continue }
            let key = NameKey.key(stem)
            // A single "Question [hint]" column is a question with a hint, not a grid of one row.
            guard stems[key, default: 0] >= 2 else { continue }
            let group = groupOfStem[key] ?? columns[index].group
            groupOfStem[key] = group
            columns[index].question = stem
            columns[index].subLabel = sub
            columns[index].group = group
        }
    }
}

extension ExportColumn {
    /// Whether the sub-label is a numbered box or an "other" box, whose cell
    /// holds the contact's name ("Contact 1", "2", "Other (please specify)"),
    /// rather than a roster entry that names the contact itself.
    var subLabelIsSlot: Bool {
        guard let subLabel else { return true }
        let words = NameKey.label(subLabel).split(separator: " ")
        return words.isEmpty || words.allSatisfy { ThemeColumn.fillerWords.contains($0) || $0.allSatisfy(\.isNumber) || $0 == "response" || $0 == "ended" || $0 == "open" || $0 == "box" || $0 == "text" }
    }
}
