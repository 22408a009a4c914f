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
    /// Rows at the top of the survey that form its header, or `nil` to tell
    /// from the export's shape (Qualtrics writes 3, SurveyMonkey 2).
    public var headerRows: Int?
    /// A `--columns` file saying what each column holds (``ColumnMapping``).
    public var columnsPath: String?
    /// The worksheet of a workbook survey, or `nil` for the first.
    public var sheet: String?
    /// The items each named tie is rated on (docs/input-formats.md, "Tie ratings"); none by default.
    public var ratings: RatingSet = .none

    /// Creates options; by default the layout, the platform and the header
    /// rows are told from the file, and the standard themes used.
    public init(
        layout: SurveyLayout? = nil, themes: ThemeSet = .standard, peoplePath: String? = nil, aliasesPath: String? = nil,
        headerRows: Int? = nil, columnsPath: String? = nil, sheet: String? = nil, ratings: RatingSet = .none
    ) {
        self.ratings = ratings
        self.headerRows = headerRows
        self.layout = layout
        self.themes = themes
        self.peoplePath = peoplePath
        self.aliasesPath = aliasesPath
        self.columnsPath = columnsPath
        self.sheet = sheet
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
    /// How the file was read: its platform, header rows and what each column holds.
    public var reading: SurveyReading
    /// The network format the file was in (``InterchangeReader``), or `nil` for a survey.
    public var format: InterchangeFormat? = nil
    /// Organisations an organisations file lists that are not in the survey (``OrganisationsFileReader``).
    public var listedOrganisations: [ListedOrganisation] = []
    /// Where the organisations file gives each survey organisation's type (the
    /// row's type cell), by ``NameKey/key(_:)`` of the name (``OrganisationsFileReader``).
    public var organisationTypeLocations: [String: SourceLocation] = [:]
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
                                                 fix: "give as the people file one with one row per person (an id column and attributes)", inputs: [.peopleFile])])
        }
        var surveyBytes: Data?
        do throws(InputError) { surveyBytes = try CSVReader.readBytes(path: path) } catch { missing += error.diagnostics }
        let peopleResult = options.peoplePath.map(read)
        let aliasesResult = options.aliasesPath.map(read)
        let columnsResult = options.columnsPath.map(read)
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
        let mapping = columnMapping(table(columnsResult), options: options, problems: &problems)
        if !problems.isEmpty {
            // Report the survey's own problems first, as when it is read whole.
            var ignored = IgnoringSink()
            do throws(InputError) { _ = try CSVReader.scan(bytes, file: path, into: &ignored) } catch {
                problems = error.diagnostics + problems
            }
            throw InputError(.badData, problems)
        }
        if let format = InterchangeReader.detect(bytes) {
            // A network file of another tool (GraphML, GEXF, Pajek, DL, node-link JSON, Gephi CSV), told by its content.
            return try InterchangeReader.load(bytes, format: format, path: path, options: options, people: people, aliases: aliases)
        }
        if InterchangeReader.isOtherXML(bytes) {
            throw InputError(.badData, [Diagnostic(.error, code: "file.unknown-xml", at: SourceLocation(file: path),
                                                   "the file is XML but neither GraphML nor GEXF, so it is not a network snatool reads",
                                                   fix: "give a survey (CSV or .xlsx), or a GraphML, GEXF, Pajek, UCINET DL, node-link JSON or Gephi CSV network")])
        }
        if WorkbookReader.isWorkbook(bytes, path: path) {
            // A workbook (a Microsoft Forms download): its sheet as a table, read like a parsed CSV.
            let table = try WorkbookReader.table(data: bytes, file: path, sheet: options.sheet)
            bytes = Data()
            var sink = SurveySink(file: path, sheet: table.sheet, builder: builder(people: people, aliases: aliases, options: options),
                                  options: options, mapping: mapping)
            sink.header(table.header, line: table.headerLine)
            for record in table.records { sink.read(record) }
            return try sink.finish()
        }
        if options.sheet != nil {
            throw InputError(.usage, [Diagnostic(.error, code: "file.not-a-workbook", at: SourceLocation(file: path),
                                                 "a worksheet was named, but the survey is not a workbook",
                                                 fix: "name no sheet for a CSV survey", inputs: [.sheet])])
        }
        var sink = SurveySink(file: path, builder: builder(people: people, aliases: aliases, options: options), options: options,
                              mapping: mapping)
        do throws(InputError) { _ = try CSVReader.scan(bytes, file: path, into: &sink) } catch {
            throw InputError(.badData, error.diagnostics)
        }
        // The file's bytes are not needed to build the network.
        bytes = Data()
        return try sink.finish()
    }

    /// How a survey file would be read, from its header: the platform, the
    /// header rows, what each column holds and the problems found there.
    /// Reads no answers, so a survey whose header has errors can be inspected.
    public static func inspect(path: String, options: SurveyImportOptions = .init()) throws(InputError) -> SurveyInspection {
        let bytes = try CSVReader.readBytes(path: path)
        var sink = HeaderSink()
        var sheet: String?
        if WorkbookReader.isWorkbook(bytes, path: path) {
            let table = try WorkbookReader.table(data: bytes, file: path, sheet: options.sheet)
            sheet = table.sheet
            sink.header(table.header, line: table.headerLine)
            sink.rows = table.records.prefix(2).map(\.fields)
        } else {
            _ = try CSVReader.scan(bytes, file: path, into: &sink)
        }
        guard let header = sink.header else {
            throw InputError(.badData, [Diagnostic(.error, code: "csv.empty", at: SourceLocation(file: path), "the file is empty",
                                                   fix: "export the survey again with its header row")])
        }
        var problems: [Diagnostic] = []
        let mapping = try options.columnsPath.map { path throws(InputError) in try ColumnMapping.read(path: path, themes: options.themes, ratings: options.ratings) }
        let shape = ExportShape.detect(header: header.cells, following: sink.rows, forcedHeaderRows: options.headerRows)
        let plan = ColumnPlan.make(shape: shape, themes: options.themes, mapping: mapping, forcedLayout: options.layout,
                                   file: path, headerLine: header.line, sheet: sheet, ratings: options.ratings)
        problems += plan.diagnostics
        return SurveyInspection(reading: plan.reading, layout: plan.layout, problems: problems)
    }

    /// Reads tables already parsed (a survey from a workbook, or from memory).
    public static func load(
        survey: CSVTable, people: CSVTable? = nil, aliases: CSVTable? = nil, columns: CSVTable? = nil,
        options: SurveyImportOptions = .init()
    ) throws(InputError) -> ImportedSurvey {
        var problems: [Diagnostic] = []
        let mapping = columnMapping(columns, options: options, problems: &problems)
        if !problems.isEmpty { throw InputError(.badData, problems) }
        var sink = SurveySink(file: survey.file, sheet: survey.sheet, builder: builder(people: people, aliases: aliases, options: options),
                              options: options, mapping: mapping)
        sink.header(survey.header, line: survey.headerLine)
        for record in survey.records { sink.read(record) }
        return try sink.finish()
    }

    /// The `--columns` file read from its table; its problems go into `problems`.
    private static func columnMapping(_ table: CSVTable?, options: SurveyImportOptions, problems: inout [Diagnostic]) -> ColumnMapping? {
        guard let table else { return nil }
        do throws(InputError) { return try ColumnMapping.read(table, themes: options.themes, ratings: options.ratings) } catch {
            problems += error.diagnostics
            return nil
        }
    }

    /// A builder holding the declared themes, the aliases and the people file.
    static func builder(people: CSVTable?, aliases: CSVTable?, options: SurveyImportOptions) -> NetworkBuilder {
        var builder = NetworkBuilder(themeSet: options.themes, ratings: options.ratings)
        if options.themes != .standard {
            // A declared theme set is what the survey asked, used or not.
            for index in options.themes.themes.indices { builder.declareTheme(index) }
        }
        if let aliases { AliasFileReader.read(aliases, into: &builder) }
        if let people { PeopleFileReader.read(people, into: &builder) }
        return builder
    }

    static func sameFile(_ a: String, _ b: String) -> Bool { SameFile.check(a, b) }

    /// Whether a record repeats the header (two exports joined into one file).
    static func repeatsHeader(_ record: CSVRecord, of table: CSVTable) -> Bool {
        record.fields.count == table.header.count
            && zip(record.fields, table.header).allSatisfy { NameKey.key($0) == NameKey.key($1) }
    }

    /// The warning for a row that repeats the header, which both layouts skip.
    static func repeatedHeader(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code: "survey.repeated-header", at: location,
                   "this row repeats the header (two exports joined?) and was skipped", fix: "delete the repeated header line")
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
    /// it has a respondent column and columns of contacts (by their headings or
    /// their questions' wording), otherwise `nil`.
    public static func detectLayout(_ header: [String], themes: ThemeSet) -> SurveyLayout? {
        let shape = ExportShape.detect(header: header, following: [], forcedHeaderRows: nil)
        return ColumnPlan.make(shape: shape, themes: themes, mapping: nil, forcedLayout: nil, file: "", headerLine: 1, sheet: nil).layout
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

/// Reads a survey's records into a network as they come. The header and the
/// two rows after it are held until the export's shape (its platform and
/// header rows) and the column plan are known; then the long layout is read
/// row by row, and the wide layout (which needs each respondent's last row)
/// from the records kept.
private struct SurveySink: CSVRecordSink {
    let file: String
    let sheet: String?
    var builder: NetworkBuilder
    let options: SurveyImportOptions
    let mapping: ColumnMapping?
    private var header: [String] = []
    private var headerLine = 0
    private var plan: ColumnPlan?
    /// Rows held until the plan is made.
    private var held: [CSVRecord] = []
    /// Header rows still to skip once the plan is made.
    private var skip = 0
    private var session: LongSurveyReader.Session?
    private var wideRecords: [CSVRecord] = []
    /// Records read (after the header rows).
    private var rows = 0

    init(file: String, sheet: String? = nil, builder: NetworkBuilder, options: SurveyImportOptions, mapping: ColumnMapping?) {
        self.file = file
        self.sheet = sheet
        self.builder = builder
        self.options = options
        self.mapping = mapping
    }

    mutating func header(_ cells: [String], line: Int) {
        header = cells
        headerLine = line
    }

    mutating func record(_ row: CSVRow) { read(row) }

    mutating func read(_ row: some SurveyRow) {
        guard let plan else {
            held.append(CSVRecord(line: row.line, fields: row.texts()))
            if held.count == 2 { makePlan() }
            return
        }
        if skip > 0 {
            skip -= 1
            return
        }
        guard plan.layout != nil else { return }
        rows += 1
        switch plan.layout {
        case .long: session?.read(row, into: &builder)
        case .wide: wideRecords.append(CSVRecord(line: row.line, fields: row.texts()))
        case nil: break
        }
    }

    /// Recognises the export, plans its columns and reads the rows held.
    private mutating func makePlan() {
        let shape = ExportShape.detect(header: header, following: held.map(\.fields), forcedHeaderRows: options.headerRows)
        let plan = ColumnPlan.make(shape: shape, themes: builder.themeSet, mapping: mapping, forcedLayout: options.layout,
                                   file: file, headerLine: headerLine, sheet: sheet, ratings: builder.ratingSet)
        for diagnostic in plan.diagnostics { builder.report(diagnostic) }
        if let forced = options.headerRows {
            let natural = ExportShape.detect(header: header, following: held.map(\.fields), forcedHeaderRows: nil)
            if let platform = natural.platform, natural.headerRows != forced {
                builder.report(Diagnostic(
                    .warning, code: "survey.header-rows-override", at: SourceLocation(file: file, line: headerLine, sheet: sheet),
                    "the file looks like a \(platform.title) export with \(natural.headerRows) header row\(natural.headerRows == 1 ? "" : "s"), but \(forced) header row\(forced == 1 ? " was" : "s were") asked for; read with \(forced)",
                    fix: "ask for no header row count to read the export as the platform wrote it", inputs: [.headerRows]))
            }
        }
        self.plan = plan
        skip = shape.headerRows - 1
        if plan.layout == .long, !plan.diagnostics.contains(where: { $0.severity == .error }) {
            session = LongSurveyReader.Session(file: file, header: header, headerLine: headerLine, plan: plan, into: &builder)
        }
        let rows = held
        held = []
        for row in rows { read(row) }
    }

    mutating func finish() throws(InputError) -> ImportedSurvey {
        if plan == nil { makePlan() }
        guard let plan else { throw InputError(.badData, []) }
        guard let layout = plan.layout, !plan.diagnostics.contains(where: { $0.severity == .error }) else {
            // The plan's errors are in the builder: building reports them with the warnings before them.
            _ = try builder.build()
            throw InputError(.badData, plan.diagnostics)
        }
        switch layout {
        case .long: session?.finish(into: &builder)
        case .wide:
            // The headers as the platform means them (a SurveyMonkey sub-column's blank header is its question's).
            let headers = plan.reading.columns.map(\.header)
            let table = CSVTable(file: file, header: headers, headerLine: headerLine, records: wideRecords, sheet: sheet)
            WideSurveyReader.read(table, plan: plan, into: &builder)
        }
        let network = try builder.build()
        if network.people.isEmpty {
            throw InputError(.badData, network.warnings + [Diagnostic(
                .error, code: "survey.no-people", at: SourceLocation(file: file, sheet: sheet),
                "the survey names nobody", fix: "check that the file holds the survey's answers below its header")])
        }
        return ImportedSurvey(network: network, file: file, layout: layout, rows: rows, reading: plan.reading)
    }
}

/// How a survey would be read, from ``SurveyImporter/inspect(path:options:)``.
public struct SurveyInspection: Sendable {
    /// The platform, header rows and what each column holds.
    public var reading: SurveyReading
    /// The layout, or `nil` when it cannot be told.
    public var layout: SurveyLayout?
    /// Problems found in the header (errors and warnings).
    public var problems: [Diagnostic]
}

/// Keeps a file's header and the two rows after it.
private struct HeaderSink: CSVRecordSink {
    var header: (cells: [String], line: Int)?
    var rows: [[String]] = []

    mutating func header(_ cells: [String], line: Int) { header = (cells, line) }

    mutating func record(_ row: CSVRow) {
        if rows.count < 2 { rows.append(row.texts()) }
    }
}

/// Checks a file's CSV without keeping anything.
private struct IgnoringSink: CSVRecordSink {
    mutating func header(_ cells: [String], line: Int) {}
    mutating func record(_ row: CSVRow) {}
}
