import Foundation
import SNACore
import Testing
@testable import SNAIO

/// Exports shaped as each survey platform writes them (Tests/Fixtures/exports,
/// made by scripts/fixtures/make-exports.py), read with no options.
@Suite struct PlatformExportTests {
    let files = TemporaryFiles()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/exports")

    func read(_ name: String) throws -> ImportedSurvey {
        try SurveyImporter.load(path: Self.fixtures.appendingPathComponent(name).path)
    }

    /// The ties of one theme as "source -> target", sorted.
    func ties(_ survey: ImportedSurvey, _ theme: String) -> [String] {
        let network = survey.network
        guard let index = network.themes.firstIndex(where: { $0.id == theme }) else { return [] }
        return network.ties.filter { $0.theme == index }
            .map { "\(network.people[$0.source].name) -> \(network.people[$0.target].name)" }.sorted()
    }

    static let work = ["Anna Smith -> Ben Jones", "Anna Smith -> Dev Khan", "Ben Jones -> Anna Smith", "Ben Jones -> Erin Walsh",
                       "Carla Patel -> Dev Khan", "Dev Khan -> Anna Smith", "Dev Khan -> Carla Patel"]
    static let improvement = ["Anna Smith -> Carla Patel", "Carla Patel -> Anna Smith", "Carla Patel -> Ben Jones"]
    static let decisions = ["Anna Smith -> Ben Jones", "Ben Jones -> Anna Smith"]
    static let people = ["Anna Smith", "Ben Jones", "Dev Khan", "Erin Walsh", "Carla Patel"]

    @Test func microsoftForms() throws {
        let survey = try read("microsoft-forms.csv")
        #expect(survey.reading.platform == .microsoftForms)
        #expect(Set(survey.network.people.map(\.name)) == Set(Self.people))
        #expect(survey.network.respondentCount == 4)
        #expect(ties(survey, "work") == Self.work)
        #expect(ties(survey, "improvement") == Self.improvement)
        #expect(ties(survey, "decision-making") == Self.decisions)
        #expect(ties(survey, "informal") == ["Carla Patel -> Dev Khan", "Dev Khan -> Carla Patel"])
        let anna = try #require(survey.network.people.first { $0.name == "Anna Smith" })
        #expect(anna.organisation == "Bolton Council")
        #expect(anna.layer == .strategic)
        // Forms' own Name and Email columns are metadata, never the respondent.
        let name = try #require(survey.reading.columns.first { $0.header == "Name" })
        #expect(name.role == .ignored && name.reason == .platformMetadata)
        let unplaced = try #require(survey.network.warnings.first { $0.code == "survey.unplaced-columns" })
        #expect(unplaced.message.contains("'How long have you been in your role?'") && unplaced.message.contains("'Any other comments?'"))
    }

    @Test func googleForms() throws {
        let survey = try read("google-forms.csv")
        #expect(survey.reading.platform == .googleForms)
        #expect(survey.network.respondentCount == 4)
        #expect(ties(survey, "work") == Self.work)
        #expect(ties(survey, "improvement") == Self.improvement)
        // A grid question: one column per contact, "Never" is no tie.
        #expect(ties(survey, "strategy") == ["Anna Smith -> Ben Jones", "Ben Jones -> Anna Smith", "Dev Khan -> Anna Smith"])
        // "Erin Walsh (Greater Manchester Police)" is Erin Walsh, of that organisation.
        let erin = try #require(survey.network.people.first { $0.name == "Erin Walsh" })
        #expect(erin.organisation == "Greater Manchester Police")
    }

