/// The headline figures of one theme (or of all themes) of a partnership.
public struct ThemeSummary: Sendable, Equatable {
    /// Which theme.
    public var selection: ThemeSelection
    /// The theme's id, or `all`.
    public var id: String
    /// The theme's label.
    public var label: String
    /// The level the graph was drawn at.
    public var level: AnalysisLevel
    /// Figures of the graph.
    public var graph: GraphSummary
    /// People with at least one tie in this theme (people level), or people in
    /// organisations with a tie (organisation level).
    public var activePeople: Int
    /// Organisations with at least one person tied in this theme.
    public var activeOrganisations: Int
    /// Respondents who named at least one contact in this theme.
    public var respondentsNaming: Int
}

/// The summary `snatool analyse` reports before the full metrics: who is in
/// the network, how many answered, and each theme's size and shape.
public struct PartnershipSummary: Sendable {
    /// The network summarised.
    public var network: PartnershipNetwork
    /// The level the themes were analysed at.
    public var level: AnalysisLevel
    /// One summary per selected theme, in order, `all` last.
    public var themes: [ThemeSummary]

    /// Summarises the selected themes of `network` at `level`.
    ///
    /// - Complexity: O(S (V + E log d)) for S selections.
    public init(network: PartnershipNetwork, level: AnalysisLevel = .people, selections: [ThemeSelection]? = nil) {
        self.network = network
        self.level = level
        self.themes = (selections ?? network.selections).map { selection in
            let personGraph = network.graph(selection, level: .people)
            var activeOrganisations = Set<Int>()
            var activePeople = 0
            var respondentsNaming = 0
            for person in network.people.indices {
                let degree = personGraph.outDegree(of: person) + personGraph.inDegree(of: person)
                guard degree > 0 else { continue }
                activePeople += 1
                if personGraph.outDegree(of: person) > 0 { respondentsNaming += 1 }
                if let organisation = network.organisation(ofPerson: person) { activeOrganisations.insert(organisation) }
            }
            let graph = level == .people ? personGraph : network.graph(selection, level: .organisations)
            return ThemeSummary(
                selection: selection, id: network.id(of: selection), label: network.label(of: selection),
                level: level, graph: GraphSummary(graph), activePeople: activePeople,
                activeOrganisations: activeOrganisations.count, respondentsNaming: respondentsNaming)
        }
    }
}
