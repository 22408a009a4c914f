import Foundation
import SNACore
import Testing
@testable import SNAIO

/// What real survey exports and hostile files do, found by trying them.
@Suite struct RealExportTests {
    let files = TemporaryFiles()

    func load(_ survey: String, people: String? = nil, aliases: String? = nil, headerRows: Int? = nil,
              themes: ThemeSet = .standard, layout: SurveyLayout? = nil) throws -> ImportedSurvey {
        try SurveyImporter.load(
            path: files.write("survey.csv", survey),
            options: .init(layout: layout, themes: themes, peoplePath: people.map { files.write("people.csv", $0) },
                           aliasesPath: aliases.map { files.write("aliases.csv", $0) }, headerRows: headerRows))
    }

    func failure(_ survey: String, people: String? = nil, aliases: String? = nil) -> InputError? {
        do { _ = try load(survey, people: people, aliases: aliases); return nil } catch let error as InputError { return error } catch { return nil }
    }

    func csvProblems(_ bytes: [UInt8]) -> [String] {
        do { _ = try CSVReader.parse(Data(bytes), file: "t.csv"); return [] } catch { return error.diagnostics.map(\.code) }
    }

    static let qualtrics = """
        StartDate,name,org,work_1,work_2,strategy_1
        Start Date,What is your name?,Your organisation,Who do you work with? - 1,Who do you work with? - 2,Strategy - 1
        "{""ImportId"":""startDate""}","{""ImportId"":""QID1_TEXT""}","{""ImportId"":""QID2_TEXT""}","{""ImportId"":""QID3_1""}","{""ImportId"":""QID3_2""}","{""ImportId"":""QID4_1""}"
        2024-01-01,Anna,Council,Ben,Carl,Ben
        2024-01-01,Ben,Police,Anna,,Anna

        """

    @Test func qualtricsHeaderRowsAreReadWithoutFlags() throws {
        for rows in [nil, 3] as [Int?] {
            let survey = try SurveyImporter.load(path: files.write("survey.csv", Self.qualtrics), options: .init(headerRows: rows))
            #expect(survey.reading.platform == .qualtrics)
            #expect(survey.reading.headerRows == 3)
            #expect(survey.network.people.map(\.name) == ["Anna", "Ben", "Carl"])
            #expect(survey.network.respondentCount == 2)
            #expect(Set(survey.network.themes.map(\.id)) == ["work", "strategy"])
        }
    }

    @Test func surveyMonkeySubHeaderIsReadWithoutFlags() throws {
        let survey = try load("Respondent,Organisation,Work,Work\n,,Open-Ended Response,Response\nAnna,Council,Ben,Carl\n")
        #expect(survey.reading.platform == .surveyMonkey)
        #expect(survey.network.ties.map { survey.network.people[$0.target].name } == ["Ben", "Carl"])
    }

    @Test(arguments: ["Work [Contact 1]", "Work - Contact 2", "Work [Other (please specify)]", "work_3", "Work 4", "work5", "Work contacts"])
    func platformContactHeadersAreThemeColumns(header: String) throws {
        let survey = try load("Your name,Your organisation,\(header)\nAnna,Council,Ben\n")
        #expect(survey.layout == .wide)
        #expect(survey.network.themes.map(\.id) == ["work"])
        #expect(survey.network.ties.count == 1)
    }

    @Test func columnsReadAsAttributesAreReported() throws {
        let network = try load("Submitted,name,work,Strategy lead\n2024,Anna,Ben,yes\n").network
        let warning = try #require(network.warnings.first { $0.code == "survey.attribute-columns" })
        #expect(warning.message.contains("'Submitted', 'Strategy lead'"))
        // A Google Forms timestamp is the platform's metadata, not an attribute.
        let google = try load("Timestamp,name,work,Strategy lead\n2024,Anna,Ben,yes\n")
        #expect(google.reading.platform == .googleForms)
        let attributes = try #require(google.network.warnings.first { $0.code == "survey.attribute-columns" })
        #expect(attributes.message.contains("'Strategy lead'") && !attributes.message.contains("Timestamp"))
    }