    @Test func surveyMonkey() throws {
        let survey = try read("surveymonkey.csv")
        #expect(survey.reading.platform == .surveyMonkey)
        #expect(survey.reading.headerRows == 2)
        #expect(survey.network.respondentCount == 4)
        #expect(Set(survey.network.people.map(\.name)) == Set(Self.people))
        #expect(ties(survey, "work") == Self.work)
        #expect(ties(survey, "improvement") == Self.improvement)
        #expect(ties(survey, "decision-making") == Self.decisions)
        // A checkbox question with an "Other (please specify)" box.
        #expect(ties(survey, "informal") == ["Ben Jones -> Erin Walsh", "Carla Patel -> Dev Khan", "Dev Khan -> Carla Patel"])
        let respondentID = try #require(survey.reading.columns.first { $0.header == "Respondent ID" })
        #expect(respondentID.role == .ignored)
        #expect(!survey.network.warnings.contains { $0.code == "survey.unnamed-column" })
    }

    @Test func qualtrics() throws {
        let survey = try read("qualtrics.csv")
        #expect(survey.reading.platform == .qualtrics)
        #expect(survey.reading.headerRows == 3)
        #expect(survey.network.respondentCount == 4)
        #expect(ties(survey, "work") == Self.work)
        #expect(ties(survey, "innovation") == ["Ben Jones -> Carla Patel", "Dev Khan -> Anna Smith"])
        #expect(ties(survey, "decision-making") == Self.decisions)
        #expect(survey.network.people.first { $0.name == "Ben Jones" }?.layer == .executive)
    }

