/// The headline figures of one theme (or of all themes) of a partnership.
public struct ThemeSummary: Sendable, Equatable {
    /// Which theme.
    public let selection: ThemeSelection
    /// The theme's id, or `all`.
    public let id: String
    /// The theme's label.
    public let label: String
    /// The level the graph was drawn at.
    public let level: AnalysisLevel
    /// Figures of the graph.
    public let graph: GraphSummary
    /// People with at least one tie in this theme, after symmetrisation.
    public let activePeople: Int
    /// Organisations with at least one person tied in this theme, after symmetrisation.
    public let activeOrganisations: Int
    /// Respondents who named at least one contact in this theme (the survey as answered).
    public let respondentsNaming: Int
}

/// The summary `snatool analyse` reports before the full metrics: who is in
/// the network, how many answered, and each theme's size and shape.
public struct PartnershipSummary: Sendable {
    /// The network summarised.
    public let network: PartnershipNetwork
    /// The level the themes were analysed at.
    public let level: AnalysisLevel
    /// One summary per selected theme, in order, `all` last.
    public let themes: [ThemeSummary]

    /// How ties were made undirected: the graph figures describe that graph.
    public let symmetrisation: Symmetrisation

    /// Summarises the selected themes of `network` at `level`, each graph
    /// symmetrised as `symmetrisation` says (the analysis's own graphs).
    ///
    /// - Complexity: O(S (V + E log d)) for S selections.
    public init(network: PartnershipNetwork, level: AnalysisLevel = .people, selections: [ThemeSelection]? = nil,
                symmetrisation: Symmetrisation = .none) {
        self.network = network
        self.level = level
        self.symmetrisation = symmetrisation
        self.themes = (selections ?? network.selections).map { selection in
            let answered = network.graph(selection, level: .people)
            let personGraph = symmetrisation == .none ? answered : network.graph(selection, level: .people, symmetrisation: symmetrisation)
            var activeOrganisations = Set<Int>()
            var activePeople = 0
            var respondentsNaming = 0
            for person in network.people.indices {
                if answered.outDegree(of: person) > 0 { respondentsNaming += 1 }
                guard personGraph.outDegree(of: person) + personGraph.inDegree(of: person) > 0 else { continue }
                activePeople += 1
                if let organisation = network.organisation(ofPerson: person) { activeOrganisations.insert(organisation) }
            }
            let graph = level == .people ? personGraph : network.graph(selection, level: .organisations, symmetrisation: symmetrisation)
            return ThemeSummary(
                selection: selection, id: network.id(of: selection), label: network.label(of: selection),
                level: level, graph: GraphSummary(graph), activePeople: activePeople,
                activeOrganisations: activeOrganisations.count, respondentsNaming: respondentsNaming)
        }
    }
}
