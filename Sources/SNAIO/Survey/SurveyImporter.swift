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
    /// The survey is read straight from its bytes into the network, row by
    /// row, without keeping its records.
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
        var surveyBytes: Data?
        do throws(InputError) { surveyBytes = try CSVReader.readBytes(path: path) } catch { missing += error.diagnostics }
        let peopleResult = options.peoplePath.map(read)
        let aliasesResult = options.aliasesPath.map(read)
        if !missing.isEmpty { throw InputError(.missingInput, missing) }
        guard var bytes = surveyBytes else { throw InputError(.missingInput, missing) }
        surveyBytes = nil
        var problems: [Diagnostic] = []
        func table(_ result: Result<CSVTable, InputError>?) -> CSVTable? {
            switch result {
            case .success(let table): return table
            case .failure(let error): problems += error.diagnostics; return nil
            case nil: return nil
            }
        }
        let people = table(peopleResult), aliases = table(aliasesResult)
        if !problems.isEmpty {
            // Report the survey's own problems first, as when it is read whole.
            var ignored = IgnoringSink()
            do throws(InputError) { _ = try CSVReader.scan(bytes, file: path, into: &ignored) } catch {
                problems = error.diagnostics + problems
            }
            throw InputError(.badData, problems)
        }
        var sink = SurveySink(file: path, builder: builder(people: people, aliases: aliases, options: options), options: options)
        do throws(InputError) { _ = try CSVReader.scan(bytes, file: path, into: &sink) } catch {
            throw InputError(.badData, error.diagnostics)
        }
        // The file's bytes are not needed to build the network.
        bytes = Data()
        return try sink.finish()
    }

    /// Reads tables already parsed.
    public static func load(
        survey: CSVTable, people: CSVTable? = nil, aliases: CSVTable? = nil, options: SurveyImportOptions = .init()
    ) throws(InputError) -> ImportedSurvey {
        var sink = SurveySink(file: survey.file, builder: builder(people: people, aliases: aliases, options: options), options: options)
        sink.header(survey.header, line: survey.headerLine)
        for record in survey.records { sink.read(record) }
        return try sink.finish()
    }

    /// A builder holding the declared themes, the aliases and the people file.
    private static func builder(people: CSVTable?, aliases: CSVTable?, options: SurveyImportOptions) -> NetworkBuilder {
        var builder = NetworkBuilder(themeSet: options.themes)
        if options.themes != .standard {
            // A declared theme set is what the survey asked, used or not.
            for index in options.themes.themes.indices { builder.declareTheme(index) }
        }
        if let aliases { AliasFileReader.read(aliases, into: &builder) }
        if let people { PeopleFileReader.read(people, into: &builder) }
        return builder
    }

    /// The layout of a survey from its header, or the problem that stops it being read.
    static func layout(of header: [String], file: String, line: Int, options: SurveyImportOptions) -> Result<SurveyLayout, InputError> {
        if let forced = options.layout { return .success(forced) }
        if let detected = detectLayout(header, themes: options.themes) {
            if detected == .long, !header.contains(where: { SurveyColumn.role(of: $0) == .theme }) {
                let themed = header.filter { ThemeColumn.theme(of: $0, in: options.themes) != nil }
                if !themed.isEmpty {
                    let names = themed.map { "'\(NameKey.cleaned($0))'" }.joined(separator: ", ")
                    return .failure(InputError(.badData, [Diagnostic(
                        .error, code: "survey.ambiguous-layout", at: SourceLocation(file: file, line: line),
                        "the header has a contact column and theme columns (\(names)), so it could be either layout",
                        fix: "pass --layout wide if each row is one respondent with contacts under the themes, or --layout long if each row is one tie")]))
                }
            }
            return .success(detected)
        }
        let headers = header.map { "'\(NameKey.cleaned($0))'" }.joined(separator: ", ")
        return .failure(InputError(.badData, [Diagnostic(
            .error, code: "survey.unknown-layout", at: SourceLocation(file: file, line: line),
            "cannot tell the survey's layout from its header (\(headers))",
            fix: "for one row per tie, name the columns respondent and contact; for one row per respondent, name a column respondent and one column per theme (work, innovation, expertise, informal, improvement, strategy, decision-making); or pass --layout")]))
    }

    /// The problem with a record among the first two when it looks like a
    /// survey platform's extra header row that was not declared.
    static func extraHeaderRow(_ fields: [String], line: Int, offset: Int, file: String) -> Diagnostic? {
        let cells = fields.map { NameKey.cleaned($0) }
        let qualtrics = cells.contains { $0.hasPrefix("{\"ImportId\"") }
        let surveyMonkey = cells.filter { $0 == "Response" || $0 == "Open-Ended Response" }.count >= 2
        guard qualtrics || surveyMonkey else { return nil }
        let rows = qualtrics ? 3 : offset + 2
        return Diagnostic(
            .error, code: "survey.extra-header-rows", at: SourceLocation(file: file, line: line),
            "this row looks like part of the header of a \(qualtrics ? "Qualtrics" : "SurveyMonkey") export, not an answer",
            value: cells.first { !$0.isEmpty } ?? "",
            fix: "pass --header-rows \(rows) (the header takes \(rows) rows), or delete the extra header rows")
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

/// Reads a survey's records into a network as they come: the long layout row
/// by row, the wide layout (which needs each respondent's last row) from the
/// records kept.
private struct SurveySink: CSVRecordSink {
    let file: String
    var builder: NetworkBuilder
    let options: SurveyImportOptions
    private var header: [String] = []
    private var headerLine = 0
    private var layout: Result<SurveyLayout, InputError>?
    /// A declared-header-rows problem found in the first records.
    private var problem: Diagnostic?
    private var session: LongSurveyReader.Session?
    private var wideRecords: [CSVRecord] = []
    /// Records seen, and records read (after the extra header rows).
    private var seen = 0
    private var rows = 0

    init(file: String, builder: NetworkBuilder, options: SurveyImportOptions) {
        self.file = file
        self.builder = builder
        self.options = options
    }

    mutating func header(_ cells: [String], line: Int) {
        header = cells
        headerLine = line
        let layout = SurveyImporter.layout(of: cells, file: file, line: line, options: options)
        self.layout = layout
        if case .success(.long) = layout {
            session = LongSurveyReader.Session(file: file, header: cells, headerLine: line, into: &builder)
        }
    }

    mutating func record(_ row: CSVRow) { read(row) }

    mutating func read(_ row: some SurveyRow) {
        let offset = seen
        seen += 1
        guard problem == nil else { return }
        let extra = max(0, options.headerRows - 1)
        if offset < extra { return }
        if extra == 0 && offset < 2,
           let problem = SurveyImporter.extraHeaderRow(row.texts(), line: row.line, offset: offset, file: file) {
            self.problem = problem
            return
        }
        rows += 1
        switch layout {
        case .success(.long): session?.read(row, into: &builder)
        case .success(.wide): wideRecords.append(CSVRecord(line: row.line, fields: row.texts()))
        default: break
        }
    }

    mutating func finish() throws(InputError) -> ImportedSurvey {
        if let problem { throw InputError(.badData, [problem]) }
        let layout: SurveyLayout
        switch self.layout {
        case .success(let value): layout = value
        case .failure(let error): throw error
        case nil: throw InputError(.badData, [])
        }
        switch layout {
        case .long: session?.finish(into: &builder)
        case .wide:
            WideSurveyReader.read(CSVTable(file: file, header: header, headerLine: headerLine, records: wideRecords), into: &builder)
        }
        let network = try builder.build()
        if network.people.isEmpty {
            throw InputError(.badData, network.warnings + [Diagnostic(
                .error, code: "survey.no-people", at: SourceLocation(file: file),
                "the survey names nobody", fix: "check that the file holds the survey's answers below its header")])
        }
        return ImportedSurvey(network: network, file: file, layout: layout, rows: rows)
    }
}

/// Checks a file's CSV without keeping anything.
private struct IgnoringSink: CSVRecordSink {
    mutating func header(_ cells: [String], line: Int) {}
    mutating func record(_ row: CSVRow) {}
}
