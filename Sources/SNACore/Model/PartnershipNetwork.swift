/// What the nodes of a survey are.
public enum NodeUnit: String, Sendable, Codable {
    /// Rows name people, who belong to organisations.
    case people
    /// Rows name organisations directly (an organisation-level survey).
    case organisations
}

/// The themes a graph is drawn from.
public enum ThemeSelection: Hashable, Sendable {
    /// One theme, by its position in ``PartnershipNetwork/themes``.
    case theme(Int)
    /// The union of every theme; a tie's weight is the number of themes it appears in.
    case all
}

/// The level at which a network is analysed.
public enum AnalysisLevel: String, CaseIterable, Sendable, Codable {
    /// One node per person.
    case people
    /// One node per organisation; ties between their people are aggregated.
    case organisations
}

/// A partnership's survey as a network: people in organisations, tied in themes.
///
/// Built by ``NetworkBuilder`` (which the survey readers in `SNAIO` use), it
/// holds every person, including people named but never responding, and every
/// tie once.
public struct PartnershipNetwork: Sendable {
    /// The theme set the survey was read with.
    public let themeSet: ThemeSet
    /// The themes this survey asked about, in the theme set's order.
    public let themes: [Theme]
    /// Everyone in the network.
    public let people: [Person]
    /// The organisations, in order of first appearance.
    public let organisations: [Organisation]
    /// Every distinct tie.
    public let ties: [Tie]
    /// The items each tie was rated on (``Tie/ratings``), empty when the survey asked for none.
    public let ratingSet: RatingSet
    /// Whether rows named people or organisations.
    public let unit: NodeUnit
    /// What the import noticed and how it was handled.
    public let warnings: [Diagnostic]

    private let personIndex: [String: Int]
    private let organisationIndex: [String: Int]

    /// Creates a network from parts already checked; use ``NetworkBuilder`` to build one from raw rows.
    public init(
        themeSet: ThemeSet, themes: [Theme], people: [Person], organisations: [Organisation],
        ties: [Tie], unit: NodeUnit, warnings: [Diagnostic] = [], ratingSet: RatingSet = .none
    ) {
        self.ratingSet = ratingSet
        self.themeSet = themeSet
        self.themes = themes
        self.people = people
        self.organisations = organisations
        self.ties = ties
        self.unit = unit
        self.warnings = warnings
        var personIndex: [String: Int] = [:]
        for (index, person) in people.enumerated() { personIndex[NameKey.key(person.name)] = index }
        self.personIndex = personIndex
        var organisationIndex: [String: Int] = [:]
        for (index, organisation) in organisations.enumerated() {
            organisationIndex[NameKey.key(organisation.name)] = index
        }
        self.organisationIndex = organisationIndex
    }

    /// The position of the person with this name (matched as ``NameKey/key(_:)``).
    public func personIndex(named name: String) -> Int? { personIndex[NameKey.key(name)] }

    /// The position of the organisation with this name.
    public func organisationIndex(named name: String) -> Int? { organisationIndex[NameKey.key(name)] }

    /// The number of people who answered.
    public var respondentCount: Int { people.lazy.filter(\.responded).count }

    /// Every selection worth reporting: each theme, then the union.
    public var selections: [ThemeSelection] { themes.indices.map { .theme($0) } + [.all] }

    /// The id of a selection: the theme's id, or `all`.
    public func id(of selection: ThemeSelection) -> String {
        switch selection {
        case .theme(let index): return themes[index].id
        case .all: return Theme.allID
        }
    }

    /// The label of a selection, e.g. "Decision-making" or "All themes".
    public func label(of selection: ThemeSelection) -> String {
        switch selection {
        case .theme(let index): return themes[index].label
        case .all: return themes.isEmpty ? "All ties" : "All themes"
        }
    }

    /// The organisation a node belongs to: its organisation's position, or for
    /// an organisation-level survey the node's own position. `nil` when unknown.
    public func organisation(ofPerson person: Int) -> Int? {
        switch unit {
        case .organisations: return organisationIndex[NameKey.key(people[person].name)]
        case .people: return people[person].organisation.flatMap { organisationIndex[NameKey.key($0)] }
        }
    }

    /// The directed graph of one selection at one level, with merged weights.
    ///
    /// People level: a theme's tie weighs its strength, or 1 without one; in
    /// `.all` a tie weighs the number of themes it appears in (its strength in
    /// an unthemed survey). Organisation
    /// level: nodes are ``organisations`` and an edge weighs the number of
    /// person-level ties between the two organisations (counted once per theme
    /// in `.all`); ties inside an organisation are left out.
    ///
    /// `symmetrisation` then makes it undirected as ``Symmetrisation`` says:
    /// the graph every analysis, summary and finding of that option uses.
    ///
    /// - Complexity: O(T log T) for T ties.
    public func graph(_ selection: ThemeSelection, level: AnalysisLevel = .people, symmetrisation: Symmetrisation = .none) -> Digraph {
        var edges: [Digraph.Edge] = []
        edges.reserveCapacity(ties.count)
        for tie in ties {
            let weight: Double
            switch selection {
            case .theme(let index):
                guard tie.theme == index else { continue }
                weight = level == .people ? (tie.strength ?? 1) : 1
            case .all:
                // An unthemed survey has one relation, whose strength is kept.
                weight = tie.theme == nil && level == .people ? (tie.strength ?? 1) : 1
            }
            switch level {
            case .people:
                edges.append(.init(source: Int32(tie.source), target: Int32(tie.target), weight: weight))
            case .organisations:
                guard let a = organisation(ofPerson: tie.source), let b = organisation(ofPerson: tie.target),
                      a != b else { continue }
                edges.append(.init(source: Int32(a), target: Int32(b), weight: weight))
            }
        }
        let nodes = level == .people ? people.count : organisations.count
        let graph = Digraph(nodeCount: nodes, edges: edges, merge: .sum)
        switch symmetrisation {
        case .none: return graph
        case .either: return graph.symmetrised(keepingOnlyReciprocated: false)
        case .both: return graph.symmetrised(keepingOnlyReciprocated: true)
        }
    }

    /// The node names of a level: people's names, or organisations' names.
    public func nodeNames(level: AnalysisLevel) -> [String] {
        level == .people ? people.map(\.name) : organisations.map(\.name)
    }
}
