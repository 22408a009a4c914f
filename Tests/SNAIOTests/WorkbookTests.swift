import Foundation
import SNACore
import Testing
import ZIPFoundation
@testable import SNAIO

/// Excel workbooks: the fixtures written by scripts/fixtures/make-workbooks.py
/// (openpyxl, XlsxWriter, msoffcrypto-tool, xlwt), and hostile workbooks built here.
@Suite struct WorkbookTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workbooks")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// The codes of the errors reading `path` (nil when it reads).
    static func codes(_ path: String, sheet: String? = nil) -> [String]? {
        do { _ = try WorkbookReader.table(path: path, sheet: sheet); return nil } catch { return error.errors.map(\.code) }
    }

    static func failure(_ body: () throws(InputError) -> CSVTable) -> InputError? {
        do { _ = try body(); return nil } catch { return error }
    }

    // MARK: Microsoft Forms

    @Test func formsExportReadsAsAPersonSeesIt() throws {
        let table = try WorkbookReader.table(path: Self.fixture("forms-export.xlsx"))
        #expect(table.sheet == "Sheet1")
        #expect(table.headerLine == 1)
        #expect(table.header == ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
                                 "What is your name?", "Which organisation do you work for?", "What is your role level?",
                                 "Who do you work with to deliver services?", "Who do you go to for new ideas?"])
        #expect(table.records.map(\.line) == [2, 3, 4])
        #expect(table.records[0].fields == ["1", "2024-03-01 09:05:00", "2024-03-01 09:12:31", "anonymous", "", "",
                                            "Alice Smith", "Council", "Strategic", "Ben Jones;Carla Diaz", "Ben Jones"])
        #expect(table.records[1].fields[9...10] == ["Alice Smith;", ""])
        #expect(table.records[2].fields[0...2] == ["3", "2024-03-02 14:30:15", "2024-03-02 14:41:00"])
        #expect(table.records[2].fields[9] == "Alice Smith\nDev Patel")
    }

    @Test func formsExportIsTheSameTableAsItsCSV() throws {
        let workbook = try WorkbookReader.table(path: Self.fixture("forms-export.xlsx"))
        let csv = try CSVReader.read(path: Self.fixture("forms-export.csv"))
        #expect(workbook.header == csv.header)
        #expect(workbook.headerLine == csv.headerLine)
        #expect(workbook.records == csv.records)
        #expect(csv.sheet == nil)
    }

    @Test func csvReaderReadsWorkbooksTransparently() throws {
        let path = Self.fixture("forms-export.xlsx")
        let table = try CSVReader.read(path: path)
        #expect(table.sheet == "Sheet1")
        #expect(table.records.count == 3)
        let location = table.location(line: 3, column: 10)
        #expect(location.prefix == "\(path):Sheet1!J3")
        #expect(location.columnName == "Who do you work with to deliver services?")
    }

    // MARK: Locations

    @Test func locationsInWorkbooksNameTheSheetAndCell() {
        let table = CSVTable(file: "survey.xlsx", header: ["a", "b", "c"], records: [], sheet: "Sheet1")
        let diagnostic = Diagnostic(.error, code: "x", at: table.location(line: 14, column: 3), "bad", fix: "fix it")
        #expect(diagnostic.description == "survey.xlsx:Sheet1!C14: error: bad [column \"c\"]. Fix: fix it")
        #expect(table.location(line: 14, column: nil).prefix == "survey.xlsx:Sheet1!14")
        #expect(SourceLocation(file: "s.xlsx", sheet: "Sheet1").prefix == "s.xlsx:Sheet1")
        #expect(SourceLocation(file: "s.xlsx", line: 2, column: 28, sheet: "Form responses 1").prefix == "s.xlsx:'Form responses 1'!AB2")
        #expect(SourceLocation(file: "s.xlsx", line: 2, column: 1, sheet: "Bob's").prefix == "s.xlsx:'Bob''s'!A2")
        #expect(SourceLocation(file: "s.xlsx", line: 2, column: 1, sheet: "2024").prefix == "s.xlsx:'2024'!A2")
        // CSV locations are as before.
        #expect(CSVTable(file: "people.csv", header: ["a"], records: []).location(line: 12, column: 3).prefix == "people.csv:12:3")
        #expect(SourceLocation.columnLetters(1) == "A")
        #expect(SourceLocation.columnLetters(26) == "Z")
        #expect(SourceLocation.columnLetters(27) == "AA")
        #expect(SourceLocation.columnLetters(702) == "ZZ")
        #expect(SourceLocation.columnLetters(703) == "AAA")
        #expect(SourceLocation.columnLetters(16_384) == "XFD")
    }

    // MARK: Cell types (XlsxWriter's shared strings and formulas, and hand-edited XML)

    @Test func everyKindOfCellIsWrittenAsItShows() throws {
        let table = try WorkbookReader.table(path: Self.fixture("mixed-cells.xlsx"))
        #expect(table.sheet == "Cells")
        #expect(table.header == ["kind", "value"])
        let values = table.records.map { [String($0.line)] + $0.fields }
        #expect(values == [
            ["2", "shared", "Alice"],
            ["3", "rich", "Alice Smith"],
            ["4", "padded", "  two spaces  "],
            ["5", "line break", "first\nsecond"],
            ["6", "true", "TRUE"],
            ["7", "false", "FALSE"],
            ["8", "noise", "0.3"],
            ["9", "integer float", "12"],
            ["10", "phone", "447700900123"],
            ["11", "negative", "-2.5"],
            ["12", "tiny", "0.000015"],
            ["13", "date", "2024-03-01"],
            ["14", "time", "09:05:00"],
            ["15", "quoted h", "7.5"],
            ["16", "bracketed d", "3.25"],
            ["17", "leap bug", "1900-02-29"],
            ["18", "formula", "shared!"],
            ["19", "error", "#DIV/0!"],
            ["20", "date time", "2025-01-01 00:00:00"],
            ["21", "shared", "Alice"],
            ["22", "inline", "in runs & <tags>"],
            ["23", "escaped", "one\ntwo_x000D_"],
            ["24", "no reference", "second cell"],
        ])
    }

    @Test func dateSystemsAndISODates() throws {
        #expect(try WorkbookReader.table(path: Self.fixture("dates-1904.xlsx")).records.map(\.fields) == [["2024-03-01 09:05:00"]])
        #expect(try WorkbookReader.table(path: Self.fixture("iso-dates.xlsx")).records.map(\.fields) == [["2024-03-01 09:05:00"]])
    }

    // MARK: Sheets

    @Test func theFirstVisibleSheetOrOneByName() throws {
        let path = Self.fixture("two-sheets.xlsx")
        let first = try WorkbookReader.table(path: path)
        #expect(first.sheet == "Responses")
        #expect(first.records.map(\.fields) == [["Alice", "Ben"]])
        let people = try WorkbookReader.table(path: path, sheet: "People")
        #expect(people.header == ["name", "organisation"])
        #expect(people.records.map(\.fields) == [["Alice", "Council"], ["Ben", "Police"]])
        #expect(try WorkbookReader.table(path: path, sheet: "people").sheet == "People")
        #expect(try WorkbookReader.table(path: path, sheet: "Old").header == ["stale"])
        #expect(try WorkbookReader.sheetNames(data: Data(contentsOf: URL(fileURLWithPath: path)), file: path) == ["Responses", "People", "Old"])
    }

    @Test func anUnknownSheetListsTheSheetsAndSuggestsOne() throws {
        let path = Self.fixture("two-sheets.xlsx")
        let error = try #require(Self.failure { () throws(InputError) in try WorkbookReader.table(path: path, sheet: "Peple") })
        #expect(error.errors.map(\.code) == ["workbook.unknown-sheet"])
        #expect(error.errors[0].message == "the workbook has no sheet called 'Peple'; its sheets are 'Responses', 'People', 'Old'")
        #expect(error.errors[0].fix == "did you mean 'People'? Choose one of the sheets above" && error.errors[0].inputs == [.sheet])
        let far = try #require(Self.failure { () throws(InputError) in try WorkbookReader.table(path: path, sheet: "Budget") })
        #expect(far.errors[0].fix == "choose one of the sheets above")
        #expect(SheetSuggestion.nearest(to: "Form Responses", among: ["Form Responses 1", "Sheet2"]) == "Form Responses 1")
        #expect(SheetSuggestion.nearest(to: "Sheet 1", among: ["Sheet1"]) == "Sheet1")
    }

    // MARK: Files that are not workbooks snatool reads

    @Test func passwordProtectedLegacyAndOpenDocumentFilesAreNamed() throws {
        let encrypted = try #require(Self.failure { () throws(InputError) in try CSVReader.read(path: Self.fixture("protected.xlsx")) })
        #expect(encrypted.errors.map(\.code) == ["workbook.encrypted"])
        #expect(encrypted.errors[0].description.hasSuffix(
            "protected.xlsx: error: the workbook is password-protected. Fix: open it in Excel, remove the password (File > Info > Protect Workbook), save, and try again"))
        let legacy = try #require(Self.failure { () throws(InputError) in try CSVReader.read(path: Self.fixture("legacy.xls")) })
        #expect(legacy.errors.map(\.code) == ["workbook.legacy-xls"])
        #expect(legacy.errors[0].fix?.contains("save it as .xlsx or CSV UTF-8") == true)
        #expect(Self.codes(Self.fixture("responses.ods")) == ["workbook.not-xlsx"])
        let ods = try #require(Self.failure { () throws(InputError) in try WorkbookReader.table(path: Self.fixture("responses.ods")) })
        #expect(ods.errors[0].message.contains("OpenDocument spreadsheet"))
        #expect(Self.codes(Self.fixture("forms-export.csv")) == ["workbook.not-xlsx"])
    }

    @Test func aCompoundFileWithoutWorkbookOrEncryptionStreams() {
        var bytes = Data(WorkbookFileKind.compoundFileSignature) + Data(count: 1024)
        #expect(WorkbookFileKind(of: bytes) == .otherCompoundFile)
        // The stream name only counts at the start of a directory entry.
        let name = Data("EncryptedPackage\0".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        bytes.replaceSubrange(700..<(700 + name.count), with: name)
        #expect(WorkbookFileKind(of: bytes) == .otherCompoundFile)
        bytes.replaceSubrange(640..<(640 + name.count), with: name)
        #expect(WorkbookFileKind(of: bytes) == .encrypted)
    }

    @Test func isWorkbookLooksAtTheSignature() {
        #expect(WorkbookReader.isWorkbook(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0])))
        #expect(WorkbookReader.isWorkbook(Data(WorkbookFileKind.compoundFileSignature)))
        #expect(!WorkbookReader.isWorkbook(Data("respondent,contact\n".utf8), path: "survey.xlsx"))
        #expect(WorkbookReader.isWorkbook(Data(), path: "survey.XLSX"))
        #expect(!WorkbookReader.isWorkbook(Data(), path: "survey.csv"))
    }

    // MARK: Cell text

    @Test func numbersAsAPersonReadsThem() {
        let cases: [(String, String)] = [
            ("5", "5"), ("12.0", "12"), ("-0", "0"), ("0.1", "0.1"), ("0.30000000000000004", "0.3"),
            ("0.1000000001", "0.1000000001"), ("123.45600000000002", "123.456"), ("1E+20", "1E+20"),
            ("1.5E-05", "0.000015"), ("1E-10", "1E-10"), ("-2.5", "-2.5"), ("447700900123", "447700900123"),
            ("1234567890123456789", "1.23456789012346E+18"), ("007", "7"), ("0.50", "0.5"), ("abc", "abc"), ("inf", "inf"),
        ]
        for (raw, expected) in cases { #expect(CellText.number(raw) == expected, "\(raw)") }
    }

    @Test func datesInBothSystemsWithTheLeapYearBug() {
        #expect(CellText.date(1, .date, date1904: false) == "1900-01-01")
        #expect(CellText.date(59, .date, date1904: false) == "1900-02-28")
        #expect(CellText.date(60, .date, date1904: false) == "1900-02-29")
        #expect(CellText.date(61, .date, date1904: false) == "1900-03-01")
        #expect(CellText.date(45352.378472222222, .dateTime, date1904: false) == "2024-03-01 09:05:00")
        #expect(CellText.date(0.5, .time, date1904: false) == "12:00:00")
        #expect(CellText.date(1.5, .time, date1904: false) == "1900-01-01 12:00:00")
        #expect(CellText.date(2_958_465, .date, date1904: false) == "9999-12-31")
        #expect(CellText.date(2_958_466, .date, date1904: false) == nil)
        #expect(CellText.date(-1, .date, date1904: false) == nil)
        #expect(CellText.date(0, .date, date1904: true) == "1904-01-01")
        #expect(CellText.date(43_890, .date, date1904: true) == "2024-03-01")
    }

    @Test func numberFormatsThatAreDates() {
        #expect(CellStyles.kind(ofFormat: "yyyy-mm-dd") == .date)
        #expect(CellStyles.kind(ofFormat: "m/d/yy h:mm:ss") == .dateTime)
        #expect(CellStyles.kind(ofFormat: "[h]:mm:ss") == .time)
        #expect(CellStyles.kind(ofFormat: "mm:ss") == .time)
        #expect(CellStyles.kind(ofFormat: "mmm") == .date)
        #expect(CellStyles.kind(ofFormat: "[$-409]d-mmm-yy;@") == .date)
        #expect(CellStyles.kind(ofFormat: "0.0\" hours\"") == nil)
        #expect(CellStyles.kind(ofFormat: "[Red]0.00") == nil)
        #expect(CellStyles.kind(ofFormat: "0\\d") == nil)
        #expect(CellStyles.kind(ofFormat: "General") == nil)
        #expect(CellStyles.kind(ofFormat: "0.00E+00") == nil)
        #expect(CellStyles.kind(ofFormat: "#,##0;[Red]-#,##0;\"day\"") == nil)
        #expect(CellStyles.builtInKind(id: 14) == .date)
        #expect(CellStyles.builtInKind(id: 22) == .dateTime)
        #expect(CellStyles.builtInKind(id: 46) == .time)
        #expect(CellStyles.builtInKind(id: 2) == nil)
    }

    @Test func escapesAndLineEnds() {
        #expect(CellText.unescaped("a_x000D_\nb") == "a\nb")
        #expect(CellText.unescaped("a\r\nb\rc") == "a\nb\nc")
        #expect(CellText.unescaped("_x005F_x000D_") == "_x000D_")
        #expect(CellText.unescaped("_xD83D__xDE00_") == "😀")
        #expect(CellText.unescaped("_x00G1_ and _x12_") == "_x00G1_ and _x12_")
        #expect(CellText.unescaped("plain") == "plain")
    }

    @Test func cellReferences() {
        #expect(CellReference("C14") == CellReference(column: 3, row: 14))
        #expect(CellReference("xfd1048576") == CellReference(column: 16_384, row: 1_048_576))
        for bad in ["", "A", "14", "A0", "A01", "XFE1", "A1048577", "AAAA1", "1A", "A1B", "$A$1", "A-1"] {
            #expect(CellReference(bad) == nil, "\(bad)")
        }
    }
}

extension CellReference {
    init(column: Int, row: Int) {
        self.init("A1")!
        self.column = column
        self.row = row
    }
}

/// Workbooks built here with ZIPFoundation, to try what no spreadsheet program writes.
@Suite struct HostileWorkbookTests {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="xml" ContentType="application/xml"/></Types>
        """
    static let rootRels = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """
    static let workbookXML = """
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
        <sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let workbookRels = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
        </Relationships>
        """

    /// A zip holding `parts`, deflated.
    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return try #require(archive.data)
    }

    /// A one-sheet workbook whose sheet part holds `sheetData` (and shared strings `strings`).
    static func workbook(_ sheetData: String, strings: [String] = [], replacing: [String: String] = [:]) throws -> Data {
        let shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
        let sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(sheetData)</sheetData></worksheet>"
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels), ("xl/workbook.xml", workbookXML),
            ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", sheet),
        ]
        for (path, text) in replacing {
            if let index = parts.firstIndex(where: { $0.0 == path }) { parts[index].1 = text } else { parts.append((path, text)) }
        }
        return try zip(parts.filter { !$0.1.isEmpty }.map { ($0.0, Data($0.1.utf8)) })
    }

    static func read(_ data: Data, sheet: String? = nil, limits: WorkbookReader.Limits = .standard) throws(InputError) -> CSVTable {
        try WorkbookReader.table(data: data, file: "hostile.xlsx", sheet: sheet, limits: limits)
    }

    static func errors(_ data: Data, sheet: String? = nil, limits: WorkbookReader.Limits = .standard) -> [Diagnostic] {
        do { _ = try read(data, sheet: sheet, limits: limits); return [] } catch { return error.errors }
    }

    @Test func aPeopleFileCanBeAWorkbookAndItsErrorsNameTheCell() throws {
        let files = TemporaryFiles()
        let survey = files.write("survey.csv", "respondent,contact\nAnna,Ben\n")
        let people = files.folder.appendingPathComponent("people.xlsx")
        try Self.workbook("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
            <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c></row>
            """, strings: ["name", "organisation", "layer", "Anna", "Council"]).write(to: people)
        let network = try SurveyImporter.load(path: survey, options: .init(peoplePath: people.path)).network
        #expect(network.people.first { $0.name == "Anna" }?.organisation == "Council")
        try Self.workbook(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>2</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="C3" t="s"><v>1</v></c></row>"#,
                          strings: ["name", "stratgic", "layer", "Anna"]).write(to: people)
        do {
            _ = try SurveyImporter.load(path: survey, options: .init(peoplePath: people.path))
            Issue.record("an unknown layer was accepted")
        } catch {
            #expect(error.errors.map(\.location?.prefix) == ["\(people.path):Sheet1!C3"])
        }
    }

    @Test func theFirstVisibleWorksheetIsTheDefault() throws {
        let workbook = """
            <workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
            <sheet name="Hidden" sheetId="1" state="hidden" r:id="rId1"/><sheet name="Shown" sheetId="2" r:id="rId3"/></sheets></workbook>
            """
        let rels = Self.workbookRels.replacingOccurrences(of: "</Relationships>", with: """
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>
            """)
        let data = try Self.workbook(#"<row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row>"#, replacing: [
            "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels,
            "xl/worksheets/sheet2.xml": #"<worksheet><sheetData><row r="4"><c r="B4" t="inlineStr"><is><t>shown</t></is></c></row></sheetData></worksheet>"#,
        ])
        let table = try Self.read(data)
        #expect(table.sheet == "Shown")
        #expect(table.header == ["", "shown"])
        #expect(table.headerLine == 4)
        #expect(try Self.read(data, sheet: "hidden").header == ["hidden"])
    }

    @Test func aSparseSheetIsStoredSparsely() throws {
        let table = try Self.read(Self.workbook("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="CV1" t="s"><v>1</v></c></row>\
            <row r="1000000"><c r="B1000000"><v>7</v></c></row>
            """, strings: ["first", "last"]))
        #expect(table.header.count == 100)
        #expect(table.header[0] == "first" && table.header[99] == "last")
        #expect(table.records.map(\.line) == [1_000_000])
        #expect(table.records[0].fields[1] == "7")
    }

    @Test func aValueInTheLastColumnIsRefusedWithoutAllocatingIt() throws {
        let errors = Self.errors(try Self.workbook(#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row>"#))
        #expect(errors.map(\.code) == ["workbook.too-wide"])
        #expect(errors[0].description.hasPrefix("hostile.xlsx:Sheet1!XFD1048576: error: a value lies in column XFD, beyond the 2000 columns snatool reads"))
        // Empty styled cells far out (as Excel leaves them) do not widen the table.
        let table = try Self.read(Self.workbook(#"<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="3"/></row>"#))
        #expect(table.header == ["1"])
    }

    @Test func missingReferencesCountFromTheCellBefore() throws {
        let table = try Self.read(Self.workbook("""
            <row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>\
            <row><c r="B2"><v>b</v></c><c><v>c</v></c></row><row r="7"><c><v>x</v></c></row>
            """))
        #expect(table.header == ["1", "2", "", "", "5", "6"])
        #expect(table.records.map(\.line) == [2, 7])
        #expect(table.records[0].fields == ["", "b", "c", "", "", ""])
        #expect(table.records[1].fields == ["x", "", "", "", "", ""])
    }

    @Test func cellsOutOfOrderAndEmptyRows() throws {
        let table = try Self.read(Self.workbook("""
            <row r="3"><c r="B3"><v>2</v></c><c r="A3"><v>1</v></c><c r="B3"><v>3</v></c></row>\
            <row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>\
            <row r="2"><c r="A2" s="1"/><c r="B2" t="s"><v></v></c><c r="C2" t="inlineStr"><is><t></t></is></c></row>
            """))
        #expect(table.header == ["a", "b"])
        #expect(table.headerLine == 1)
        #expect(table.records == [CSVRecord(line: 3, fields: ["1", "3"])])
    }

    @Test func aSharedStringOutOfRangeNamesTheCell() throws {
        let errors = Self.errors(try Self.workbook(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="C2" t="s"><v>5</v></c><c r="D2" t="s"><v>-1</v></c></row>"#,
                                                   strings: ["only"]))
        #expect(errors.map(\.code) == ["workbook.bad-shared-string", "workbook.bad-shared-string"])
        #expect(errors[0].description == "hostile.xlsx:Sheet1!C2: error: the cell refers to shared string 5, but the workbook has 1 (value: \"5\"). Fix: \(WorkbookProblem.resave)")
        #expect(errors[1].location?.prefix == "hostile.xlsx:Sheet1!D2")
    }

    @Test func referencesOffTheGridAreRefused() throws {
        let errors = Self.errors(try Self.workbook(#"<row r="1"><c r="A0"><v>1</v></c><c r="XFE1"><v>1</v></c></row><row r="2000000"><c><v>1</v></c></row>"#))
        #expect(errors.map(\.code) == ["workbook.bad-reference", "workbook.bad-reference", "workbook.bad-reference"])
        #expect(errors.map(\.value) == ["A0", "XFE1", "2000000"])
    }

    @Test func problemsStopAfterTheMaximum() throws {
        let cells = (1...80).map { "<c r=\"A\($0)\" t=\"s\"><v>9</v></c>" }.map { "<row>\($0)</row>" }.joined()
        let errors = Self.errors(try Self.workbook(cells))
        #expect(errors.count == CSVReader.maximumErrors + 1)
        #expect(errors.last?.code == "workbook.stopped")
    }

    @Test func partsAreFoundThroughRelationshipsNotByName() throws {
        let workbook = """
            <x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="true"/><x:sheets>\
            <x:sheet name="Chart" sheetId="3" rel:id="rId9"/><x:sheet name="Answers" sheetId="2" rel:id="rId7"/></x:sheets></x:workbook>
            """
        let rels = """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/sheets/Answers%20Sheet.xml"/>\
            <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="charts/../chartsheets/sheet1.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """
        let styles = #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"#
        let sheet = """
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\
            <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>when</x:t></x:is></x:c></x:row>\
            <x:row r="2"><x:c r="A2" s="1"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>
            """
        let data = try Self.workbook("", replacing: ["xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels, "xl/styles.xml": styles,
                                                     "XL/Sheets/answers sheet.xml": sheet, "xl/worksheets/sheet1.xml": ""])
        let table = try Self.read(data)
        #expect(table.sheet == "Answers")
        #expect(table.records.map(\.fields) == [["1904-01-01"]])
        #expect(Self.errors(data, sheet: "chart").map(\.code) == ["workbook.not-a-worksheet"])
    }

    @Test func damagedWorkbooksAreCorruptNotACrash() throws {
        let good = try Self.workbook(#"<row r="1"><c r="A1"><v>1</v></c></row>"#)
        #expect(Self.errors(good.prefix(good.count / 2)).map(\.code) == ["workbook.corrupt"])
        #expect(Self.errors(Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 0x41, count: 200)).map(\.code) == ["workbook.corrupt"])
        let malformed = Self.errors(try Self.workbook(#"<row r="1"><c r="A1"><v>1</v></row>"#))
        #expect(malformed.map(\.code) == ["workbook.corrupt"])
        #expect(malformed[0].message.hasPrefix("the workbook is damaged: the part xl/worksheets/sheet1.xml is not well-formed XML (line 1"))
        let missingSheet = Self.errors(try Self.workbook("", replacing: ["xl/worksheets/sheet1.xml": ""]))
        #expect(missingSheet.map(\.message) == ["the workbook is damaged: the part that holds sheet 'Sheet1' is missing"])
        let missingWorkbook = Self.errors(try Self.workbook("", replacing: ["xl/workbook.xml": ""]))
        #expect(missingWorkbook.map(\.message) == ["the workbook is damaged: the part xl/workbook.xml is missing"])
        let bomb = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>"
        let dtd = Self.errors(try Self.workbook("", replacing: ["xl/sharedStrings.xml": bomb + "<sst><si><t>&lol2;</t></si></sst>"]))
        #expect(dtd.map(\.message) == ["the workbook is damaged: the part xl/sharedStrings.xml declares a DTD, which no workbook part has"])
        let other = Self.errors(try Self.zip([("readme.txt", Data("hello".utf8))]))
        #expect(other.map(\.code) == ["workbook.not-xlsx"])
    }

    @Test func anEmptySheetOrWorkbook() throws {
        let empty = Self.errors(try Self.workbook(#"<row r="1"><c r="A1" s="2"/></row>"#))
        #expect(empty.map(\.code) == ["workbook.empty-sheet"])
        #expect(empty[0].location?.prefix == "hostile.xlsx:Sheet1")
        let none = Self.errors(try Self.workbook("", replacing: ["xl/workbook.xml": "<workbook><sheets/></workbook>"]))
        #expect(none.map(\.code) == ["workbook.no-sheets"])
        #expect(Self.errors(Data()).map(\.code) == ["workbook.not-xlsx"])
    }

    @Test func aZipBombStopsAtTheCap() throws {
        let huge = String(repeating: "<row><c><v>1</v></c></row>", count: 20_000)
        let data = try Self.workbook(huge)
        #expect(data.count < 20_000)
        let limits = WorkbookReader.Limits(unpackedBytes: 100_000, columns: 2000, cells: 50_000_000)
        #expect(Self.errors(data, limits: limits).map(\.code) == ["workbook.too-large"])
        #expect(try Self.read(data).records.count == 19_999)
        let cells = WorkbookReader.Limits(unpackedBytes: 1 << 30, columns: 2000, cells: 1000)
        #expect(Self.errors(data, limits: cells).map(\.code) == ["workbook.too-large"])
    }

    /// Every prefix and many one-byte changes of a real workbook give a table or an error, never a crash.
    @Test func damagedBytesNeverCrash() throws {
        let good = try Data(contentsOf: URL(fileURLWithPath: WorkbookTests.fixture("forms-export.xlsx")))
        var generator = SeededGenerator(seed: 13)
        for cut in stride(from: 0, to: good.count, by: 61) {
            let codes = Self.errors(good.prefix(cut)).map(\.code)
            #expect(!codes.isEmpty && codes.allSatisfy { $0.hasPrefix("workbook.") }, "cut at \(cut)")
        }
        var refused = 0
        for _ in 0..<300 {
            var damaged = good
            let index = Int.random(in: 0..<damaged.count, using: &generator)
            damaged[index] = UInt8.random(in: 0...255, using: &generator)
            let codes = Self.errors(damaged).map(\.code)
            #expect(codes.allSatisfy { $0.hasPrefix("workbook.") })
            if !codes.isEmpty { refused += 1 }
        }
        // Most bytes are compressed data or checksummed, so most changes are caught.
        #expect(refused > 100)
    }
}
