import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SNAAssessments
import SNAIO
import Testing
@testable import SNAServer

@Suite("The live DCA workshop, through its routes")
struct WorkshopRouteTests {
    /// Creates a workshop as the administrator; returns its id and code.
    static func openWorkshop(_ admin: TestBrowser, outcome: String = "NI 30: re-offending") async throws -> (id: String, code: String) {
        let created = try await admin.post("/admin/workshops", [("outcome", outcome), ("instrument", "0")])
        #expect(created.status == .seeOther)
        let id = String(created.location!.split(separator: "/").last!)
        let page = try await admin.get("/admin/workshops/\(id)").text
        let code = try #require(page.firstMatch(of: /<p class="code"[^>]*>([A-Z0-9]{6})<\/p>/)).1
        return (id, String(code))
    }

    /// Joins as `name` and returns the participant's page path.
    static func join(_ browser: TestBrowser, code: String, name: String, organisation: String, layer: String) async throws -> String {
        #expect(try await browser.get("/j/\(code)").status == .ok)
        let joined = try await browser.post("/j/\(code)", [("name", name), ("organisation", organisation), ("layer", layer)])
        #expect(joined.status == .seeOther)
        return try #require(joined.location)
    }

    @Test("A workshop from joining to the plan: scores, the live panel, closing, the CSV dca score reads, agreed actions")
    func wholeWorkshop() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { (client: any TestClientProtocol) async throws in
            let admin = TestBrowser(client)
            try await admin.signIn(server.secret)
            let (id, code) = try await Self.openWorkshop(admin)
            // Codes are typed loosely on a phone.
            let typed = try await TestBrowser(client).get("/join?code=\(code.lowercased().prefix(3))%20\(code.lowercased().dropFirst(3))")
            #expect(typed.location == "/j/\(code)")

            let people = [("Ann Smith", "Bolton Council", "strategic", ["1", "2", "3", "4", "1", "2", "3", "4", "1", "2", "3", "4"]),
                          ("Raj Patel", "Greater Manchester Police", "operational", ["1", "1", "1", "1", "2", "2", "2", "2", "3", "3", "3", "dont-know"]),
                          ("Jo Bloggs", "NHS Bolton", "executive", ["4", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4"])]
            for (name, organisation, layer, scores) in people {
                let browser = TestBrowser(client)
                let page = try await Self.join(browser, code: code, name: name, organisation: organisation, layer: layer)
                var fields = scores.enumerated().map { ("q\($0.offset + 1)", $0.element) }
                fields.append(("comment_q3", "No capacity, \"really\""))
                let saved = try await browser.post(page, fields)
                #expect(saved.status == .seeOther)
                #expect(saved.location == page + "?saved=1")
                #expect(try await browser.get(page + "?saved=1").text.contains("you have answered 12 of 12 questions"))
            }
            let panel = try await admin.get("/admin/workshops/\(id)/live").text
            #expect(panel.contains("<span class=\"value\">3</span><span class=\"label\">joined</span>"))
            #expect(panel.contains("Operational (1)"))
            #expect(panel.contains("Weakest links"))
            #expect(panel.contains("<li>“No capacity, &quot;really&quot;” (Ann Smith)</li>"))
            #expect(panel.contains("<tr><td>Raj Patel</td><td>Greater Manchester Police</td><td>operational</td><td>12 of 12</td></tr>"))

            // The download is what `snatool dca score` reads, answer for answer.
            let csv = try await admin.get("/admin/workshops/\(id)/responses.csv")
            #expect(csv.headers[.contentDisposition]?.contains("attachment") == true)
            let responses = try DCAResponseReader.read(try CSVReader.parse(text: csv.text, file: "responses.csv"))
            #expect(responses.count == 36)
            #expect(responses.filter { $0.participant == "Raj Patel" && $0.answer == .dontKnow }.map(\.question) == [12])
            #expect(responses.first { $0.participant == "Ann Smith" && $0.question == 3 }?.comment == "No capacity, \"really\"")
            #expect(Set(responses.compactMap(\.layer)) == [.strategic, .operational, .executive])
            let scores = DCAScores(responses: responses)
            #expect(scores.outcomes.first?.participants.count == 3)

            // Closing stops changes; the plan has the agreed action.
            #expect(try await admin.post("/admin/workshops/\(id)/close", []).status == .seeOther)
            let late = TestBrowser(client)
            #expect(try await late.get("/j/\(code)").status == .gone)
            #expect(try await admin.post("/admin/workshops/\(id)/actions", [("question", "3"), ("action", "Second two analysts"), ("owner", "CSP manager"), ("due", "March 2027")]).status == .seeOther)
            let plan = try await admin.get("/admin/workshops/\(id)/plan.md").text
            #expect(plan.contains("Second two analysts"))
            let printable = try await admin.get("/admin/workshops/\(id)/plan.html")
            #expect(printable.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)
            #expect(printable.text.contains("capacity"))
            #expect(try await admin.get("/admin/workshops/\(id)/plan.csv").text.contains("Second two analysts"))
            #expect(try await admin.post("/admin/workshops/\(id)/delete", [("confirm", "yes")]).location == "/admin")
            #expect(try await admin.get("/admin/workshops/\(id)/live").status == .notFound)
            #expect(try await late.get("/j/\(code)").status == .notFound)
        }
    }

    @Test("A participant's link changes only their own answers; a closed workshop refuses saves; a bad score is refused")
    func participantsAreSeparate() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { (client: any TestClientProtocol) async throws in
            let admin = TestBrowser(client)
            try await admin.signIn(server.secret)
            let (id, code) = try await Self.openWorkshop(admin)
            let ann = TestBrowser(client), raj = TestBrowser(client)
            let annPage = try await Self.join(ann, code: code, name: "Ann", organisation: "Council", layer: "strategic")
            let rajPage = try await Self.join(raj, code: code, name: "Raj", organisation: "Police", layer: "operational")
            #expect(annPage != rajPage)
            try await ann.post(annPage, [("q1", "1")])
            try await raj.post(rajPage, [("q1", "4")])
            try await ann.post(annPage, [("q1", "2")])
            let rows = try DCAResponseReader.read(try CSVReader.parse(text: try await admin.get("/admin/workshops/\(id)/responses.csv").text, file: "r.csv"))
            #expect(rows.map { "\($0.participant) \($0.answer)" }.sorted() == ["Ann score(2)", "Raj score(4)"])
            // The same name twice is refused with a way forward.
            let twin = try await TestBrowser(client).post("/j/\(code)", [("name", " ann "), ("organisation", "Council")])
            #expect(twin.status == .unprocessableContent)
            #expect(twin.text.contains("Someone has joined as ann already"))
            // Not on the scale.
            #expect(try await ann.post(annPage, [("q2", "7")]).status == .unprocessableContent)
            // A made-up token is nobody's.
            #expect(try await ann.get("/w/" + String(repeating: "A", count: 32)).status == .notFound)
            try await admin.post("/admin/workshops/\(id)/close", [])
            #expect(try await raj.post(rajPage, [("q1", "1")]).status == .conflict)
            #expect(try await raj.get(rajPage).text.contains("The facilitator has closed the workshop"))
        }
    }

    @Test("Names are escaped on every screen; pages carry no inline script or style")
    func escapingAndNoInlineScript() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.test { (client: any TestClientProtocol) async throws in
            let admin = TestBrowser(client)
            try await admin.signIn(server.secret)
            let hostile = "<script>alert('x')</script>"
            let (id, code) = try await Self.openWorkshop(admin, outcome: "Outcome \(hostile)")
            let browser = TestBrowser(client)
            let page = try await Self.join(browser, code: code, name: "Eve \(hostile)", organisation: "\"><img src=x onerror=alert(1)>", layer: "")
            try await browser.post(page, [("q1", "1"), ("comment_q1", hostile)])
            for path in ["/admin/workshops/\(id)", "/admin/workshops/\(id)/live", page, "/j/\(code)", "/admin"] {
                let html = try await (path.hasPrefix("/w/") ? browser : admin).get(path).text
                #expect(!html.contains("<script>alert"), "\(path) shows a raw script tag")
                #expect(!html.contains("<img src=x"), "\(path) shows a raw img tag")
                #expect(html.firstMatch(of: /<script(?![^>]*\bsrc=)[^>]*>/) == nil, "\(path) has an inline script")
                #expect(html.firstMatch(of: /\sstyle="/) == nil && !html.contains("<style"), "\(path) has inline style")
                #expect(html.firstMatch(of: /\son[a-z]+="/) == nil, "\(path) has an inline event handler")
            }
        }
    }
}
