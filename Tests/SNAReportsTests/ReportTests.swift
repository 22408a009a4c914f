import Foundation
import SNAAssessments
import SNACore
import SNAIO
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SNAReports

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func bolton() throws -> ImportedSurvey {
    let root = repositoryRoot.appendingPathComponent("datasets/bolton")
    return try SurveyImporter.load(path: root.appendingPathComponent("survey.csv").path,
                                   options: .init(peoplePath: root.appendingPathComponent("people.csv").path))
}

func report(_ survey: ImportedSurvey, _ configure: (inout ReportOptions) -> Void = { _ in }) throws -> String {
    var options = ReportOptions()
    options.date = "1 April 2009"
    configure(&options)
    return try PartnershipReport(network: survey.network, source: "survey.csv", layout: "long", rows: survey.rows, options: options).html
}

/// The report parsed as XML: it must be well-formed.
func parse(_ html: String) throws -> XMLDocument {
    try XMLDocument(data: Data(html.utf8))
}

@Suite struct ReportTests {
    @Test func wellFormedWithEverySection() throws {
        let survey = try bolton()
        let dca = DCAScores(responses: try DCAResponseReader.read(path: repositoryRoot.appendingPathComponent("datasets/dca/responses.csv").path))
        let html = try report(survey) { $0.dca = dca }
        let document = try parse(html)
        let sections = try document.nodes(forXPath: "//*[local-name()='section']/@id").compactMap(\.stringValue)
        for id in ["summary", "findings", "response", "themes", "organisations", "overlap", "resilience", "dca", "appendix"] {
            #expect(sections.contains(id), "\(id)")
        }
        // A map per theme and all, and the organisation map, inline.
        #expect(try document.nodes(forXPath: "//*[local-name()='figure'][@class='map']/*[local-name()='svg']").count == 9)
        // Headings in order: one h1, then h2s, h3s under them.
        let headings = try document.nodes(forXPath: "//*[local-name()='h1' or local-name()='h2' or local-name()='h3']").map { $0.name! }
        #expect(headings.first == "h1" && headings.filter { $0 == "h1" }.count == 1)
        #expect(headings[1] == "h2")
        // Every table has a header row; every chart a text alternative.
        for table in try document.nodes(forXPath: "//*[local-name()='table']") {
            #expect(try table.nodes(forXPath: ".//*[local-name()='th']").count > 0)
        }
        #expect(try document.nodes(forXPath: "//*[local-name()='svg'][@class='chart']/*[local-name()='desc']").count == 1)
        #expect(!html.contains("http://") || !html.contains("<link"))
        #expect(!html.contains("src=\"http"))
        #expect(html.contains("Gatekeepers the partnership depends on (9)"))
        #expect(html.contains("Reduce childhood obesity (NI 56)"))
    }

    @Test func namesFromTheDataAreText() throws {
        var builder = NetworkBuilder()
        let hostile = ["<script>alert(1)</script>", "AT&T \"Ops\"", "O'Neil <b>x</b>"]
        builder.addTie(from: hostile[0], organisation: "A & B <Ltd>", to: hostile[1], organisation: "C", themeIndex: 0)
        builder.addTie(from: hostile[1], organisation: "C", to: hostile[2], organisation: "C", themeIndex: 0)
        let network = try builder.build()
        let html = try PartnershipReport(network: network, source: "<x>.csv", layout: "long", rows: 2, options: ReportOptions()).html
        _ = try parse(html)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<b>x</b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("A &amp; B &lt;Ltd&gt;"))
    }

    @Test func anonymisedReportHoldsNoPersonsName() throws {
        let survey = try bolton()
        let html = try report(survey) { $0.anonymise = true; $0.pseudonymiser = Pseudonymiser(key: "test key") }
        _ = try parse(html)
        // No person's name, and no role title without its pseudonym.
        for person in survey.network.people {
            #expect(!html.contains(HTMLText.escape(person.name)), "\(person.name)")
            let role = person.name.components(separatedBy: ", ").first!
            #expect(!html.contains(HTMLText.escape(role) + ","), "\(role)")
        }
        // Organisations are kept; pseudonyms are stable.
        #expect(html.contains("Bolton Interfaith Council"))
        #expect(html.contains("Person "))
        #expect(try report(survey) { $0.anonymise = true; $0.pseudonymiser = Pseudonymiser(key: "test key") } == html)
        // Without a key the codes are random: nobody can recompute them from candidate names.
        #expect(try report(survey) { $0.anonymise = true } != html)
    }

    @Test func pseudonymsAreStableWithAKeyAndDistinct() throws {
        let survey = try bolton()
        let first = try survey.network.anonymised(with: Pseudonymiser(key: "k")).network
        let second = try survey.network.anonymised(with: Pseudonymiser(key: "k")).network
        let other = try survey.network.anonymised(with: Pseudonymiser(key: "other")).network
        #expect(first.people.map(\.name) == second.people.map(\.name))
        #expect(first.people.map(\.name) != other.people.map(\.name))
        #expect(Set(first.people.map(\.name)).count == survey.network.people.count)
        #expect(first.warnings.isEmpty)
    }

    @Test func surveysWithoutOrganisationsAreAnonymisedWhole() throws {
        var builder = NetworkBuilder()
        builder.addTie(from: "John Smith", to: "Mary Jones", themeIndex: 0)
        builder.addTie(from: "Mary Jones", to: "Ahmed Khan", themeIndex: 0)
        let network = try builder.build()
        let html = try PartnershipReport(network: network, source: "s.csv", layout: "long", rows: 2, options: { var o = ReportOptions(); o.anonymise = true; return o }()).html
        for name in ["John Smith", "Mary Jones", "Ahmed Khan"] { #expect(!html.contains(name), "\(name)") }
        #expect(html.contains("Member "))
        #expect(html.contains("every node's name is replaced"))
        let naming = try { () throws -> [String] in
            var b = NetworkBuilder()
            b.addTie(from: "Jane Doe", organisation: "Jane Doe Associates", to: "Bob", organisation: "Council", themeIndex: 0)
            return try b.build().anonymised().organisationsNamingPeople
        }()
        #expect(naming == ["Jane Doe Associates"])
    }

    @Test func lowResponseIsCautioned() throws {
        let survey = try bolton()
        let html = try report(survey) { $0.lowResponse = 0.7 }
        #expect(html.contains("Caution:"))
        #expect(html.contains("Greater Manchester Probation Trust"))
    }
}
