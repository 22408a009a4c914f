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
}

/// The shape of an export: its platform, how many rows its header takes, and its columns.
struct ExportShape: Sendable {
    /// The platform recognised, or `nil` for a plain CSV.
    var platform: SurveyPlatform?
    /// Rows the header takes (1 to 3).
    var headerRows: Int
    /// Every column.
    var columns: [ExportColumn]

    /// Recognises an export from its first row and the next rows.
    ///
    /// - Parameters:
    ///   - header: the first row.
    ///   - following: up to two rows after it.
    ///   - forcedHeaderRows: `--header-rows`, when given.
    static func detect(header: [String], following: [[String]], forcedHeaderRows: Int?) -> ExportShape {
        let keys = header.map { NameKey.key($0) }
        let second = following.first ?? []
        let third = following.count > 1 ? following[1] : []
        func cells(_ row: [String]) -> [String] { row.map { NameKey.cleaned($0) } }

        if isQualtricsImportRow(cells(third)) || isQualtricsImportRow(cells(second)) {
            let importRow = isQualtricsImportRow(cells(third)) ? third : second
            let rows = forcedHeaderRows ?? (importRow == third ? 3 : 2)
            return qualtrics(ids: header, texts: importRow == third ? second : header, imports: importRow, headerRows: rows)
        }
        if keys.contains("respondent id") && keys.contains("collector id") || isSurveyMonkeySubHeader(cells(second)) {
            return surveyMonkey(questions: header, subLabels: second, headerRows: forcedHeaderRows ?? 2)
        }
        if keys.count >= 3, keys[0] == "id", keys[1] == "start time", keys[2] == "completion time" {
            return single(header, platform: .microsoftForms, metadata: microsoftFormsMetadata, headerRows: forcedHeaderRows)
        }
        if keys.first == "timestamp" {
            return single(header, platform: .googleForms, metadata: googleFormsMetadata, headerRows: forcedHeaderRows)
        }
        return single(header, platform: nil, metadata: [:], headerRows: forcedHeaderRows)
    }

    // MARK: - Each platform

    static let microsoftFormsMetadata: [String: MetadataKind] = [
        "id": .other, "start time": .other, "completion time": .other, "email": .other, "name": .name,
        "last modified time": .other, "total points": .other, "quiz feedback": .other,
    ]
    static let googleFormsMetadata: [String: MetadataKind] = [
        "timestamp": .other, "email address": .other, "score": .other,
    ]
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
        var columns = header.enumerated().map { index, raw in
            let text = NameKey.cleaned(raw)
            return ExportColumn(index: index, header: text, question: text, subLabel: nil, group: index,
                                metadata: metadata[NameKey.key(text)])
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
            let text = index < texts.count ? NameKey.cleaned(texts[index]) : id
            let importID = index < imports.count ? Self.importID(imports[index]) : ""
            let isQuestion = importID.uppercased().hasPrefix("QID")
            var kind: MetadataKind? = qualtricsMetadata[NameKey.key(id)]
            if kind == nil && !isQuestion && !importID.isEmpty { kind = .other }
            let questionID = isQuestion ? String(importID.split(separator: "_").first ?? Substring(importID)) : "col\(index)"
            let group = groupOfQuestion[questionID] ?? index
            groupOfQuestion[questionID] = group
            columns.append(ExportColumn(index: index, header: text.isEmpty ? id : text, question: text.isEmpty ? id : text,
                                        subLabel: nil, group: group, metadata: kind))
        }
        splitSubLabels(&columns)
        return ExportShape(platform: .qualtrics, headerRows: headerRows, columns: columns)
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
            let isBracket = columns[index].question.hasSuffix("]")
            guard isBracket || stems[key, default: 0] >= 2 else { continue }
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
