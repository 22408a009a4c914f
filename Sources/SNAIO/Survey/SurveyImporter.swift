import Foundation
import SNACore

/// What to read and how.
public struct SurveyImportOptions: Sendable {
    /// The layout, or `nil` to detect it from the header.
    public var layout: SurveyLayout?
    /// The themes the survey may use.
    public var themes: ThemeSet
    /// A people file: an `id` column plus attributes.
    public var peoplePath: String?
    /// An aliases file: `alias,name` pairs.
    public var aliasesPath: String?
    /// Rows at the top of the survey that form its header (Qualtrics exports
    /// 3, SurveyMonkey 2); the first names the columns, the others are skipped.
    public var headerRows: Int

    /// Creates options; by default the layout is detected and the standard themes used.
    public init(
        layout: SurveyLayout? = nil, themes: ThemeSet = .standard, peoplePath: String? = nil, aliasesPath: String? = nil,
        headerRows: Int = 1
    ) {
        self.headerRows = headerRows
        self.layout = layout
        self.themes = themes
        self.peoplePath = peoplePath
        self.aliasesPath = aliasesPath
    }
}

/// A survey read into a network, with how it was read.
public struct ImportedSurvey: Sendable {
    /// The network.
    public var network: PartnershipNetwork
    /// The survey file's path.
    public var file: String
    /// The layout used.
    public var layout: SurveyLayout
    /// The survey rows read.
    public var rows: Int
}

/// Reads survey files (long or wide), people files and alias files into a
/// ``PartnershipNetwork``. The rules are in docs/input-formats.md.
///
/// ```swift
/// let survey = try SurveyImporter.load(path: "survey.csv", options: .init(peoplePath: "people.csv"))
/// print(survey.network.people.count)
/// ```
public enum SurveyImporter {
    /// Contacts written as these mean "nobody" and are skipped with a warning.
    public static let noContactSpellings: Set<String> = ["none", "n a", "na", "nobody", "no one", "noone", "nil"]

    /// Reads a survey and its companion files.
    ///
    /// - Throws: ``InputError`` listing every problem found in any of the files.
    public static func load(path: String, options: SurveyImportOptions = .init()) throws(InputError) -> ImportedSurvey {
        // Read every file first so that missing ones are all reported together.
        var missing: [Diagnostic] = []
        func read(_ path: String) -> Result<CSVTable, InputError> {
            do throws(InputError) { return .success(try CSVReader.read(path: path)) } catch {
                if error.kind == .missingInput { missing += error.diagnostics }
                return .failure(error)
            }
        }
        if let people = options.peoplePath, sameFile(people, path) {
            throw InputError(.usage, [Diagnostic(.error, code: "file.same-as-survey", at: SourceLocation(file: people),
                                                 "the people file is the survey itself",
                                                 fix: "give --people a file with one row per person (an id column and attributes)")])
        }
        let surveyResult = read(path)
        let peopleResult = options.peoplePath.map(read)
        let aliasesResult = options.aliasesPath.map(read)
        if !missing.isEmpty { throw InputError(.missingInput, missing) }
        var problems: [Diagnostic] = []
        func table(_ result: Result<CSVTable, InputError>?) -> CSVTable? {
            switch result {
            case .success(let table): return table
            case .failure(let error): problems += error.diagnostics; return nil
            case nil: return nil
            }
        }
        let survey = table(surveyResult), people = table(peopleResult), aliases = table(aliasesResult)
        if !problems.isEmpty { throw InputError(.badData, problems) }
        return try load(survey: survey!, people: people, aliases: aliases, options: options)
    }

    /// Reads tables already parsed.
    public static func load(
        survey: CSVTable, people: CSVTable? = nil, aliases: CSVTable? = nil, options: SurveyImportOptions = .init()
    ) throws(InputError) -> ImportedSurvey {
        var builder = NetworkBuilder(themeSet: options.themes)
        if options.themes != .standard {
            // A declared theme set is what the survey asked, used or not.
            for index in options.themes.themes.indices { builder.declareTheme(index) }
        }
        if let aliases { AliasFileReader.read(aliases, into: &builder) }
        if let people { PeopleFileReader.read(people, into: &builder) }
        var survey = survey
        if let problem = skipHeaderRows(&survey, count: options.headerRows) {
            throw InputError(.badData, [problem])
        }
        let layout: SurveyLayout
        if let forced = options.layout {
            layout = forced
        } else if let detected = detectLayout(survey.header, themes: options.themes) {
            if detected == .long, !survey.header.contains(where: { SurveyColumn.role(of: $0) == .theme }) {
                let themed = survey.header.filter { ThemeColumn.theme(of: $0, in: options.themes) != nil }
                if !themed.isEmpty {
                    let names = themed.map { "'\(NameKey.cleaned($0))'" }.joined(separator: ", ")
                    throw InputError(.badData, [Diagnostic(
                        .error, code: "survey.ambiguous-layout", at: SourceLocation(file: survey.file, line: survey.headerLine),
                        "the header has a contact column and theme columns (\(names)), so it could be either layout",
                        fix: "pass --layout wide if each row is one respondent with contacts under the themes, or --layout long if each row is one tie")])
                }
            }
            layout = detected
        } else {
            let headers = survey.header.map { "'\(NameKey.cleaned($0))'" }.joined(separator: ", ")
            throw InputError(.badData, [Diagnostic(
                .error, code: "survey.unknown-layout", at: SourceLocation(file: survey.file, line: survey.headerLine),
                "cannot tell the survey's layout from its header (\(headers))",
                fix: "for one row per tie, name the columns respondent and contact; for one row per respondent, name a column respondent and one column per theme (work, innovation, expertise, informal, improvement, strategy, decision-making); or pass --layout")])
        }
        switch layout {
        case .long: LongSurveyReader.read(survey, into: &builder)
        case .wide: WideSurveyReader.read(survey, into: &builder)
        }
        let network = try builder.build()
        if network.people.isEmpty {
            throw InputError(.badData, network.warnings + [Diagnostic(
                .error, code: "survey.no-people", at: SourceLocation(file: survey.file),
                "the survey names nobody", fix: "check that the file holds the survey's answers below its header")])
        }
        return ImportedSurvey(network: network, file: survey.file, layout: layout, rows: survey.records.count)
    }

