import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite(.serialized) struct MapCommandTests {
    let bolton = ["datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv"]

    @Test(arguments: ["svg", "png", "pdf", "dot"])
    func formatFollowsTheExtension(ext: String) throws {
        let scratch = Scratch()
        let path = scratch.path("dm.\(ext)")
        let run = try snatool(["map"] + bolton + ["--theme", "decision making", "-o", path])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        switch ext {
        case "svg": #expect(String(decoding: data, as: UTF8.self).contains("</svg>"))
        case "png": #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        case "pdf": #expect(data.prefix(5) == Data("%PDF-".utf8))
        default: #expect(String(decoding: data, as: UTF8.self).hasPrefix("digraph"))
        }
    }

    @Test func htmlIsTheInteractivePageOfTheSameMap() throws {
        let scratch = Scratch()
        let page = scratch.path("dm.html"), svg = scratch.path("dm.svg")
        let run = try snatool(["map"] + bolton + ["--theme", "decision making", "-o", page])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try snatool(["map"] + bolton + ["--theme", "decision making", "-o", svg]).status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        // Well-formed, everything inline, and the static map's drawing inside.
        _ = try XMLDocument(data: Data(html.utf8))
        #expect(!html.contains("src=\"http") && !html.contains("<link"))
        #expect(html.contains("class=\"explore-data\"") && html.contains("explore-search"))
        let drawing = try String(contentsOfFile: svg, encoding: .utf8)
        let firstNode = try #require(drawing.range(of: "<g id=\"n")).lowerBound
        let ellipse = try #require(drawing[firstNode...].range(of: "<ellipse[^>]*>", options: .regularExpression))
        #expect(html.contains(String(drawing[ellipse])), "the page holds the same layout as the SVG")
    }

    /// An 850 KB name with spaces used to crash Graphviz in the process (exit 139);
    /// U+FFFE and U+FFFF made the SVG and XHTML ill-formed.
    @Test func aHugeNameAndForbiddenCharactersDrawWithoutACrash() throws {
        let scratch = Scratch()
        let long = Array(repeating: "word", count: 170_000).joined(separator: " ")
        let survey = scratch.write("long.csv", "respondent,respondent_org,contact,contact_org,theme\n\"\(long)\",Org A,Bob,Org B,work\nBob,Org B,\"Carol\u{FFFF} x\",Org \u{FFFE}C,work\n\"Carol\u{FFFF} x\",Org \u{FFFE}C,Dan,Org A,informal\n")
        let runs = [
            (["map", survey, "--labels", "all", "-o", scratch.path("m.svg")], [scratch.path("m.svg")]),
            (["map", survey, "--title", "T \u{FFFF}", "-o", scratch.path("m.html")], [scratch.path("m.html")]),
            (["report", survey, "--title", "Board \u{FFFF}", "-o", scratch.path("r.html")], [scratch.path("r.html")]),
            (["analyse", survey, "--maps", scratch.path("maps")], ["all", "work", "informal", "organisations"].map { scratch.path("maps/\($0).svg") }),
        ]
        for (arguments, outputs) in runs {
            let run = try snatool(arguments)
            #expect(run.status == 0, "\(arguments[0]): \(run.stderr.prefix(300))")
            for output in outputs {
                let data = try Data(contentsOf: URL(fileURLWithPath: output))
                _ = try XMLDocument(data: data)
                // Drawings shorten the name; the pages keep it whole in their tables and panel data.
                if output.hasSuffix(".svg") { #expect(data.count < 200_000, "\(output): the name is shortened where it is drawn") }
            }
        }
    }

    /// The cluster map used to be an 8,133 x 7,620 px PNG.
    @Test func clusterAndOrganisationMapsFitAPage() throws {
        let scratch = Scratch()
        for (name, options) in [("cluster", ["--cluster-by", "organisation"]), ("organisations", ["--level", "organisations"])] {
            let png = scratch.path("\(name).png"), svg = scratch.path("\(name).svg")
            #expect(try snatool(["map"] + bolton + options + ["-o", png]).status == 0)
            #expect(try snatool(["map"] + bolton + options + ["-o", svg]).status == 0)
            let header = try Data(contentsOf: URL(fileURLWithPath: png)).prefix(24)
            let width = header[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = header[20..<24].reduce(0) { $0 << 8 | Int($1) }
            // A4 at 200 pixels per inch: at most 510 x 760 points.
            #expect(width <= 1420 && height <= 2112, "\(name): \(width) x \(height) px")
            let text = try String(contentsOfFile: svg, encoding: .utf8)
            let size = try #require(text.firstMatch(of: /width="([0-9.]+)pt" height="([0-9.]+)pt"/))
            #expect(Double(size.1)! <= 511 && Double(size.2)! <= 761, "\(name): \(size.1) x \(size.2) pt")
        }
    }

    @Test func egoOrganisationAndOptions() throws {
        let scratch = Scratch()
        let ego = try snatool(["map"] + bolton + ["--ego", "partnership manager, fortalice", "--radius", "2", "--labels", "all",
                                                 "--size-by", "degree", "--highlight", "gatekeepers", "--seed", "3", "-o", scratch.path("e.svg")])
        #expect(ego.status == 0, "\(ego.stderr)")
        let clustered = try snatool(["map"] + bolton + ["--level", "organisations", "--cluster-by", "sector", "--engine", "neato", "-o", scratch.path("o.svg")])
        #expect(clustered.status == 0)
        #expect(clustered.stderr.contains("note: clusters need the fdp or dot engine"))
    }

    @Test func mistakesGetClearErrors() throws {
        let scratch = Scratch()
        let format = try snatool(["map"] + bolton + ["-o", scratch.path("map.jpg")])
        #expect(format.status == 64)
        #expect(format.stderr.contains("must end in .svg, .png, .pdf, .dot or .html"))
        let engine = try snatool(["map"] + bolton + ["--engine", "spring", "-o", scratch.path("m.svg")])
        #expect(engine.status == 64)
        let ego = try snatool(["map"] + bolton + ["--ego", "Nobody At All", "-o", scratch.path("m.svg")])
        #expect(ego.status == 64)
        #expect(ego.stderr.contains("nobody called 'Nobody At All'"))
        let labels = try snatool(["map"] + bolton + ["--labels", "some", "-o", scratch.path("m.svg")])
        #expect(labels.status == 64)
        let highlight = try snatool(["map"] + bolton + ["--highlight", "everything", "-o", scratch.path("m.svg")])
        #expect(highlight.status == 64)
        let colour = try snatool(["map"] + bolton + ["--colour-by", "star sign", "-o", scratch.path("m.svg")])
        #expect(colour.status == 64)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("m.svg")))
    }

    @Test func analyseDrawsEveryThemeAndTheOrganisations() throws {
        let scratch = Scratch()
        let run = try snatool(["analyse"] + bolton + ["--maps", scratch.path("maps"), "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path("maps")).sorted()
        #expect(files == ["all.svg", "decision-making.svg", "expertise.svg", "improvement.svg", "informal.svg", "innovation.svg",
                          "organisations.svg", "strategy.svg", "work.svg"])
    }
}
