import Foundation
import SNACore
import Testing
@testable import SNAIO

/// Every interchange format written and read back, content detection, name
/// escaping, the DL specification's examples and hostile files.
@Suite struct InterchangeTests {
    /// A small themed survey with strengths, a people file and awkward names.
    func survey(_ files: TemporaryFiles) throws -> ImportedSurvey {
        let survey = files.write("survey.csv", """
            respondent,respondent_org,contact,contact_org,theme,strength
            "Ann ""Nan"" <Lee> & Co",Council,Bob\\Roe,Police,work,3
            "Ann ""Nan"" <Lee> & Co",Council,Cy,Police,informal,1
            Bob\\Roe,Police,"Ann ""Nan"" <Lee> & Co",Council,work,2
            Bob\\Roe,Police,Cy,Police,work,1
            Bob\\Roe,Police,Cy,Police,informal,2
            Cy,Police,Dee,Health,strategy,1
            Dee,Health,Cy,Police,strategy,1
            """)
        let people = files.write("people.csv", """
            id,sector
            "Ann ""Nan"" <Lee> & Co",local government
            Bob\\Roe,police
            Cy,police
            Dee,health
            Eve,health
            """)
        return try SurveyImporter.load(path: survey, options: .init(peoplePath: people))
    }

    func export(_ survey: ImportedSurvey) -> InterchangeNetwork {
        InterchangeNetwork(analysis: PartnershipAnalysis(network: survey.network, options: AnalysisOptions(selections: [.all])))
    }

    /// Writes a format's files under `name` and reads the main one back as a survey.
    func roundTrip(_ format: InterchangeFormat, _ survey: ImportedSurvey, _ files: TemporaryFiles, name: String? = nil) throws -> ImportedSurvey {
        let paths = format.paths(for: files.folder.appendingPathComponent(name ?? "net.\(format.fileExtension)").path)
        for (path, data) in zip(paths, InterchangeWriter.files(export(survey), as: format)) { try data.write(to: URL(fileURLWithPath: path)) }
        return try SurveyImporter.load(path: paths[0])
    }

    func tieSet(_ network: PartnershipNetwork, themes: Bool = true) -> Set<String> {
        Set(network.ties.map { "\(network.people[$0.source].name)>\(network.people[$0.target].name)" + (themes ? ":\($0.theme.map { network.themes[$0].id } ?? "-"):\($0.strength ?? 1)" : "") })
    }

    @Test(arguments: [InterchangeFormat.graphml, .gexf, .json, .gephiCSV, .dl])
    func themedFormatsGiveTheSameNetworkBack(_ format: InterchangeFormat) throws {
        let files = TemporaryFiles()
        let original = try survey(files)
        let back = try roundTrip(format, original, files)
        #expect(back.format == format)
        // DL has no escapes: a label's double quote is written as a single one.
        let names = original.network.people.map { format == .dl ? $0.name.replacingOccurrences(of: "\"", with: "'") : $0.name }
        #expect(back.network.people.map(\.name) == names)
        #expect(back.network.themes.map(\.id) == original.network.themes.map(\.id))
        let ties = tieSet(original.network)
        #expect(tieSet(back.network) == (format == .dl ? Set(ties.map { $0.replacingOccurrences(of: "\"", with: "'") }) : ties))
        if format != .dl {
            #expect(back.network.people.map(\.organisation) == original.network.people.map(\.organisation))
            #expect(back.network.people.map { $0.attributes["sector"] } == original.network.people.map { $0.attributes["sector"] })
            #expect(back.network.people.map(\.responded) == original.network.people.map(\.responded))
        }
    }

    @Test func pajekKeepsThePairsTheirWeightAndTheOrganisations() throws {
        let files = TemporaryFiles()
        let original = try survey(files)
        let back = try roundTrip(.pajek, original, files)
        #expect(back.network.people.map(\.name) == original.network.people.map { $0.name.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\\", with: "/") })
        #expect(back.network.themes.isEmpty)
        #expect(back.network.ties.count == Set(original.network.ties.map { "\($0.source)>\($0.target)" }).count)
        #expect(back.network.people.map(\.organisation) == original.network.people.map(\.organisation))
        let net = try String(contentsOf: files.folder.appendingPathComponent("net.net"), encoding: .utf8)
        #expect(net.contains("1 \"Ann 'Nan' <Lee> & Co\""))
        #expect(net.contains("\"Bob/Roe\""))
    }

