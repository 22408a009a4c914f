/// How ties are made undirected before analysis (`--symmetrise`).
public enum Symmetrisation: String, CaseIterable, Sendable {
    /// The directed survey as answered (default).
    case none
    /// A tie in either direction counts both ways.
    case either
    /// Only ties named by both people count, both ways.
    case both
}

/// What `PartnershipAnalysis` computes and how findings are judged.
public struct AnalysisOptions: Sendable {
    /// People, or organisations with their people's ties aggregated.
    public var level: AnalysisLevel
    /// What groups the nodes for brokerage and the findings (default: organisation).
    public var grouping: Grouping
    /// The themes to analyse; `nil` for every theme and `all`.
    public var selections: [ThemeSelection]?
    /// How ties are symmetrised.
    public var symmetrisation: Symmetrisation
    /// Thresholds of the findings.
    public var thresholds: FindingThresholds
    /// Pairs of organisations that should work together.
    public var expectedLinks: [ExpectedLink]
    /// Steps of the "if these people left" curve.
    public var resilienceSteps: Int
    /// The most threads to compute with (`nil`: all cores); results are the same with any number.
    public var threads: Int?
    /// The statutory partners to look for (`--partnership`), or `nil`.
    public var statutory: StatutoryCheck? = nil

    /// Creates options; the defaults analyse people, grouped by organisation,
    /// every theme, as surveyed.
    public init(
        level: AnalysisLevel = .people, grouping: Grouping = .organisation, selections: [ThemeSelection]? = nil,
        symmetrisation: Symmetrisation = .none, thresholds: FindingThresholds = .init(),
        expectedLinks: [ExpectedLink] = [], resilienceSteps: Int = 10, threads: Int? = nil
    ) {
        self.level = level
        self.grouping = grouping
        self.threads = threads
        self.selections = selections
        self.symmetrisation = symmetrisation
        self.thresholds = thresholds
        self.expectedLinks = expectedLinks
        self.resilienceSteps = resilienceSteps
    }
}

extension AnalysisOptions {
    /// The same options for the organisation-level map of all themes: one
    /// node per organisation, grouped as before (by organisation when that
    /// was by layer, which organisations do not have), with the same symmetrisation, thresholds, expected links and threads.
    public var atOrganisationLevel: AnalysisOptions {
        var copy = self
        copy.level = .organisations
        if copy.grouping == .layer { copy.grouping = .organisation }  // organisations have no layer
        copy.selections = [.all]
        copy.resilienceSteps = 0
        return copy
    }
}

/// Two organisations, or two kinds of organisation (a value of `sector` or
/// `type`), that should work together, optionally in one theme.
public struct ExpectedLink: Sendable, Equatable {
    /// An organisation's name, or a sector or type.
    public var first: String
    /// The other organisation, sector or type.
    public var second: String
    /// The theme's id, or `nil` for any theme.
    public var theme: String?
    /// Why they should work together, shown with the finding.
    public var note: String?

    /// Creates an expected link.
    public init(_ first: String, _ second: String, theme: String? = nil, note: String? = nil) {
        self.first = first
        self.second = second
        self.theme = theme
        self.note = note
    }
}