    /// Skips the extra header rows a survey platform adds (`count` - 1 rows
    /// after the header), and refuses rows that look like such a header when
    /// they were not declared.
    static func skipHeaderRows(_ table: inout CSVTable, count: Int) -> Diagnostic? {
        let extra = max(0, count - 1)
        if extra > 0 {
            table.records.removeFirst(min(extra, table.records.count))
            return nil
        }
        for (offset, record) in table.records.prefix(2).enumerated() {
            let cells = record.fields.map { NameKey.cleaned($0) }
            let qualtrics = cells.contains { $0.hasPrefix("{\"ImportId\"") }
            let surveyMonkey = cells.filter { $0 == "Response" || $0 == "Open-Ended Response" }.count >= 2
            guard qualtrics || surveyMonkey else { continue }
            let rows = qualtrics ? 3 : offset + 2
            return Diagnostic(
                .error, code: "survey.extra-header-rows", at: table.location(line: record.line, column: nil),
                "this row looks like part of the header of a \(qualtrics ? "Qualtrics" : "SurveyMonkey") export, not an answer",
                value: cells.first { !$0.isEmpty } ?? "",
                fix: "pass --header-rows \(rows) (the header takes \(rows) rows), or delete the extra header rows")
        }
        return nil
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        guard a != "-", b != "-" else { return false }
        let ra = URL(fileURLWithPath: a).resolvingSymlinksInPath().standardizedFileURL.path
        let rb = URL(fileURLWithPath: b).resolvingSymlinksInPath().standardizedFileURL.path
        return ra == rb
    }

    /// Whether a record repeats the header (two exports joined into one file).
    static func repeatsHeader(_ record: CSVRecord, of table: CSVTable) -> Bool {
        record.fields.count == table.header.count
            && zip(record.fields, table.header).allSatisfy { NameKey.key($0) == NameKey.key($1) }
    }

    /// Warns about a record that repeats the header; returns whether it did.
    static func skipRepeatedHeader(_ record: CSVRecord, of table: CSVTable, into builder: inout NetworkBuilder) -> Bool {
        guard repeatsHeader(record, of: table) else { return false }
        builder.report(Diagnostic(.warning, code: "survey.repeated-header", at: table.location(line: record.line, column: nil),
                                  "this row repeats the header (two exports joined?) and was skipped",
                                  fix: "delete the repeated header line"))
        return true
    }

    /// Warns about columns with no header that hold data.
    static func reportUnnamedColumns(_ table: CSVTable, into builder: inout NetworkBuilder) {
        for (index, header) in table.header.enumerated() where NameKey.cleaned(header).isEmpty {
            if let record = table.records.first(where: { !NameKey.cleaned($0.fields[index]).isEmpty }) {
                builder.report(Diagnostic(.warning, code: "survey.unnamed-column", at: table.location(line: record.line, column: index + 1),
                                          "column \(index + 1) has no header; its values were ignored", value: NameKey.cleaned(record.fields[index]),
                                          fix: "give the column a header (a theme for contacts, or an attribute name)"))
            }
        }
    }

    /// The layout a header shows: long when it has a contact column, wide when
    /// it has theme columns and a respondent column, otherwise `nil`.
    public static func detectLayout(_ header: [String], themes: ThemeSet) -> SurveyLayout? {
        let roles = header.compactMap(SurveyColumn.role(of:))
        if roles.contains(.contact) { return .long }
        if roles.contains(.respondent), header.contains(where: { ThemeColumn.theme(of: $0, in: themes) != nil }) {
            return .wide
        }
        return nil
    }

    /// The columns of a table that play each role; reports a role claimed twice.
    static func columns(
        of table: CSVTable, roles allowed: Set<SurveyColumn>, into builder: inout NetworkBuilder
    ) -> [SurveyColumn: Int] {
        var columns: [SurveyColumn: Int] = [:]
        for (index, cell) in table.header.enumerated() {
            guard let role = SurveyColumn.role(of: cell), allowed.contains(role) else { continue }
            if let first = columns[role] {
                builder.report(Diagnostic(
                    .error, code: "survey.duplicate-column", at: table.location(line: table.headerLine, column: index + 1),
                    "two columns are both the \(role.rawValue) column (columns \(first + 1) and \(index + 1))",
                    value: NameKey.cleaned(cell), fix: "rename or remove one of them"))
            } else {
                columns[role] = index
            }
        }
        return columns
    }

    /// Reports a required column that is missing.
    static func require(
        _ role: SurveyColumn, in columns: [SurveyColumn: Int], table: CSVTable, into builder: inout NetworkBuilder
    ) {
        guard columns[role] == nil else { return }
        let accepted = role.spellings.prefix(6).joined(separator: ", ")
        builder.report(Diagnostic(
            .error, code: "survey.missing-column", at: SourceLocation(file: table.file, line: table.headerLine),
            "there is no \(role.rawValue) column",
            fix: "add a column headed \(role.rawValue) (also accepted: \(accepted))"))
    }

    /// Whether a contact cell means "nobody".
    static func meansNobody(_ text: String) -> Bool {
        noContactSpellings.contains(NameKey.label(text)) || NameKey.cleaned(text) == "-"
    }
}