    @Test func blankHeaderWithDataIsReported() throws {
        let network = try load("respondent,organisation,work,,strategy\nAnna,Council,Ben,Carl,Ben\n").network
        #expect(network.warnings.map(\.code).contains("survey.unnamed-column"))
        let long = try load("respondent,,contact\nAnna,x,Ben\n").network
        #expect(long.warnings.map(\.code).contains("survey.unnamed-column"))
    }

    @Test func repeatedHeaderLineIsSkipped() throws {
        let network = try load("respondent,contact,theme\nA,B,work\nrespondent,contact,theme\nB,A,work\n").network
        #expect(network.people.map(\.name) == ["A", "B"])
        #expect(network.warnings.map(\.code) == ["survey.repeated-header"])
    }

    @Test func resubmittedWideAnswerKeepsTheLastRow() throws {
        let network = try load("Timestamp,name,work\n09:00,Anna,Ben\n09:05,Anna,Carl\n").network
        #expect(network.ties.count == 1)
        #expect(network.people[network.ties[0].target].name == "Carl")
        #expect(network.warnings.map(\.code).contains("survey.answered-twice"))
    }

    @Test func commasBetweenKnownRespondentsAreWarned() throws {
        let network = try load("name,work\nAnna,\"Ben, Carl\"\nBen,Anna\nCarl,Anna\n").network
        #expect(network.warnings.map(\.code) == ["survey.comma-separated-contacts"])
        // A role title with a comma is no problem.
        let roles = try load("name,work\n\"Manager, Council\",\"Officer, Police\"\n").network
        #expect(roles.warnings.isEmpty)
    }

    @Test func aContactColumnBesideThemeColumnsIsAmbiguous() throws {
        let error = try #require(failure("Name,Organisation,Contact,Work,Strategy\nAnna,Council,07700 900123,Ben,Ben\n"))
        #expect(error.errors.map(\.code) == ["survey.ambiguous-layout"])
        let wide = try load("Name,Organisation,Contact,Work,Strategy\nAnna,Council,07700 900123,Ben,Ben\n", layout: .wide)
        #expect(wide.network.ties.count == 2)
    }

    @Test func aliasChainsAreFollowedAndCyclesRefused() throws {
        let chain = try load("respondent,contact\nAnna,Ben\nBen,Carl\n", aliases: "alias,name\nAnna,Ben\nBen,Carl\n").network
        #expect(chain.people.map(\.name) == ["Carl"])
        let error = try #require(failure("respondent,contact\nAnna,Ben\n", aliases: "alias,name\nAnna,Ben\nBen,Anna\n"))
        #expect(error.errors.map(\.code) == ["aliases.cycle"])
    }

    @Test func peopleFileOrganisationNameColumn() throws {
        let network = try load("respondent,contact\nAnna Smith,Ben Jones\n", people: "Person ID,Organisation name,Job title\nAnna Smith,Council,Manager\nBen Jones,Police,Sergeant\n").network
        #expect(network.unit == .people)
        #expect(network.organisations.map(\.name) == ["Council", "Police"])
        #expect(network.people[0].attributes["job title"] == "Manager")
    }

    @Test func invisibleCharactersDoNotMakeANewPerson() throws {
        let network = try load("respondent,contact\nZo\u{200B}ë Smith,Ben\nBen,Zoë Smith\nBen,\u{1B}[2JAnna\u{07}\n").network
        #expect(network.people.map(\.name) == ["Zoë Smith", "Ben", "[2JAnna"])
    }