    @Test func aHeaderRowsOptionThatContradictsTheExportIsFollowedWithAWarning() throws {
        let survey = try SurveyImporter.load(path: Self.fixtures.appendingPathComponent("qualtrics.csv").path, options: .init(headerRows: 3))
        #expect(!survey.network.warnings.contains { $0.code == "survey.header-rows-override" })
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("surveymonkey.csv"), encoding: .utf8)
        let path = files.write("survey.csv", text)
        do {
            let forced = try SurveyImporter.load(path: path, options: .init(headerRows: 1))
            #expect(forced.network.warnings.contains { $0.code == "survey.header-rows-override" })
        } catch {
            #expect(error.diagnostics.contains { $0.code == "survey.header-rows-override" })
        }
    }

    @Test func theNotesNameEachMappingOnce() throws {
        let survey = try read("surveymonkey.csv")
        let notes = SurveyReadingOutput.notes(survey.reading, file: "surveymonkey.csv")
        #expect(notes.first == "surveymonkey.csv:1: note: read as a SurveyMonkey export (2 header rows)")
        #expect(notes.contains("surveymonkey.csv:1:15: note: columns 15-17 'Who do you work with to improve services?' hold contacts in theme improvement (wording: 'improve')"))
        #expect(notes.filter { $0.contains("theme work") }.count == 1)
        #expect(notes.last?.contains("9 columns are SurveyMonkey metadata") == true)
    }

    // MARK: - Question wording

    @Test(arguments: [
        ("Who do you work with to improve services?", "improvement"),
        ("Who do you work with to deliver services?", "work"),
        ("Who do you go to for specialist advice?", "expertise"),
        ("Who do you share new ideas or approaches with?", "innovation"),
        ("Who do you keep in touch with socially?", "informal"),
        ("Who do you work with on strategy and priorities?", "strategy"),
        ("Who do you make decisions with?", "decision-making"),
        ("Please list the people you decide funding with", "decision-making"),
        ("Which organisations do you work with?", "work"),
        ("Who do you work with on decision-making?", "decision-making"),
    ])
    func wordingPlacesTheTheme(question: String, theme: String) throws {
        let placement = QuestionWording.place(question, themes: .standard)
        guard case .theme(let index, _) = placement else {
            Issue.record("\(question) was not placed: \(placement)")
            return
        }
        #expect(ThemeSet.standard.themes[index].id == theme)
    }

    @Test(arguments: [
        ("What is your name?", SurveyColumn.respondent), ("Your name", .respondent), ("Full name", .respondent),
        ("Which organisation do you work for?", .respondentOrganisation), ("Your organisation", .respondentOrganisation),
        ("What is your role level?", .layer), ("Your role level", .layer), ("Which organisation are you from?", .respondentOrganisation),
        ("Are you strategic, executive or operational?", .layer), ("Please enter your name", .respondent),
    ])
    func wordingPlacesTheRespondentsDetails(question: String, role: SurveyColumn) {
        #expect(QuestionWording.place(question, themes: .standard) == .role(role, matched: {
            if case .role(_, let matched) = QuestionWording.place(question, themes: .standard) { return matched }
            return ""
        }()))
    }

    @Test(arguments: ["How long have you been in your role?", "Any other comments about partnership working?", "Comments"])
    func wordingLeavesOtherQuestionsUnplaced(question: String) {
        #expect(QuestionWording.place(question, themes: .standard) == .none)
    }

    @Test func aQuestionFittingTwoThemesIsAnErrorListingThem() throws {
        let path = files.write("survey.csv", "What is your name?,Who do you share ideas with to improve services?\nAnna,Ben\n")
        do {
            _ = try SurveyImporter.load(path: path)
            Issue.record("read a question that fits two themes")
        } catch {
            let problem = try #require(error.errors.first { $0.code == "survey.ambiguous-question" })
            #expect(problem.message.contains("innovation and improvement"))
            #expect(problem.fix?.contains("column mapping file") == true && problem.inputs == [.columnMapping])
            #expect(problem.location?.column == 2)
        }
    }

    @Test func twoQuestionsForOneThemeAreAnError() throws {
        let path = files.write("survey.csv", "Your name,Who do you work with?,Who do you work with most often?\nAnna,Ben,Carl\n")
        do {
            _ = try SurveyImporter.load(path: path)
            Issue.record("read two questions as one theme")
        } catch {
            let problem = try #require(error.errors.first { $0.code == "survey.theme-twice" })
            #expect(problem.message.contains("column 2") && problem.message.contains("column 3"))
        }
    }

    // MARK: - The --columns file

    @Test func theColumnsFileInspectWritesForNumberedThemeColumnsReadsBack() throws {
        // work_1 and work_2 are one question; the file inspect writes maps both to work, and that must read as it did.
        let path = files.write("survey.csv", "name,org,work_1,work_2,strategy_1\nAnn,Council,Bob,Cat,Bob\nBob,Police,Ann,,\nCat,Health,Ann,Bob,Ann\n")
        let plain = try SurveyImporter.load(path: path)
        let mapping = files.write("columns.csv", ColumnMapping.csv(for: try SurveyImporter.inspect(path: path).reading))
        let mapped = try SurveyImporter.load(path: path, options: .init(columnsPath: mapping))
        #expect(mapped.network.ties.count == plain.network.ties.count && plain.network.ties.count == 7)
        #expect(mapped.reading.columns[3].reason == .mappingFile(line: 5))
        // Two columns a mapping file gives one theme are the user's word that they are one question.
        let merged = files.write("merged.csv", "column,role\n3,work\n5,work\n")
        // strategy_1 read as work repeats two work ties, which are merged: 5 ties.
        #expect(try SurveyImporter.load(path: path, options: .init(columnsPath: merged)).network.ties.count == 5)
    }

    @Test func aColumnsFilePlacesWordingNoRuleCatches() throws {
        let survey = "Respondent,Who else is in your network?\nAnna,Ben; Carl\nBen,Anna\n"
        let path = files.write("survey.csv", survey)
        let inspection = try SurveyImporter.inspect(path: path)
        #expect(inspection.layout == nil)
        let mapping = ColumnMapping.csv(for: inspection.reading)
        let lines = mapping.split(whereSeparator: \.isNewline)
        #expect(lines == ["column,header,role,found_by", "1,Respondent,respondent,header", "2,Who else is in your network?,unplaced,no rule matched"])
        let corrected = files.write("columns.csv", mapping.replacingOccurrences(of: "network?,unplaced", with: "network?,work"))
        let read = try SurveyImporter.load(path: path, options: .init(columnsPath: corrected))
        #expect(read.network.ties.count == 3)
        #expect(read.reading.columns[1].reason == .mappingFile(line: 3))
        // By header as well as by number.
        let byHeader = files.write("by-header.csv", "column,role\nWho else is in your network?,work\n")
        #expect(try SurveyImporter.load(path: path, options: .init(columnsPath: byHeader)).network.ties.count == 3)
        // A file written for an export whose columns have since moved is refused, not applied to the wrong column.
        let moved = files.write("moved.csv", "Who else is in your network?,Respondent\nBen; Carl,Anna\n")
        do {
            _ = try SurveyImporter.load(path: moved, options: .init(columnsPath: corrected))
            Issue.record("applied a columns file to moved columns")
        } catch {
            #expect(error.errors.map(\.code).contains("columns.header-differs"))
        }
    }

    @Test func aBadColumnsFileNamesTheLine() throws {
        let path = files.write("survey.csv", "Respondent,Partners\nAnna,Ben\n")
        let mapping = files.write("columns.csv", "column,role\n2,gossip\n9,work\n")
        do {
            _ = try SurveyImporter.load(path: path, options: .init(columnsPath: mapping))
            Issue.record("read a bad columns file")
        } catch {
            #expect(error.errors.map(\.code) == ["columns.unknown-role"])
            #expect(error.errors[0].location?.line == 2)
        }
        let unknownColumn = files.write("columns2.csv", "column,role\n9,work\n")
        do {
            _ = try SurveyImporter.load(path: path, options: .init(columnsPath: unknownColumn))
            Issue.record("read a columns file naming a missing column")
        } catch {
            #expect(error.errors.map(\.code).contains("columns.unknown-column"))
        }
    }

    // MARK: - Contacts as people type them

    @Test func anonymousFormsSayWhatToDo() throws {
        let path = files.write("survey.csv", "ID,Start time,Completion time,Email,Name,Who do you work with?\n1,x,y,anonymous,,Ben\n")
        do {
            _ = try SurveyImporter.load(path: path)
            Issue.record("read an anonymous form")
        } catch {
            #expect(error.errors.map(\.code) == ["survey.anonymous"])
        }
    }

    @Test func formsNameColumnIsTheRespondentWhenNoQuestionAsks() throws {
        let path = files.write("survey.csv", "ID,Start time,Completion time,Email,Name,Who do you work with?\n1,x,y,a@b,Anna Smith,Ben Jones\n")
        let survey = try SurveyImporter.load(path: path)
        #expect(survey.network.ties.count == 1)
        #expect(survey.reading.columns[4].reason == .platformName)
    }

    @Test func longContactCellWithSeveralNamesIsSplitWithAWarning() throws {
        let path = files.write("survey.csv", "respondent,contact,theme\nAnna,Alice Smith; Bob Jones,work\n")
        let survey = try SurveyImporter.load(path: path)
        #expect(survey.network.people.map(\.name) == ["Anna", "Alice Smith", "Bob Jones"])
        let warning = try #require(survey.network.warnings.first { $0.code == "survey.several-contacts" })
        #expect(warning.location?.line == 2)
    }

    @Test func blankContactWithAThemeIsAWarning() throws {
        let path = files.write("survey.csv", "respondent,contact,theme,strength\nAnna,Ben,work,2\nBen,,work,3\n")
        let survey = try SurveyImporter.load(path: path)
        let warning = try #require(survey.network.warnings.first { $0.code == "survey.blank-contact" })
        #expect(warning.location?.line == 3)
        #expect(survey.network.respondentCount == 2)
    }

    @Test func surnameFirstAndInitialsAreNearDuplicates() throws {
        let path = files.write("survey.csv", """
            respondent,respondent_org,contact,contact_org
            "Smith, Alice",Council,Ben,Police
            Alice Smith,Council,Ben,Police
            Ben,Police,GMP Inspector,GMP
            Ben,Police,Carl,Greater Manchester Police

            """)
        let warnings = try SurveyImporter.load(path: path).network.warnings
        let duplicate = try #require(warnings.first { $0.code == "names.near-duplicate" })
        #expect(duplicate.message.contains("'Smith, Alice' and 'Alice Smith'"))
        #expect(duplicate.fix?.contains("\"Smith, Alice\"") == true)
        let alias = try #require(warnings.first { $0.code == "names.possible-organisation-alias" })
        #expect(alias.message.contains("'GMP'") && alias.message.contains("'Greater Manchester Police'"))
    }

    @Test func googleCheckboxCellsSplitOnCommasKeepingKnownNamesWhole() throws {
        let path = files.write("survey.csv", """
            Timestamp,Your name,Your organisation,Who do you work with?
            1,"Manager, Bolton Council",Bolton Council,"Anna, Youth Worker, Bolton Council"
            2,Anna,Police,"Manager, Bolton Council"

            """)
        let survey = try SurveyImporter.load(path: path)
        let names = survey.network.ties.map { survey.network.people[$0.target].name }
        #expect(names == ["Anna", "Youth Worker, Bolton Council", "Manager, Bolton Council"])
        #expect(survey.network.people.first { $0.name == "Youth Worker, Bolton Council" }?.organisation == "Bolton Council")
    }
}

