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
    /// The attribute that groups people for brokerage (default organisation).
    public var groupBy: String
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

    /// Creates options; the defaults analyse people, grouped by organisation,
    /// every theme, as surveyed.
    public init(
        level: AnalysisLevel = .people, groupBy: String = "organisation", selections: [ThemeSelection]? = nil,
        symmetrisation: Symmetrisation = .none, thresholds: FindingThresholds = .init(),
        expectedLinks: [ExpectedLink] = [], resilienceSteps: Int = 10
    ) {
        self.level = level
        self.groupBy = groupBy
        self.selections = selections
        self.symmetrisation = symmetrisation
        self.thresholds = thresholds
        self.expectedLinks = expectedLinks
        self.resilienceSteps = resilienceSteps
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
