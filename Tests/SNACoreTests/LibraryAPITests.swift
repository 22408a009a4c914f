import Testing
@testable import SNACore

/// The library as another program uses it: a network built by names, metrics
/// as methods of graphs, results read by name.
@Suite struct LibraryAPITests {
    /// Ann -> Bob -> Cat in work, Cat -> Ann in strategy; Dan is named by nobody's theme but work.
    func network() throws -> PartnershipNetwork {
        var builder = NetworkBuilder()
        builder.addTie(from: "Ann", organisation: "Council", to: "Bob", organisation: "Police", theme: "work")
        builder.addTie(from: "Bob", organisation: "Police", to: "Cat", organisation: "Health", theme: "Work")
        builder.addTie(from: "Cat", to: "Ann", theme: "decision making")
        builder.addTie(from: "Cat", to: "Dan", theme: "work")
        return try builder.build()
    }

    @Test func themesAreTakenByName() throws {
        let network = try network()
        let work = try #require(network.themes.firstIndex { $0.id == "work" })
        let decisions = try #require(network.themes.firstIndex { $0.id == "decision-making" })
        #expect(network.graph(.theme(work)).edgeCount == 3)
        #expect(network.graph(.theme(decisions)).edgeCount == 1)
        #expect(network.organisations.map(\.name).sorted() == ["Council", "Health", "Police"])
    }

    @Test func anUnknownThemeIsAnErrorThatNamesTheThemes() {
        var builder = NetworkBuilder()
        builder.addTie(from: "Ann", to: "Bob", theme: "gossip")
        #expect(builder.hasErrors)
        do {
            _ = try builder.build()
            Issue.record("a tie in an unknown theme was accepted")
        } catch {
            let text = error.diagnostics.map(\.description).joined()
            #expect(text.contains("gossip") && text.contains("decision-making"))
        }
    }

    @Test func resultsByNameMatchTheDirectedPath() throws {
        let analysis = PartnershipAnalysis(network: try network())
        // Work: Ann -> Bob -> Cat -> Dan. Bob lies on Ann -> Cat and Ann -> Dan; Cat on Ann -> Dan and Bob -> Dan.
        #expect(analysis.value("betweenness", of: "bob", in: "work") == 2)
        #expect(analysis.value("betweenness", of: "Cat", in: "work") == 2)
        #expect(analysis.value("betweenness", of: "Dan", in: "work") == 0)
        #expect(analysis.value("out_degree", of: "ann") == 1)
        #expect(analysis.value("in_degree", of: "Ann") == 1)  // Cat -> Ann in all themes
        #expect(analysis.value("betweenness", of: "Nobody") == nil)
        #expect(analysis.value("no_such_column", of: "Ann") == nil)
        let row = try #require(analysis.metrics(of: "Bob", in: "work"))
        #expect(row.first?.column == "in_degree" && row.first?.value == 1)
        #expect(row.contains { $0.column == "pagerank" })
    }

    @Test func metricsAreMethodsOfTheirGraph() throws {
        let graph = try network().graph(.all)
        let paths = graph.pathCentralities()
        // All themes: a directed 3-cycle Ann -> Bob -> Cat -> Ann with Cat -> Dan.
        #expect(paths.betweenness.reduce(0, +) > 0)
        #expect(abs(graph.pageRank().reduce(0, +) - 1) < 1e-12)
        let undirected = graph.symmetrised()
        let cut = undirected.cutPoints()
        let cat = try #require(try network().personIndex(named: "Cat"))
        #expect(cut.isArticulationPoint.indices.filter { cut.isArticulationPoint[$0] } == [cat])
        #expect(undirected.separations().cutOff(by: cat).count == 1)
        // Star-like: Cat has degree 3 of 3 possible; the others 2, 2, 1: Σ(3 - d) / (3 · 2) = (1 + 1 + 2) / 6.
        #expect(abs(undirected.degreeCentralisation() - 4.0 / 6.0) < 1e-12)
    }
}
