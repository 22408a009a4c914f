import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SNACore
import SNAIO
import Testing
@testable import SNAServer

@Suite("The network survey, through its routes")
struct SurveyRouteTests {
    static let people = """
        id,organisation,layer,sector
        Ann Smith,Bolton Council,strategic,local government
        Raj Patel,Greater Manchester Police,operational,police
        Jo Bloggs,NHS Bolton,executive,health
        Sam Lee,Bolton at Home,operational,housing
        """

    /// Makes a survey; returns its id and each person's link path by name.
    static func makeSurvey(_ admin: TestBrowser, ratings: Bool = false) async throws -> (id: String, links: [String: String]) {
        var fields = [("title", "Test partnership"), ("people", people), ("strength", "1")]
        if ratings { fields.append(("ratings", "partnership-trust-value")) }
        let created = try await admin.post("/admin/surveys", fields)
        #expect(created.status == .seeOther)
        let id = String(try #require(created.location).split(separator: "/").last!)
        let table = try CSVReader.parse(text: try await admin.get("/admin/surveys/\(id)/links.csv").text, file: "links.csv")
        var links: [String: String] = [:]
        for record in table.records {
            let link = record.fields[2]
            links[record.fields[0]] = String(link[link.range(of: "/s/")!.lowerBound...])
        }
        return (id, links)
    }

    /// The people on the list as a respondent's picker sees them, by name.
    static func ids(_ browser: TestBrowser, _ link: String) async throws -> [String: Int64] {
        let json = try await browser.get(link + "/people.json", accept: "application/json").text
        let list = try JSONDecoder().decode([[String: String?]].self, from: Data(json.replacingOccurrences(of: #""id":(\d+)"#, with: #""id":"$1""#, options: .regularExpression).utf8))
        return Dictionary(uniqueKeysWithValues: list.map { ($0["name"]!!, Int64($0["id"]!!)!) })
    }

    @Test("From a people file to the report: links, picked and typed contacts, strength and ratings, matching, the long CSV analyse reads")
    func wholeSurvey() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { (client: any TestClientProtocol) async throws in
            let admin = TestBrowser(client)
            try await admin.signIn(server.secret)
            let (id, links) = try await Self.makeSurvey(admin, ratings: true)
            #expect(links.count == 4)
            let ann = TestBrowser(client)
            let annLink = try #require(links["Ann Smith"])
            let page = try await ann.get(annLink).text
            #expect(page.contains("Who do you make decisions with?"))
            let ids = try await Self.ids(ann, annLink)
            #expect(ids["Ann Smith"] == nil, "the picker lists the respondent")
            #expect(ids.count == 3)
            let raj = try #require(ids["Raj Patel"]), jo = try #require(ids["Jo Bloggs"])
            // A draft save answers JSON for the page's autosave, and does not count as submitted.
            let draft = try await ann.post(annLink, [("action", "save"), ("tie.work", "p:\(raj)")], accept: "application/json")
            #expect(draft.text.contains("\"saved\""))
            #expect(try await admin.get("/admin/surveys/\(id)/live").text.contains("<span class=\"value\">0</span><span class=\"label\">submitted</span>"))
            let submitted = try await ann.post(annLink, [
                ("action", "submit"), ("tie.work", "p:\(raj)"), ("strength.work.p:\(raj)", "4"), ("rating.trust_openness.work.p:\(raj)", "2"),
                ("tie.work", "p:\(jo)"), ("tie.decision-making", "p:\(jo)"), ("tie.informal", "t:Pat from the CVS"),
            ])
            #expect(submitted.location == annLink + "?submitted=1")
            // Raj names nobody: he still counts as having answered.
            let rajBrowser = TestBrowser(client)
            try await rajBrowser.post(try #require(links["Raj Patel"]), [("action", "submit")])
            let coordinator = try await admin.get("/admin/surveys/\(id)").text
            #expect(coordinator.contains("Pat from the CVS"))
            #expect(coordinator.contains("<span class=\"value\">2</span><span class=\"label\">submitted</span>"))
            #expect(coordinator.contains("<tr><td>Bolton Council</td><td>1</td><td>1</td><td>0</td><td>100%</td></tr>"))
            #expect(coordinator.contains("<span class=\"value\">50%</span>"))

            var csv = try await admin.get("/admin/surveys/\(id)/responses.csv").text
            #expect(csv.contains("Ann Smith,Bolton Council,Raj Patel,Greater Manchester Police,work,4,2,"))
            #expect(csv.contains("Ann Smith,Bolton Council,Pat from the CVS,,informal,"))
            // The coordinator matches the typed name to Sam Lee.
            let rajLink = try #require(links["Raj Patel"])
            let sam = try #require(try await Self.ids(rajBrowser, rajLink)["Sam Lee"])
            try await admin.post("/admin/surveys/\(id)/match", [("text", "Pat from the CVS"), ("person", String(sam))])
            csv = try await admin.get("/admin/surveys/\(id)/responses.csv").text
            #expect(csv.contains("Ann Smith,Bolton Council,Sam Lee,Bolton at Home,informal,"))

            // The download reads back as a long survey with the people file.
            let folder = server.folder
            try csv.write(to: folder.appendingPathComponent("responses.csv"), atomically: true, encoding: .utf8)
            try (try await admin.get("/admin/surveys/\(id)/people.csv").text).write(to: folder.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
            var options = SurveyImportOptions(peoplePath: folder.appendingPathComponent("people.csv").path)
            options.ratings = .partnershipTrustValue
            let imported = try SurveyImporter.load(path: folder.appendingPathComponent("responses.csv").path, options: options)
            #expect(imported.network.people.count == 4)
            #expect(imported.network.people.filter(\.responded).map(\.name).sorted() == ["Ann Smith", "Raj Patel"])

            let report = try await admin.get("/admin/surveys/\(id)/report.html")
            #expect(report.status == .ok)
            #expect(report.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)
            #expect(report.text.contains("Test partnership"))

            // Ann comes back and sees what she saved; after closing, nothing changes.
            #expect(try await ann.get(annLink).text.contains("Raj Patel"))
            try await admin.post("/admin/surveys/\(id)/close", [])
            #expect(try await ann.post(annLink, [("action", "submit")]).status == .conflict)
            #expect(try await admin.get("/admin/surveys/\(id)/responses.csv").text.contains("Sam Lee"))
            let statuses = try CSVReader.parse(text: try await admin.get("/admin/surveys/\(id)/links.csv").text, file: "links.csv").records
                .map { "\($0.fields[0]): \($0.fields[3])" }
            #expect(statuses == ["Ann Smith: submitted", "Raj Patel: submitted", "Jo Bloggs: not started", "Sam Lee: not started"])

            // Deleting needs the box ticked, then takes the links and every answer with it.
            #expect(try await admin.post("/admin/surveys/\(id)/delete", []).status == .unprocessableContent)
            #expect(try await admin.post("/admin/surveys/\(id)/delete", [("confirm", "yes")]).location == "/admin")
            #expect(try await admin.get("/admin/surveys/\(id)").status == .notFound)
            #expect(try await ann.get(annLink).status == .notFound)
            let left = try await server.services.database.pool.read { db in
                [try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM survey_person") ?? -1, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM survey_tie") ?? -1]
            }
            #expect(left == [0, 0])
        }
    }

    @Test("A respondent cannot name someone from another survey, give off-scale values, or use another's link")
    func respondentsAreConfined() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { (client: any TestClientProtocol) async throws in
            let admin = TestBrowser(client)
            try await admin.signIn(server.secret)
            let first = try await Self.makeSurvey(admin)
            let second = try await Self.makeSurvey(admin)
            let browser = TestBrowser(client)
            let link = try #require(first.links["Ann Smith"])
            let secondLink = try #require(second.links["Ann Smith"])
            let outsider = try #require(try await Self.ids(browser, secondLink)["Raj Patel"])
            #expect(try await browser.post(link, [("action", "submit"), ("tie.work", "p:\(outsider)")]).status == .unprocessableContent)
            let raj = try #require(try await Self.ids(browser, link)["Raj Patel"])
            #expect(try await browser.post(link, [("action", "submit"), ("tie.work", "p:\(raj)"), ("strength.work.p:\(raj)", "9")]).status == .unprocessableContent)
            #expect(try await browser.post(link, [("action", "submit"), ("tie.work", "x:anything")]).status == .unprocessableContent)
            #expect(try await browser.get("/s/" + String(repeating: "b", count: 32)).status == .notFound)
            #expect(try await admin.get("/admin/surveys/\(first.id)/responses.csv").text.split(separator: "\n").count == 1)
        }
    }

    @Test("A people file with problems is refused with its line and column, and the form keeps what was typed")
    func badPeopleFile() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { (client: any TestClientProtocol) async throws in
            let admin = TestBrowser(client)
            try await admin.signIn(server.secret)
            let noID = try await admin.post("/admin/surveys", [("title", "T"), ("people", "organisation,sector\nCouncil,lg\n")])
            #expect(noID.status == .unprocessableContent)
            #expect(noID.text.contains("no id column"))
            let badLayer = try await admin.post("/admin/surveys", [("title", "Kept title"), ("people", "id,organisation,layer\nAnn,Council,strategic\nRaj,Police,upside-down\n")])
            #expect(badLayer.status == .unprocessableContent)
            #expect(badLayer.text.contains("Line 3, column 3 (layer): unknown layer &quot;upside-down&quot;. Fix: write strategic"))
            #expect(badLayer.text.contains("Kept title"))
            // A browser sends a textarea with CRLF line ends: the form shows the file again line by line.
            let crlf = try await admin.post("/admin/surveys", [("title", "T"), ("people", "id,organisation,layer\r\nAnn,Council,sideways\r\nRaj,Police,\r\n")])
            #expect(crlf.text.contains("id,organisation,layer\nAnn,Council,sideways\nRaj,Police,\n</textarea>"))
            #expect(try await admin.post("/admin/surveys", [("title", "T"), ("people", "id\nAnn\n")]).text.contains("The people file lists only one person; a network survey needs at least two people."))
        }
    }
}
