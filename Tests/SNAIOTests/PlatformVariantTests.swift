import Foundation
import SNACore
import Testing
@testable import SNAIO

/// Real exports vary from the platforms' documented shapes; each case here
/// was found by trying exports as users make them, and once read wrong.
@Suite struct PlatformVariantTests {
    let files = TemporaryFiles()

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var csv: String
        /// Every tie read, as "theme: source -> target", sorted.
        var ties: [String]
        /// Warning codes that must be among those given.
        var warnings: [String] = []
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "follow-up questions are not contact questions",
             csv: "Timestamp,Your name,Your organisation,Who do you go to for advice?,How many people do you work with?,Why do you share ideas with the people you named?\nx,Anna Smith,Org A,Ben Jones,12,\"Because they are helpful, mostly\"\nx,Ben Jones,Org B,Anna Smith,about 5,They listen\n",
             ties: ["expertise: Anna Smith -> Ben Jones", "expertise: Ben Jones -> Anna Smith"], warnings: ["survey.unplaced-columns"]),
        Case(name: "who do you work for is the employer",
             csv: "Your name,Who do you work for?,Who do you go to for advice?\nAnna,Council,Ben\nBen,Police,Anna\n",
             ties: ["expertise: Anna -> Ben", "expertise: Ben -> Anna"]),
        Case(name: "SurveyMonkey with its second header row deleted",
             csv: "Respondent ID,Collector ID,What is your name?,Who do you work with?,,\n1,9,Anna,Ben,Carl,\n2,9,Ben,Anna,,\n",
             ties: ["work: Anna -> Ben", "work: Anna -> Carl", "work: Ben -> Anna"]),
        Case(name: "two SurveyMonkey exports joined",
             csv: "Respondent ID,Collector ID,What is your name?,Who do you work with?,\n,,Open-Ended Response,Contact 1,Contact 2\n1,9,Anna,Ben,\nRespondent ID,Collector ID,What is your name?,Who do you work with?,\n,,Open-Ended Response,Contact 1,Contact 2\n2,9,Ben,Anna,\n",
             ties: ["work: Anna -> Ben", "work: Ben -> Anna"], warnings: ["survey.repeated-header"]),
        Case(name: "an organisation question with an Other box",
             csv: "Respondent ID,Collector ID,What is your name?,Which organisation do you work for?,,Who do you work with?\n,,Open-Ended Response,Response,Other (please specify),Contact 1\n1,1,Anna,Council,,Ben\n2,1,Ben,Other (please specify),Police,Anna\n",
             ties: ["work: Anna -> Ben", "work: Ben -> Anna"]),
        Case(name: "Qualtrics display order and ticked Other columns",
             csv: "ResponseId,Q1,Q4_1,Q4_2,Q4_3,Q4_3_TEXT,Q4_DO\nResponse ID,What is your name?,Who do you meet socially? - Anna,Who do you meet socially? - Ben,Who do you meet socially? - Other,Who do you meet socially? - Other - Text,Who do you meet socially? - Display Order\n\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1_TEXT\"\"}\",\"{\"\"ImportId\"\":\"\"QID4_1\"\"}\",\"{\"\"ImportId\"\":\"\"QID4_2\"\"}\",\"{\"\"ImportId\"\":\"\"QID4_3\"\"}\",\"{\"\"ImportId\"\":\"\"QID4_3_TEXT\"\"}\",\"{\"\"ImportId\"\":\"\"QID4_DO\"\"}\"\nR_1,Anna,,1,1,Dev,Q4_1|Q4_2\nR_2,Ben,1,,,,Q4_2|Q4_1\n",
             // A tick of 1 reads as strength 1, the strength every tie has when none is given.
             ties: ["informal: Anna -> Ben (1.0)", "informal: Anna -> Dev", "informal: Ben -> Anna (1.0)"], warnings: ["survey.not-a-name"]),
        Case(name: "Qualtrics recipient names in its own order (last, first)",
             csv: "ResponseId,RecipientLastName,RecipientFirstName,Q3_1\nResponse ID,Recipient Last Name,Recipient First Name,Who do you work with? - Contact 1\n\"{\"\"ImportId\"\": \"\"_recordId\"\"}\",\"{\"\"ImportId\"\": \"\"recipientLastName\"\"}\",\"{\"\"ImportId\"\": \"\"recipientFirstName\"\"}\",\"{\"\"ImportId\"\": \"\"QID3_1\"\"}\"\nR_1,Smith,Anna,Ben Jones\nR_2,Jones,Ben,Anna Smith\n",
             ties: ["work: Anna Smith -> Ben Jones", "work: Ben Jones -> Anna Smith"]),
        Case(name: "Qualtrics without its import-id row",
             csv: "StartDate,ResponseId,Q1,Q2_1\nStart Date,Response ID,What is your name?,Who do you work with? - Contact 1\n2024,R_1,Anna,Ben\n",
             ties: ["work: Anna -> Ben"]),
        Case(name: "Qualtrics V1, V2 ... export",
             csv: "V1,V2,V3,Q1,Q2_1\nResponseID,ResponseSet,Name,What is your name?,Who do you work with? - Contact 1\nR_1,Default,Anonymous,Anna,Ben\n",
             ties: ["work: Anna -> Ben"]),
        Case(name: "a grid: no and don't know are no tie, a leading number is the strength",
             csv: "Respondent ID,Collector ID,Your name,How often do you work with each of these people?,,,\n,,Open-Ended Response,Ben,Carl,Dev,Erin\n1,1,Anna,No contact,Don't know,5 - Very often,Never\n",
             ties: ["work: Anna -> Dev (5.0)"]),
        Case(name: "a Forms question headed Name after the metadata",
             csv: "ID,Start time,Completion time,Email,Name,Last modified time,Name,Organisation,Who do you work with?\n1,x,x,anonymous,,,Anna,Council,Ben\n2,x,x,anonymous,,,Ben,Police,Anna\n",
             ties: ["work: Anna -> Ben", "work: Ben -> Anna"]),
        Case(name: "Forms in German",
             csv: "ID,Startzeit,Fertigstellungszeit,E-Mail,Name,Letzte Änderungszeit,Your name,Who do you work with?\n1,x,x,anonymous,,,Anna,Ben;Carl;\n",
             ties: ["work: Anna -> Ben", "work: Anna -> Carl"]),
        Case(name: "Google Forms in German splits its checkbox answers",
             csv: "Zeitstempel,Your name,Who do you work with?\nx,Anna,\"Ben, Carl\"\nx,Ben,Anna\n",
             ties: ["work: Anna -> Ben", "work: Anna -> Carl", "work: Ben -> Anna"]),
        Case(name: "first name and surname asked apart",
             csv: "Timestamp,First name,Surname,Who do you work with?\nx,Anna,Smith,Ben Jones\nx,Ben,Jones,Anna Smith\n",
             ties: ["work: Anna Smith -> Ben Jones", "work: Ben Jones -> Anna Smith"]),
        Case(name: "a Google checkbox answer with a surname-first name and fragments",
             csv: "Timestamp,Your name,Who do you work with?\nx,Anna Smith,Ben Jones\nx,Ben Jones,\"Smith, Anna, Sam\"\n",
             ties: ["work: Anna Smith -> Ben Jones", "work: Ben Jones -> Anna Smith", "work: Ben Jones -> Sam"],
             warnings: ["survey.comma-split-fragment"]),
        Case(name: "a hint in brackets is not a grid",
             csv: "Timestamp,Your name,Who do you work with? [list up to 5 names]\nx,Anna,\"Ben, Carl\"\n",
             ties: ["work: Anna -> Ben", "work: Anna -> Carl"]),
        Case(name: "a numbered box labelled with a respondent's name is about them",
             csv: "Respondent ID,Collector ID,Your name,Who do you work with?,\n,,Open-Ended Response,Ben 2,Anna 1\n1,1,Anna 1,Yes,\n2,1,Ben 2,,Yes\n",
             ties: ["work: Anna 1 -> Ben 2", "work: Ben 2 -> Anna 1"]),
        Case(name: "an optional name left blank",
             csv: "Timestamp,Your name,Who do you work with?\nx,Anna,Ben\nx,,Carl\n",
             ties: ["work: Anna -> Ben"], warnings: ["survey.anonymous-answer"]),
    ]

    @Test(arguments: cases)
    func variantIsReadRight(_ variant: Case) throws {
        let survey = try SurveyImporter.load(path: files.write("survey.csv", variant.csv))
        let network = survey.network
        let ties = network.ties.map { tie in
            let theme = tie.theme.map { network.themes[$0].id } ?? "all"
            let strength = tie.strength.map { " (\($0))" } ?? ""
            return "\(theme): \(network.people[tie.source].name) -> \(network.people[tie.target].name)\(strength)"
        }.sorted()
        #expect(ties == variant.ties)
        let codes = Set(network.warnings.map(\.code))
        for code in variant.warnings { #expect(codes.contains(code), "\(code) missing") }
    }

    @Test func aSurveyThatAsksNamesIsOfPeopleEvenWithoutOrganisations() throws {
        let survey = try SurveyImporter.load(path: files.write("survey.csv", "Timestamp,What is your name?,Who do you work with?\nx,Anna,Ben\n"))
        #expect(survey.network.unit == .people)
        #expect(survey.network.warnings.map(\.code).contains("people.no-organisation"))
    }

    @Test func layerChoiceTextNamingOneLayerIsThatLayer() {
        #expect(Layer(spelling: "Strategic (Director / Head of Service)") == .strategic)
        #expect(Layer(spelling: "Operational – front line") == .operational)
        #expect(Layer(spelling: "Strategic or operational") == nil)
    }

    @Test func aColumnsFileNamingAHeaderTwiceIsRefused() throws {
        let path = files.write("survey.csv", "Respondent,Partners,Partners\nAnna,Ben,Carl\n")
        let mapping = files.write("columns.csv", "column,role\nPartners,work\n")
        do {
            _ = try SurveyImporter.load(path: path, options: .init(columnsPath: mapping))
            Issue.record("picked one of two columns with the same header")
        } catch {
            #expect(error.errors.map(\.code).contains("columns.ambiguous-header"))
        }
    }
}

/// Names that real exports write two ways for one person.
@Suite struct WrittenTwoWaysTests {
    @Test(arguments: [
        ("Dr Anna Smith", "Anna Smith"), ("Erin Walsh (GMP)", "Erin Walsh"), ("Anna Smith (she/her)", "Anna Smith"),
        ("Sam ONeil", "Sam O'Neil"), ("Smith, Alice", "Alice Smith"),
    ])
    func areNearDuplicatesWithNoOrganisationKnown(a: String, b: String) {
        let people = [Person(name: a), Person(name: b), Person(name: "Carl Dean")]
        let warnings = NearDuplicateNames.warnings(for: people)
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("'\(a)' and '\(b)'") == true)
    }

    @Test func differentPeopleAreNot() {
        let people = ["Dr Anna Smith", "Anna Jones", "Erin Walsh (GMP)", "Erin Wood", "Officer 1 (GMP)", "Officer 2"].map { Person(name: $0) }
        #expect(NearDuplicateNames.warnings(for: people).isEmpty)
    }
}