    @Test func namesAreEscapedForXMLAndCSV() throws {
        let files = TemporaryFiles()
        let export = export(try survey(files))
        let graphml = GraphMLWriter.document(export)
        #expect(graphml.contains("id=\"Ann &quot;Nan&quot; &lt;Lee&gt; &amp; Co\""))
        let gexf = GEXFWriter.document(export)
        #expect(gexf.contains("label=\"Ann &quot;Nan&quot; &lt;Lee&gt; &amp; Co\""))
        #expect(XMLCharacters.escaped("a\u{1}b\nc") == "a\u{FFFD}b&#10;c")
        let (edges, nodes) = InterchangeCSV.gephi(export)
        #expect(nodes.hasPrefix("Id,Label,organisation,responded,gatekeeper,sector,in_degree"))
        #expect(edges.hasPrefix("Source,Target,Type,Weight,themes,multiplexity,theme_work"))
        #expect(nodes.contains("\"Ann \"\"Nan\"\" <Lee> & Co\""))
        let (connections, elements) = InterchangeCSV.kumu(export)
        #expect(connections.hasPrefix("From,To,Type,Direction,Strength"))
        #expect(elements.hasPrefix("Label,Type,Organisation"))
        let (relationships, neo4jNodes) = InterchangeCSV.neo4j(export)
        #expect(relationships.hasPrefix(":START_ID,:END_ID,:TYPE,weight:double"))
        #expect(neo4jNodes.hasPrefix("id:ID,name,:LABEL,organisation:string"))
        #expect(relationships.contains("n2,n3,STRATEGY,1"))
    }

    @Test func gexfCarriesTheColoursAndSizesGiven() throws {
        let files = TemporaryFiles()
        let analysis = PartnershipAnalysis(network: try survey(files).network, options: AnalysisOptions(selections: [.all]))
        let colours = ["#E69F00", "#56B4E9", "#56B4E9", "#009E73", "#009E73"]
        let export = InterchangeNetwork(analysis: analysis, appearance: (colours, [10, 20, 30, 40, 50]))
        let gexf = GEXFWriter.document(export)
        #expect(gexf.contains("<viz:color r=\"230\" g=\"159\" b=\"0\"/>"))
        #expect(gexf.contains("<viz:size value=\"50.0\"/>"))
    }

    @Test func contentTellsTheFormatWhateverTheName() throws {
        let files = TemporaryFiles()
        let original = try survey(files)
        let graphml = try roundTrip(.graphml, original, files, name: "looks-like-a-survey.csv")
        #expect(graphml.format == .graphml)
        #expect(InterchangeReader.detect(Data("respondent,contact\na,b\n".utf8)) == nil)
        // A survey headed source,target (lower case, no Type or Weight) stays a survey.
        #expect(InterchangeReader.detect(Data("source,target,theme\na,b,work\n".utf8)) == nil)
        #expect(InterchangeReader.detect(Data("Source,Target,Relation,Weight\na,b,work,1\n".utf8)) == nil)
        #expect(InterchangeReader.detect(Data("Source,Target,Type\na,b,work\n".utf8)) == nil)
        #expect(InterchangeReader.detect(Data("Source,Target,Type,Weight\n\"a, b\",c,Directed,1\n".utf8)) == .gephiCSV)
        #expect(InterchangeReader.detect(Data("\u{FEFF}% comment\n*Vertices 2\n".utf8)) == .pajek)
        #expect(InterchangeReader.detect(Data("dl n=2\ndata:\n0 1\n1 0\n".utf8)) == .dl)
        #expect(InterchangeReader.detect(Data("  {\"directed\": true, \"nodes\": []}".utf8)) == .json)
    }

