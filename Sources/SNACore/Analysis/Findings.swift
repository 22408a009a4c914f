/// The thresholds that turn metrics into findings. Each is documented in
/// docs/findings.md and can be set on the command line.
public struct FindingThresholds: Sendable, Equatable {
    /// A cut-point is a gatekeeper when its departure cuts off at least this many people.
    public var gatekeeperMinimumCutOff: Int = 2
    /// A person is a gatekeeper when they carry at least this share of the
    /// brokerage between groups (all Gould-Fernandez roles but coordinator).
    public var brokerMinimumShare: Double = 0.10
    /// A pair of organisations is a weak link when the ties expected between
    /// them, given how connected each is, are at least this many...
    public var weakLinkMinimumExpected: Double = 2
    /// ...and the ties observed are at most this share of those expected.
    public var weakLinkMaximumRatio: Double = 0.25
    /// A bridge is reported when its smaller side holds at least this many people.
    public var bridgeMinimumSide: Int = 2
    /// An organisation absent from a theme is reported when it has at least
    /// this many ties with other organisations in all themes together (and at
    /// least as many as the median organisation).
    public var isolationMinimumOtherTies: Double = 3
    /// At most this many findings of each kind.
    public var maximumPerKind: Int = 10

    /// The defaults.
    public init() {}
}

/// What a finding is about.
public enum FindingKind: String, CaseIterable, Sendable, Codable {
    /// Someone the partnership depends on.
    case gatekeeper
    /// Two organisations far less connected than their connections elsewhere would lead one to expect.
    case weakLink = "weak-link"
    /// A pair of organisations named as partners (--expected-links) with no tie.
    case missingLink = "missing-expected-link"
    /// A single tie that alone holds part of the network to the rest.
    case bridge
    /// An organisation with no ties to other organisations in a theme.
    case absentFromTheme = "absent-from-theme"
    /// People with no ties at all.
    case isolatedPeople = "isolated-people"
}

/// A finding in plain English, with its evidence and a suggested response.
public struct Finding: Sendable, Equatable {
    /// The kind.
    public var kind: FindingKind
    /// The theme it concerns (`all` for the network as a whole).
    public var theme: String
    /// The people or organisations it names.
    public var subjects: [String]
    /// One sentence: what was found.
    public var headline: String
    /// Why: the figures behind it.
    public var evidence: String
    /// What the partnership might do.
    public var response: String
    /// The figure findings of one kind are ranked by (higher first).
    public var score: Double
}
