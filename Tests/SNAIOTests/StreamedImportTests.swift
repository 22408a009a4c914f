import Foundation
import SNACore
import Testing
@testable import SNAIO

/// A survey read from its file is streamed into the network row by row; read
/// from a table already parsed it goes through the records kept. Both must
/// give the same network, warnings and errors.
@Suite struct StreamedImportTests {
    let files = TemporaryFiles()

    /// The outcome of an import, comparable: the network's parts, or the error.
    struct Outcome: Equatable {
        var people: [Person] = []
        var organisations: [Organisation] = []
        var ties: [Tie] = []
        var themes: [String] = []
        var warnings: [String] = []
        var rows = 0
        var layout: SurveyLayout?
        var error: [String]?

        init(_ load: () throws(InputError) -> ImportedSurvey) {
            do throws(InputError) {
                let survey = try load()
                people = survey.network.people
                organisations = survey.network.organisations
                ties = survey.network.ties
                themes = survey.network.themes.map(\.id)
                warnings = survey.network.warnings.map(\.description)
                rows = survey.rows
                layout = survey.layout
            } catch {
                self.error = error.diagnostics.map(\.description)
            }
        }
    }

    func compare(_ text: String, people: String? = nil, headerRows: Int? = nil, layout: SurveyLayout? = nil) throws -> Outcome {
        let path = files.write("survey.csv", text)
        let peoplePath = people.map { files.write("people.csv", $0) }
        let options = SurveyImportOptions(layout: layout, peoplePath: peoplePath, headerRows: headerRows)
        let streamed = Outcome { () throws(InputError) in try SurveyImporter.load(path: path, options: options) }
        let whole = Outcome { () throws(InputError) in
            var peopleTable: CSVTable?
            if let peoplePath { peopleTable = try CSVReader.read(path: peoplePath) }
            return try SurveyImporter.load(survey: CSVReader.read(path: path), people: peopleTable, options: options)
        }
        #expect(streamed == whole)
        return streamed
    }

    @Test func quotedNamesWithDoubledQuotesLineBreaksAndCRLF() throws {
        let outcome = try compare(
            "respondent,respondent_org,contact,contact_org,theme,strength\r\n"
                + "\"Sam \"\"Spike\"\" O'Neil\",Council,\"Ben\r\nSmith\",Police,work,3\r\n"
                + "\"Sam \"\"Spike\"\" O'Neil\",Council,Ben Smith,Police,work,4\r\n"
                + "\"  sam \"\"spike\"\" o'neil \",Council,Cara,,informal,\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.people.map(\.name) == ["Sam \"Spike\" O'Neil", "Ben Smith", "Cara"])
        #expect(outcome.ties.count == 2)
        #expect(outcome.warnings.contains { $0.contains("repeats the tie at") && $0.contains(":2") })
    }

    @Test func repeatedHeadersUnnamedColumnsAndNobody() throws {
        let outcome = try compare("""
            respondent,contact,theme,,notes
            Anna,Ben,work,,
            respondent,contact,theme,,notes
            Ben,none,work,x,hello
            Cara,,work,,
            Anna,Anna,work,,
            Anna,Ben,work,,
            """)
        #expect(outcome.warnings.contains { $0.contains("survey.unnamed-column") || $0.contains("no header") })
        #expect(outcome.warnings.contains { $0.contains("repeats the header") })
    }

    @Test func rowErrorsAndCSVErrors() throws {
        let errors = try compare("""
            respondent,contact,theme,strength
            Anna,Ben,work,x
            ,Ben,work,1
            Anna,Ben,nonsense,1
            Anna,Ben,,1
            """)
        #expect(errors.error?.count == 4)
        let csv = try compare("respondent,contact\nAnna,\"Ben\nCara,Dan,Eve\n")
        #expect(csv.error?.count == 1)
        let ragged = try compare("respondent,contact\nAnna,Ben,Cara\nAnna\n")
        #expect(ragged.error?.count == 2)
    }

    @Test func headerRowsLayoutsAndPeopleFile() throws {
        let qualtrics = "respondent,contact\n\"{\"\"ImportId\"\":\"\"QID1\"\"}\",x\nAnna,Ben\n"
        // The import row is recognised without --header-rows.
        #expect(try compare(qualtrics).rows == 1)
        #expect(try compare(qualtrics, headerRows: 2).rows == 1)
        #expect(try compare("respondent,contact,work\nAnna,Ben,x\n").error?.first?.contains("either layout") == true)
        #expect(try compare("who,whom\nAnna,Ben\n").error != nil)
        let wide = try compare("""
            respondent,organisation,work,strategy
            Anna,Council,Ben; Cara,Dan
            Ben,Police,Anna,
            Anna,Council,Ben,Dan
            """, people: "id,organisation,sector\nAnna,Council,public\nBen,Police,public\n")
        #expect(wide.layout == .wide)
        #expect(wide.warnings.contains { $0.contains("answered again") })
        let long = try compare("respondent,contact\nAnna,Ben\nAnna,Zed\n", people: "id,organisation\nAnna,Council\nBen,Police\n")
        #expect(long.warnings.contains { $0.contains("not listed in the people file") })
    }

    @Test func notUTF8AndEmpty() throws {
        let path = files.write("survey.csv", "")
        try Data([0x72, 0x2C, 0x63, 0x0A, 0x41, 0xE9, 0x2C, 0x42, 0x0A]).write(to: URL(fileURLWithPath: path))
        let bytes = Outcome { () throws(InputError) in try SurveyImporter.load(path: path, options: .init(layout: .long)) }
        #expect(bytes.error?.first?.contains("not valid UTF-8") == true)
        #expect(try compare("").error?.first?.contains("empty") == true)
        #expect(try compare("\n\n,,\n").error?.first?.contains("empty") == true)
    }
}