    @Test func nearDuplicateRulesAsDocumented() throws {
        #expect(!NearDuplicateNames.areNearDuplicates("Officer 1, Organisation 1", "Officer 10, Organisation 1"))
        #expect(NearDuplicateNames.areNearDuplicates("Sam O'Neil", "Sam ONeil"))
        // Respondent with an organisation and a contact without one are compared.
        let network = try load("name,organisation,work\nJohn Smith,Council,Ann\nAnn,Police,J. Smith\n").network
        #expect(network.warnings.map(\.code).contains("names.near-duplicate"))
        // Organisation spellings too.
        let orgs = try load("respondent,respondent_org,contact,contact_org\nA,Bolton Council,B,Bolton Council.\nC,Bolton-Council,D,Police\n").network
        #expect(orgs.warnings.filter { $0.code == "names.near-duplicate-organisation" }.count == 3)
    }

    @Test func declaredThemesAreListedEvenWhenUnused() throws {
        let network = try load("respondent,contact,theme\nA,B,referrals\n", themes: try ThemeSet.parse(declaration: "referrals,funding")).network
        #expect(network.themes.map(\.id) == ["referrals", "funding"])
    }

    @Test func theSameFileAsSurveyAndPeopleIsRefused() throws {
        let path = files.write("both.csv", "respondent,contact\nA,B\n")
        #expect(throws: InputError.self) { try SurveyImporter.load(path: path, options: .init(peoplePath: path)) }
    }

    @Test func hexadecimalAndHugeStrengthsAreRefused() throws {
        let error = try #require(failure("respondent,contact,strength\nA,B,0x10\nA,C,1e309\nA,D,1000000001\n"))
        let tooLarge = "the strength is too large (at most 1,000,000,000)"
        #expect(error.errors.map(\.message) == ["the strength is not a number of zero or more", tooLarge, tooLarge])
    }

    @Test func filesThatAreNotCSVText() {
        #expect(csvProblems([0x50, 0x4B, 0x03, 0x04, 0x14]) == ["csv.not-csv"])
        #expect(csvProblems([0x1F, 0x8B, 0x08]) == ["csv.not-csv"])
        #expect(csvProblems([0xFF, 0xFE, 0, 0, 0x61, 0, 0, 0]) == ["csv.not-utf8"])
        #expect(csvProblems(Array("r\0e\0s\0".utf8)) == ["csv.nul-byte"])
        #expect(csvProblems(Array("respondent;contact\nA;B\n".utf8)) == ["csv.separator"])
        #expect(csvProblems(Array("respondent\tcontact\nA\tB\n".utf8)) == ["csv.separator"])
        #expect(csvProblems(Array("sep=;\nrespondent;contact\n".utf8)) == ["csv.separator"])
    }

    @Test func excelSeparatorLineIsSkippedAndLinesStillCount() throws {
        let table = try CSVReader.parse(text: "sep=,\r\nrespondent,contact\r\nA,B\r\n")
        #expect(table.header == ["respondent", "contact"])
        #expect(table.headerLine == 2)
        #expect(table.records[0].line == 3)
    }

    @Test func aTitleAboveTheHeaderGetsAHint() {
        do { _ = try CSVReader.parse(text: "Partnership survey 2024\nrespondent,contact\nA,B\n") } catch {
            #expect(error.diagnostics[0].fix?.contains("title above the header") == true)
        }
    }

    @Test func readingStopsAfterFiftyProblemsAndSaysSo() {
        let text = "a,b\n" + String(repeating: "1\n", count: 80)
        do { _ = try CSVReader.parse(text: text) } catch {
            #expect(error.diagnostics.count == 51)
            #expect(error.diagnostics.last?.code == "csv.stopped")
        }
    }

    @Test func diagnosticsNeverCarryRawControlCharacters() {
        let diagnostic = Diagnostic(.error, code: "x", at: SourceLocation(file: "a\nb.csv", line: 1), "'\u{1B}[2J' named")
        #expect(!diagnostic.description.contains("\n"))
        #expect(!diagnostic.description.contains("\u{1B}"))
    }
}