    /// The examples of the DL specification (UCINET 6 help, "DL"): a full
    /// matrix with labels, embedded labels, several matrices, an edge list.
    @Test func ucinetSpecificationExamplesAreRead() throws {
        let files = TemporaryFiles()
        func read(_ text: String) throws -> PartnershipNetwork { try SurveyImporter.load(path: files.write("example.txt", text)).network }
        let full = try read("""
            dl n=5
            format = fullmatrix
            labels:
            barry,david,lin,pat,russ
            data:
            0 1 1 1 0
            1 0 0 0 1
            1 0 0 1 0
            1 0 1 0 1
            0 1 0 1 0
            """)
        #expect(full.people.map(\.name) == ["barry", "david", "lin", "pat", "russ"])
        #expect(full.ties.count == 12)
        let embedded = try read("""
            dl n=3
            format = fullmatrix
            labels embedded
            data:
            barry david lin
            barry 0 1 1
            david 1 0 0
            lin 1 0 0
            """)
        #expect(embedded.people.map(\.name) == ["barry", "david", "lin"])
        #expect(embedded.ties.count == 4)
        let multiple = try read("""
            DL N=3 NM=2
            LABELS:
            "Ann Lee","Bob","Cy"
            MATRIX LABELS:
            work, informal
            DATA:
            0 2 0
            0 0 1
            0 0 0
            0 0 0
            1 0 0
            0 0 0
            """)
        #expect(multiple.themes.map(\.id) == ["work", "informal"])
        #expect(multiple.people.first?.name == "Ann Lee")
        #expect(multiple.ties.first { $0.strength == 2 }.map { multiple.themes[$0.theme!].id } == "work")
        let edgeList = try read("""
            dl n=4
            format = edgelist1
            labels:
            a,b,c,d
            data:
            1 2
            2 3 2.5
            c d
            """)
        #expect(edgeList.ties.count == 3)
        #expect(edgeList.ties.contains { $0.strength == 2.5 })
    }

    /// Each hostile file: its error code and a location with a line.
    @Test(arguments: [
        ("dtd.graphml", "<?xml version=\"1.0\"?><!DOCTYPE graphml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><graphml><graph><node id=\"&b;\"/></graph></graphml>", "xml.dtd", false),
        ("external.graphml", "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"file:///etc/passwd\"><graphml/>", "xml.dtd", false),
        ("truncated.graphml", "<graphml><graph><node id=\"a\"/>\n<node id=\"b\"></graph>", "xml.malformed", true),
        ("cut-in-element.graphml", "<graphml><graph><node id=\"a\"/><edge source=\"a\" target=", "network.missing-attribute", true),
        ("undeclared.graphml", "<graphml><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/></graph></graphml>", "network.unknown-node", true),
        ("duplicate.gexf", "<gexf><graph><nodes><node id=\"a\"/>\n<node id=\"a\"/></nodes></graph></gexf>", "network.duplicate-node", true),
        ("bad-count.net", "*Vertices two\n1 \"a\"\n", "pajek.syntax", true),
        ("bad-arc.net", "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 3\n", "pajek.syntax", true),
        ("wrong-size.dl", "dl n=3\ndata:\n0 1 0\n1 0 1\n", "dl.syntax", true),
        ("labels.dl", "dl n=3\nlabels:\na,b\ndata:\n0 1 0\n1 0 1\n0 0 0\n", "dl.syntax", true),
        ("edges.json", "{\"nodes\": [{\"id\": \"a\"}], \"edges\": [{\"source\": \"a\"}]}", "json.node-link", false),
        ("broken.json", "{\"nodes\": [", "json.node-link", false),
        ("weight.csv", "Source,Target,Type,Weight\na,b,Directed,heavy\n", "network.number", true),
    ])
    func hostileFilesGiveClearErrors(_ name: String, _ text: String, _ code: String, _ hasLine: Bool) throws {
        let files = TemporaryFiles()
        let path = files.write(name, text)
        do {
            _ = try SurveyImporter.load(path: path)
            Issue.record("\(name) was read")
        } catch {
            let diagnostic = try #require(error.errors.first { $0.code == code }, "\(name): \(error.description)")
            #expect(diagnostic.location?.file == path)
            if hasLine { #expect(diagnostic.location?.line != nil, "\(name): \(diagnostic.description)") }
            #expect(diagnostic.fix != nil)
        }
    }

    @Test func nonUTF8PajekIsRefused() throws {
        let files = TemporaryFiles()
        let url = files.folder.appendingPathComponent("latin1.net")
        try Data("*Vertices 1\n1 \"Caf".utf8 + [0xE9] + Data("\"\n".utf8)).write(to: url)
        #expect(throws: InputError.self) { try SurveyImporter.load(path: url.path) }
    }

    @Test func undirectedEdgesCountBothWays() throws {
        let files = TemporaryFiles()
        let path = files.write("u.graphml", """
            <graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/>
            <graph edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/>
            <edge source="a" target="b"><data key="w">2</data></edge><edge source="b" target="c"/></graph></graphml>
            """)
        let network = try SurveyImporter.load(path: path).network
        #expect(network.ties.count == 4)
        #expect(network.ties.filter { $0.strength == 2 }.count == 2)
    }
}
