import Foundation
import SNACore
import Testing
@testable import SNAIO

/// The strict CSV reader on every case real exports produce.
@Suite struct CSVReaderTests {
    func parse(_ text: String) throws -> CSVTable { try CSVReader.parse(text: text, file: "t.csv") }

    func problems(_ text: String) -> [Diagnostic] {
        do { _ = try parse(text); return [] } catch let error as InputError { return error.diagnostics } catch { return [] }
    }

    func problems(_ bytes: [UInt8]) -> [Diagnostic] {
        do { _ = try CSVReader.parse(Data(bytes), file: "t.csv"); return [] } catch { return error.diagnostics }
    }

    @Test func plainFile() throws {
        let table = try parse("a,b\n1,2\n3,4\n")
        #expect(table.header == ["a", "b"])
        #expect(table.records == [CSVRecord(line: 2, fields: ["1", "2"]), CSVRecord(line: 3, fields: ["3", "4"])])
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let table = try CSVReader.parse(Data([0xEF, 0xBB, 0xBF] + Array("respondent,contact\nA,B\n".utf8)), file: "t.csv")
        #expect(table.header == ["respondent", "contact"])
    }

    @Test func crlfAndLoneCRAndNoFinalNewline() throws {
        #expect(try parse("a,b\r\n1,2\r\n3,4").records.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(try parse("a,b\r1,2\r3,4\r").records.map(\.line) == [2, 3])
    }

    @Test func quotedFieldsWithCommasNewlinesAndDoubledQuotes() throws {
        let table = try parse("name,note\n\"Smith, John\",\"said \"\"hi\"\"\nthen left\"\nnext,row\n")
        #expect(table.records[0].fields == ["Smith, John", "said \"hi\"\nthen left"])
        // The record after a multi-line field starts on the right line.
        #expect(table.records[1].line == 4)
        #expect(table.records[1].fields == ["next", "row"])
    }

    @Test func emptyQuotedAndTrailingEmptyFields() throws {
        let table = try parse("a,b,c\n\"\",x,\n")
        #expect(table.records[0].fields == ["", "x", ""])
    }

    @Test func surplusEmptyFieldsAreDroppedAndShortRowsReachTrailingBlankHeaderCells() throws {
        let table = try parse("a,b\n1,2,,\n3,4\n")
        #expect(table.header == ["a", "b"])
        #expect(table.records.map(\.fields) == [["1", "2"], ["3", "4"]])
        // Blank header cells are kept (a SurveyMonkey question's sub-columns), and rows need not reach them.
        let blank = try parse("a,b,,\n1,2,x,\n3,4\n")
        #expect(blank.header == ["a", "b", "", ""])
        #expect(blank.records.map(\.fields) == [["1", "2", "x", ""], ["3", "4", "", ""]])
    }

    @Test func blankLinesAndCommaOnlyLinesAreSkipped() throws {
        let table = try parse("\n\na,b\n\n1,2\n,\n\n3,4\n\n")
        #expect(table.headerLine == 3)
        #expect(table.records.map(\.line) == [5, 8])
    }

    @Test func spacesArePreserved() throws {
        #expect(try parse("a\n  padded  \n").records[0].fields == ["  padded  "])
    }

    @Test func unterminatedQuoteNamesTheLineItOpened() {
        let found = problems("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(found.count == 1)
        #expect(found[0].code == "csv.unterminated-quote")
        #expect(found[0].location?.line == 3)
        #expect(found[0].location?.column == 2)
        #expect(found[0].location?.columnName == "b")
        #expect(found[0].description.hasPrefix("t.csv:3:2: error:"))
    }

    @Test func strayQuoteInUnquotedField() {
        let found = problems("a,b\n1,say \"hi\"\n")
        #expect(found.map(\.code) == ["csv.stray-quote"])
        #expect(found[0].location?.line == 2)
        #expect(found[0].value == "say \"hi\"")
    }

    @Test func textAfterClosingQuote() {
        let found = problems("a,b\n\"x\"y,2\n")
        #expect(found.map(\.code) == ["csv.text-after-quote"])
        #expect(found[0].location?.column == 1)
    }

    @Test func raggedRows() {
        let found = problems("a,b,c\n1,2\n1,2,3,4\n1,2,3\n")
        #expect(found.map(\.code) == ["csv.ragged-row", "csv.ragged-row"])
        #expect(found.map { $0.location?.line } == [2, 3])
        #expect(found[0].message.contains("2 fields but the header has 3"))
    }

    @Test func severalProblemsAreCollected() {
        let found = problems("a,b\n1\nx\"y,2\n3\n")
        #expect(found.count == 3)
        #expect(found.map { $0.location?.line } == [2, 3, 4])
    }

    @Test func emptyFile() {
        #expect(problems("").map(\.code) == ["csv.empty"])
        #expect(problems("\n\r\n  ,\n").map(\.code) == ["csv.empty"] || problems("\n\r\n,\n").map(\.code) == ["csv.empty"])
        #expect(problems([0xEF, 0xBB, 0xBF]).map(\.code) == ["csv.empty"])
    }

    @Test func notUTF8() {
        // "Zoë" in Windows-1252.
        let found = problems(Array("a,b\n1,Zo".utf8) + [0xEB] + Array("\n".utf8))
        #expect(found.map(\.code) == ["csv.not-utf8"])
        #expect(found[0].location?.line == 2)
        #expect(found[0].location?.column == 2)
        #expect(found[0].fix?.contains("UTF-8") == true)
    }

    @Test func utf16IsRecognised() {
        #expect(problems([0xFF, 0xFE, 0x61, 0x00]).map(\.code) == ["csv.not-utf8"])
    }

    @Test func nonASCIIUTF8IsFine() throws {
        #expect(try parse("name\nZoë Ó Briain\n李雷\n").records.map(\.fields) == [["Zoë Ó Briain"], ["李雷"]])
    }

    @Test func missingFileAndFolder() throws {
        #expect(throws: InputError.self) { try CSVReader.read(path: "/nonexistent/survey.csv") }
        do { _ = try CSVReader.read(path: "/nonexistent/survey.csv") } catch {
            #expect(error.kind == .missingInput)
            #expect(error.diagnostics[0].description.contains("no such file"))
        }
        do { _ = try CSVReader.read(path: NSTemporaryDirectory()) } catch {
            #expect(error.kind == .missingInput)
            #expect(error.diagnostics[0].code == "file.is-directory")
        }
    }

    /// Random tables written by the CSV writer read back unchanged.
    @Test func roundTripsWhatTheWriterWrites() throws {
        var random = SeededGenerator(seed: 3)
        let alphabet = Array("ab ,\"\n\r;é'=")
        for _ in 0..<200 {
            let columns = 1 + random.nextInt(below: 4)
            var writer = CSVWriter(header: (0..<columns).map { "c\($0)" })
            var rows: [[String]] = []
            for _ in 0..<(1 + random.nextInt(below: 5)) {
                let row = (0..<columns).map { _ in String((0..<random.nextInt(below: 6)).map { _ in alphabet[random.nextInt(below: alphabet.count)] }) }
                if row.allSatisfy({ $0.isEmpty }) { continue }
                rows.append(row)
                writer.append(row.map { .text($0) })
            }
            let table = try parse(writer.output)
            // The writer protects formulas with a leading apostrophe.
            let expected = rows.map { $0.map { ($0.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false) ? "'" + $0 : $0 } }
            #expect(table.records.map(\.fields) == expected)
        }
    }
}
