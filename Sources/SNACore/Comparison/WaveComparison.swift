/// What changed in a partnership between two survey waves, as data: per theme
/// (and all themes) the ties gained and lost, who joined and left the theme,
/// the network figures before and after, the gatekeepers resolved and new,
/// the weak links closed and opened, the bridges, the organisations that
/// joined or left the theme and the ties between organisations; for the
/// survey as a whole, who joined, left or stopped answering. Words are made in
/// the output layer (`WaveComparisonOutput` in SNAIO).
///
/// People (and organisations) are matched across waves by ``NameKey``, after
/// each wave's own aliases were applied when it was read: the same rules as
/// within one survey. Names that do not match but are near duplicates
/// (``NearDuplicateNames``) are listed in ``nearMisses``.
public struct WaveComparison: Sendable {
    /// A directed tie between two named nodes.
    public struct NamedTie: Sendable, Hashable, Comparable {
        /// Who named the contact.
        public var source: String
        /// The contact.
        public var target: String

        /// Creates a named tie.
        public init(source: String, target: String) {
            self.source = source
            self.target = target
        }

        /// Ordered by source, then target.
        public static func < (a: NamedTie, b: NamedTie) -> Bool { (a.source, a.target) < (b.source, b.target) }
    }

    /// An unordered pair of names (a weak link's organisations, a bridge's ends), in name order.
    public struct NamedPair: Sendable, Hashable, Comparable {
        /// The first name in order.
        public var first: String
        /// The second.
        public var second: String

        /// Creates a pair, putting the names in order.
        public init(_ a: String, _ b: String) {
            (first, second) = a <= b ? (a, b) : (b, a)
        }

        /// Ordered by first, then second name.
        public static func < (a: NamedPair, b: NamedPair) -> Bool { (a.first, a.second) < (b.first, b.second) }
    }

    /// One wave's figures for a theme.
    public struct Figures: Sendable, Equatable {
        /// Nodes in the graph (every person in the survey at people level).
        public var nodes: Int
        /// Nodes with a tie in the theme.
        public var activeNodes: Int
        /// Distinct directed ties.
        public var ties: Int
        /// Density.
        public var density: Double
        /// Share of ties returned; `nil` without ties.
        public var reciprocity: Double?
        /// Weakly connected components, isolates included.
        public var components: Int
        /// Nodes in the largest weak component.
        public var largestComponent: Int
    }

    /// The ties within and between two organisations in each wave.
    public struct OrganisationPairChange: Sendable, Equatable {
        /// The organisation whose people named the contacts.
        public var from: String
        /// The organisation of the contacts (the same for ties within one).
        public var to: String
        /// Ties before and after.
        public var before: Double, after: Double
    }

    /// A gatekeeper whose departure cuts people off, in one wave or both.
    public struct GatekeeperChange: Sendable, Equatable {
        /// The name.
        public var name: String
        /// People their departure cut off before (0 when not a gatekeeper before).
        public var cutOffBefore: Int
        /// People it cuts off after (0 when no longer a gatekeeper or gone).
        public var cutOffAfter: Int
    }

    /// What changed in one theme (or all themes).
    public struct ThemeChange: Sendable {
        /// The theme's id, or `all`.
        public var id: String
        /// The theme's label.
        public var label: String
        /// Each wave's figures, `nil` when that wave did not ask about the theme.
        public var before: Figures?, after: Figures?
        /// Ties in the after wave only, and in the before wave only.
        public var tiesGained: [NamedTie], tiesLost: [NamedTie]
        /// Nodes with a tie in the theme after but not before, and before but not after.
        public var joined: [String], left: [String]
        /// Organisations with a tied member in the theme after but not before, and the reverse.
        public var organisationsJoined: [String], organisationsLeft: [String]
        /// Gatekeepers before whose departure no longer cuts anyone off (they are still there).
        public var gatekeepersResolved: [GatekeeperChange]
        /// Gatekeepers before who are not in the after wave.
        public var gatekeepersGone: [GatekeeperChange]
        /// Gatekeepers after who were not before.
        public var gatekeepersNew: [GatekeeperChange]
        /// Gatekeepers in both waves.
        public var gatekeepersRemaining: [GatekeeperChange]
        /// Weak links before that are not after, and after that were not before.
        public var weakLinksClosed: [NamedPair], weakLinksOpened: [NamedPair]
        /// Bridges before that are not after, and after that were not before.
        public var bridgesGone: [NamedPair], bridgesNew: [NamedPair]
        /// Pairs of organisations whose ties changed, largest change first.
        public var organisationPairs: [OrganisationPairChange]

        /// Whether both waves asked about the theme.
        public var inBothWaves: Bool { before != nil && after != nil }
    }

    /// A name in one wave that matches no name in the other but is close to one there.
    public struct NearMiss: Sendable, Equatable {
        /// The name in the before wave.
        public var before: String
        /// The name in the after wave.
        public var after: String
    }

    /// Each theme in either wave, the before wave's order first, then all themes.
    public var themes: [ThemeChange]
    /// People (nodes) in the after wave and not the before wave, and the reverse.
    public var joined: [String], left: [String]
    /// People in both who answered before and not after (still named by others).
    public var stoppedAnswering: [String]
    /// People in both who answered after and not before.
    public var startedAnswering: [String]
    /// Response rates before and after.
    public var responseBefore: ResponseRate, responseAfter: ResponseRate
    /// Unmatched names close to an unmatched name of the other wave.
    public var nearMisses: [NearMiss]
    /// Whether the near misses were looked for (not when there are too many unmatched names).
    public var nearMissesChecked: Bool
    /// Theme ids asked only before, and only after.
    public var themesOnlyBefore: [String], themesOnlyAfter: [String]
    /// The level compared.
    public var level: AnalysisLevel
    /// Each tie rating score either wave rates, over all themes, before and after.
    public var ratings: [RatingChange]
}
