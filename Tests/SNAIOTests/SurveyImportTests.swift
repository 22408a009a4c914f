import Foundation
import SNACore
import Testing
@testable import SNAIO

@Suite struct SurveyImportTests {
    let files = TemporaryFiles()

    func load(_ survey: String, people: String? = nil, aliases: String? = nil, layout: SurveyLayout? = nil,
              themes: ThemeSet = .standard) throws -> ImportedSurvey {
        try SurveyImporter.load(
            path: files.write("survey.csv", survey),
            options: .init(layout: layout, themes: themes,
                           peoplePath: people.map { files.write("people.csv", $0) },
                           aliasesPath: aliases.map { files.write("aliases.csv", $0) }))
    }

    func failure(_ survey: String, people: String? = nil, aliases: String? = nil, layout: SurveyLayout? = nil) -> InputError? {
        do { _ = try load(survey, people: people, aliases: aliases, layout: layout); return nil } catch let error as InputError {
            return error
        } catch { return nil }
    }

    // MARK: Long format

    @Test func longWithAllColumns() throws {
        let survey = try load("""
            respondent,respondent_org,contact,contact_org,theme,strength
            Anna,Council,Ben,Police,work,3
            Ben,Police,Anna,Council,Work,2
            Anna,Council,Cara,Health,Decision making,
            """)
        let network = survey.network
        #expect(survey.layout == .long)
        #expect(network.unit == .people)
        #expect(network.people.map(\.name) == ["Anna", "Ben", "Cara"])
        #expect(network.people.map(\.responded) == [true, true, false])
        #expect(network.organisations.map(\.name) == ["Council", "Police", "Health"])
        #expect(network.themes.map(\.id) == ["work", "decision-making"])
        #expect(network.ties.count == 3)
        #expect(network.ties[0].strength == 3)
        #expect(network.ties[2].strength == nil)
        #expect(network.warnings.isEmpty)
    }

    @Test(arguments: [
        "Source,Target,Relation,Weight", "FROM , TO, Network, Frequency", "ego,alter,question,value", "Name,Named,theme,strength",
    ])
    func longHeaderAliases(header: String) throws {
        let survey = try load("\(header)\nA,B,work,1\n")
        #expect(survey.layout == .long)
        #expect(survey.network.ties.first?.strength == 1)
        #expect(survey.network.themes.map(\.id) == ["work"])
    }

    @Test func orgColumnAliases() throws {
        let network = try load("from,from agency,to,to partner\nA,Council,B,Police\n").network
        #expect(network.people.map(\.organisation) == ["Council", "Police"])
    }

    @Test func withoutThemeColumnIsOneRelation() throws {
        let network = try load("respondent,contact\nA,B\nB,C\n").network
        #expect(network.themes.isEmpty)
        #expect(network.selections == [.all])
        #expect(network.id(of: .all) == "all")
        #expect(network.unit == .organisations)
    }

    @Test func namesAreCleanedAndMatchedCaseInsensitively() throws {
        let network = try load("respondent,contact,theme\n  Anna   Lee ,ben,work\nBEN,anna lee,work\n").network
        #expect(network.people.map(\.name) == ["Anna Lee", "ben"])
        #expect(network.ties.count == 2)
        #expect(network.people.allSatisfy { $0.responded })
    }

    @Test func duplicateTiesMergeKeepingTheHigherStrength() throws {
        let network = try load("respondent,contact,theme,strength\nA,B,work,1\na,b,WORK,3\nA,B,informal,2\n").network
        #expect(network.ties.count == 2)
        #expect(network.ties[0].strength == 3)
        let warning = try #require(network.warnings.first { $0.code == "survey.duplicate-tie" })
        #expect(warning.location?.line == 3)
        #expect(warning.message.contains("survey.csv:2"))
    }

    @Test func selfTiesAreDroppedWithAWarning() throws {
        let network = try load("respondent,contact\nA,A\nA,B\n").network
        #expect(network.ties.count == 1)
        #expect(network.warnings.map(\.code) == ["survey.self-tie"])
    }

    @Test func respondentWithNoContactStillResponded() throws {
        let network = try load("respondent,contact\nA,\nB,C\nD,none\n").network
        #expect(network.people.map(\.name) == ["A", "B", "C", "D"])
        #expect(network.respondentCount == 3)
        #expect(network.warnings.map(\.code) == ["survey.no-contact"])
    }

    @Test func ignoredColumnsAreReported() throws {
        let network = try load("respondent,contact,timestamp\nA,B,2024-01-01\n").network
        #expect(network.warnings.map(\.code) == ["survey.ignored-columns"])
    }

    // MARK: Wide format