/// A Microsoft Forms download is an `.xlsx` workbook: read as its CSV would be.
@Suite struct WorkbookSurveyTests {
    let files = TemporaryFiles()

    static let workbooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workbooks")

    func load(_ name: String, sheet: String? = nil, people: String? = nil) throws(InputError) -> ImportedSurvey {
        try SurveyImporter.load(path: Self.workbooks.appendingPathComponent(name).path,
                                options: .init(peoplePath: people, sheet: sheet))
    }

    @Test func aFormsWorkbookReadsAsItsCSV() throws {
        let workbook = try load("forms-export.xlsx")
        let csv = try load("forms-export.csv")
        #expect(workbook.reading.platform == .microsoftForms)
        #expect(workbook.reading.sheet == "Sheet1")
        #expect(workbook.network.people == csv.network.people)
        #expect(workbook.network.ties == csv.network.ties)
        #expect(workbook.network.respondentCount == csv.network.respondentCount)
        let notes = SurveyReadingOutput.notes(workbook.reading, file: "forms.xlsx")
        #expect(notes.contains { $0.hasPrefix("forms.xlsx:Sheet1!J1: note: column 10 'Who do you work with to deliver services?'") })
    }

    @Test func theSheetCanBeChosenAndAWrongOneIsNamed() throws {
        #expect(try load("two-sheets.xlsx").network.ties.count == 1)
        do {
            _ = try load("two-sheets.xlsx", sheet: "Responces")
            Issue.record("read a sheet that does not exist")
        } catch {
            #expect(error.errors.first?.message.contains("'Responses', 'People', 'Old'") == true)
        }
        let csv = files.write("survey.csv", "respondent,contact\nAnna,Ben\n")
        do {
            _ = try SurveyImporter.load(path: csv, options: .init(sheet: "Sheet1"))
            Issue.record("accepted --sheet for a CSV survey")
        } catch {
            #expect(error.kind == .usage)
        }
    }

    @Test(arguments: ["protected.xlsx", "legacy.xls", "responses.ods"])
    func workbooksThatCannotBeReadSayWhatToDo(name: String) throws {
        do {
            _ = try load(name)
            Issue.record("read \(name)")
        } catch {
            let problem = try #require(error.errors.first)
            #expect(problem.code.hasPrefix("workbook."))
            #expect(problem.fix?.isEmpty == false)
        }
    }
}