    @Test func wideWithSeparatedContacts() throws {
        let survey = try load("""
            Name,Organisation,Layer,Work,Decision making,Informal/social,Role
            Anna,Council,Strategic,"Ben; Cara","Ben",,
            Ben,Police,operational,"Anna
            Dev",,Anna,Inspector
            Cara,Health,,,,,
            """)
        let network = survey.network
        #expect(survey.layout == .wide)
        #expect(network.themes.map(\.id) == ["work", "informal", "decision-making"])
        #expect(network.people.map(\.name) == ["Anna", "Ben", "Cara", "Dev"])
        #expect(network.people.map(\.responded) == [true, true, true, false])
        #expect(network.people[1].layer == .operational)
        #expect(network.people[1].attributes["role"] == "Inspector")
        #expect(network.ties.count == 6)
        #expect(network.respondentCount == 3)
    }

    @Test func wideWithNumberedColumns() throws {
        let survey = try load("respondent,work_1,work_2,work 3,Strategy1,strategy_2\nA,B,C,,D,\nB,A,,,,\n")
        #expect(survey.layout == .wide)
        #expect(survey.network.themes.map(\.id) == ["work", "strategy"])
        #expect(survey.network.ties.count == 4)
    }

    @Test func layoutCanBeForced() throws {
        // Detected as long because of the contact column, forced wide it has no respondent column for themes...
        let survey = try load("respondent,work,contact_notes\nA,B,x\n", layout: .wide)
        #expect(survey.layout == .wide)
        #expect(survey.network.ties.count == 1)
    }

    @Test func wideAndLongOfTheSameAnswersAgree() throws {
        let long = try load("respondent,contact,theme\nA,B,work\nA,C,work\nB,A,strategy\n").network
        let wide = try load("respondent,work,strategy\nA,B;C,\nB,,A\n").network
        #expect(long.people.map(\.name) == wide.people.map(\.name))
        #expect(Set(long.ties) == Set(wide.ties))
    }

    // MARK: People and aliases

    @Test func peopleFileDefinesThePopulationAndAttributes() throws {
        let network = try load(
            "respondent,contact,theme\nAnna,Ben,work\n",
            people: "id,organisation,layer,sector\nAnna,Council,strategic,public\nBen,Police,Operational,public\nZed,Charity,,voluntary\n").network
        #expect(network.people.map(\.name) == ["Anna", "Ben", "Zed"])
        #expect(network.people[2].responded == false)
        #expect(network.people[0].layer == .strategic)
        #expect(network.organisations.map(\.name) == ["Council", "Police", "Charity"])
        #expect(network.organisations[2].sector == "voluntary")
        #expect(network.responseRate.rate == 1.0 / 3.0)
        #expect(network.value(of: Grouping("Sector"), node: 1, level: .people) == "public")
        #expect(network.value(of: Grouping("organisation"), node: 1, level: .people) == "Police")
        #expect(network.value(of: Grouping("org"), node: 1, level: .people) == "Police")
    }

    @Test func peopleMissingFromThePeopleFileAreWarned() throws {
        let network = try load("respondent,contact\nAnna,Ben\n", people: "id,organisation\nAnna,Council\n").network
        #expect(network.warnings.map(\.code).contains("people.not-in-people-file"))
        #expect(network.warnings.map(\.code).contains("people.no-organisation"))
    }

    @Test func organisationConflictBetweenSurveyAndPeopleFile() throws {
        let error = try #require(failure(
            "respondent,respondent_org,contact\nAnna,Police,Ben\n", people: "id,organisation\nAnna,Council\nBen,Council\n"))
        #expect(error.kind == .badData)
        let conflict = try #require(error.errors.first)
        #expect(conflict.code == "people.conflict")
        #expect(conflict.location?.line == 2)
        #expect(conflict.message.contains("'Police'"))
        #expect(conflict.message.contains("'Council'"))
        #expect(conflict.message.contains("people.csv:2"))
    }

    @Test func organisationConflictWithinTheSurvey() throws {
        let error = try #require(failure("respondent,respondent_org,contact,contact_org\nA,Council,B,Police\nB,Health,A,Council\n"))
        #expect(error.errors.map(\.code) == ["people.conflict"])
        #expect(error.errors[0].location?.line == 3)
    }

    @Test func organisationSpellingsMatchCaseInsensitively() throws {
        let network = try load("respondent,respondent_org,contact,contact_org\nA,Bolton Council,B,bolton  council\n").network
        #expect(network.organisations.map(\.name) == ["Bolton Council"])
    }

    @Test func aliasesMergeVariantSpellings() throws {
        let network = try load(
            "respondent,respondent_org,contact,contact_org,theme\nJ. Smith,Council,Ann,Police,work\nAnn,Police,John Smith,Council,work\n",
            aliases: "alias,name\nJ. Smith,John Smith\n").network
        #expect(network.people.map(\.name) == ["John Smith", "Ann"])
        #expect(network.people[0].responded)
        #expect(!network.warnings.map(\.code).contains("names.near-duplicate"))
    }

    @Test func nearDuplicatesAreWarnedWithAnAliasLine() throws {
        let network = try load("respondent,respondent_org,contact,contact_org\nJ. Smith,Council,Ann,Police\nAnn,Police,John Smith,Council\n").network
        let warning = try #require(network.warnings.first { $0.code == "names.near-duplicate" })
        #expect(warning.message.contains("'J. Smith' and 'John Smith' (Council)"))
        #expect(warning.fix?.contains("\"J. Smith\",\"John Smith\"") == true)
    }

    @Test func conflictingAliases() throws {
        let error = try #require(failure("respondent,contact\nA,B\n", aliases: "alias,name\nX,A\nx,B\n"))
        #expect(error.errors.map(\.code) == ["aliases.conflict"])
        #expect(error.errors[0].location?.line == 3)
    }

    // MARK: Errors

    @Test func unknownThemeListsTheValidOnes() throws {
        let error = try #require(failure("respondent,contact,theme\nA,B,work\nA,C,funding\n"))
        #expect(error.kind == .badData)
        let problem = error.errors[0]
        #expect(problem.code == "survey.unknown-theme")
        #expect(problem.location?.line == 3 && problem.location?.column == 3)
        #expect(problem.value == "funding")
        #expect(problem.fix?.contains("decision-making") == true)
    }

    @Test func nonNumericAndNegativeStrength() throws {
        let error = try #require(failure("respondent,contact,strength\nA,B,high\nA,C,-1\nA,D,2,5\nA,E,2.5\n"))
        #expect(error.errors.map(\.code) == ["csv.ragged-row"])
        let error2 = try #require(failure("respondent,contact,strength\nA,B,high\nA,C,-1\nA,E,2.5\n"))
        #expect(error2.errors.map(\.code) == ["survey.bad-strength", "survey.bad-strength"])
        #expect(error2.errors.map { $0.location?.line } == [2, 3])
        #expect(error2.errors[0].description.contains("(value: \"high\")"))
    }

    @Test func missingRequiredColumns() throws {
        let error = try #require(failure("respondent,theme\nA,work\n", layout: .long))
        #expect(error.errors.map(\.code) == ["survey.missing-column"])
        #expect(error.errors[0].message.contains("contact"))
        let unknown = try #require(failure("who,whom\nA,B\n"))
        #expect(unknown.errors.map(\.code) == ["survey.unknown-layout"])
    }

    @Test func emptyRespondentAndTheme() throws {
        let error = try #require(failure("respondent,contact,theme\n,B,work\nA,B,\n"))
        #expect(error.errors.map(\.code) == ["survey.missing-respondent", "survey.missing-theme"])
    }

    @Test func headerOnlyNamesNobody() throws {
        let error = try #require(failure("respondent,contact\n"))
        #expect(error.errors.map(\.code) == ["survey.no-people"])
    }

    @Test func mixedThemedAndUnthemedIsImpossibleButDuplicateColumnsAreCaught() throws {
        let error = try #require(failure("respondent,source,contact\nA,B,C\n"))
        #expect(error.errors.map(\.code) == ["survey.duplicate-column"])
    }

    @Test func peopleFileErrors() throws {
        let error = try #require(failure("respondent,contact\nA,B\n", people: "who,organisation\nA,X\n"))
        #expect(error.errors.map(\.code) == ["people.missing-id"])
        let layer = try #require(failure("respondent,contact\nA,B\n", people: "id,layer\nA,middle\n"))
        #expect(layer.errors.map(\.code) == ["people.unknown-layer"])
        #expect(layer.errors[0].location?.file.hasSuffix("people.csv") == true)
    }

    @Test func missingFilesAreReportedTogether() throws {
        let survey = files.write("s.csv", "respondent,contact\nA,B\n")
        do {
            _ = try SurveyImporter.load(path: survey, options: .init(peoplePath: "/no/people.csv", aliasesPath: "/no/aliases.csv"))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .missingInput)
            #expect(error.diagnostics.map { $0.location?.file } == ["/no/people.csv", "/no/aliases.csv"])
        }
    }

    @Test func malformedCSVInSeveralFilesComeTogether() throws {
        let error = try #require(failure("respondent,contact\nA,\"B\n", people: "id\nA,B\n"))
        #expect(Set(error.errors.map(\.code)) == ["csv.unterminated-quote", "csv.ragged-row"])
    }
}
