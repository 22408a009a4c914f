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
    /// Decision-making is confined to a layer when at least this share of
    /// its ties between people with a layer join people of that one layer;
    /// the layers decide apart when at least this share join people of the
    /// same layer (whichever it is) and two or more layers take part.
    public var layerConfinedShare: Double = 0.8
    /// At most this many findings of each kind.
    public var maximumPerKind: Int = 10
    /// The rating score (an item or measure id of ``RatingSet/scores``) the
    /// trust findings read; they are skipped when the survey has none of that id.
    public var trustScore: String = "trust"
    /// Trust is low below this value; `nil`: below the middle of the score's
    /// scale (2.5 on a 1-4 scale).
    public var lowTrust: Double? = nil
    /// Trust is judged only on at least this many ratings (of a pair, both
    /// directions together; of a person, those received).
    public var lowTrustMinimumRatings: Int = 2

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
    /// Two adjacent governance layers (strategic and executive, executive and operational) with no tie between them.
    case layerGap = "layer-gap"
    /// One person (or the two ends of one tie) carrying every tie between two adjacent layers.
    case onlyLayerLink = "only-layer-link"
    /// Decision-making whose ties all stay inside one layer.
    case confinedToLayer = "confined-to-layer"
    /// Decision-making whose ties stay inside each layer: every layer decides, but apart from the others.
    case layersDecideApart = "layers-decide-apart"
    /// Two organisations that are tied (and should work together) whose people rate each other's trust low.
    case lowTrustLink = "low-trust-link"
    /// A gatekeeper whom the people tied to them rate low on trust.
    case distrustedGatekeeper = "distrusted-gatekeeper"
    /// A kind of organisation the partnership's statute names as a partner (seed 004, Appendix 3) with nobody in the survey.
    case requiredPartnerMissing = "required-partner-missing"
    /// Named partners of the partnership's statute with no tie to other organisations in strategy or decision-making.
    case requiredPartnerAbsent = "required-partner-absent"
    /// A named partner of the partnership's statute whose people mostly did not answer the survey.
    case requiredPartnerUnanswered = "required-partner-unanswered"
    /// An expected link naming an organisation (or sector or type) that is not in the survey.
    case expectedPartnerNotInSurvey = "expected-partner-not-in-survey"
}

/// A person or organisation a finding names, by position and name.
///
/// `level` says which list `index` points into: ``PartnershipNetwork/people``
/// for `.people`, ``PartnershipNetwork/organisations`` for `.organisations`.
/// In an analysis at organisation level the nodes are organisations; in a
/// people-level analysis, weak links, missing links and absences still name
/// organisations (``PartnershipAnalysis/node(ofOrganisation:)`` finds their node).
public struct NodeReference: Sendable, Hashable {
    /// Which list `index` points into.
    public let level: AnalysisLevel
    /// The position in that list.
    public let index: Int
    /// The name, as the network spells it.
    public let name: String

    /// Creates a reference.
    public init(level: AnalysisLevel, index: Int, name: String) {
        self.level = level
        self.index = index
        self.name = name
    }
}

/// The Gould-Fernandez brokerage of one node between groups, as a finding
/// reports it.
public struct BrokerageEvidence: Sendable, Equatable {
    /// Pairs brokered between groups (every role but coordinator).
    public let between: Double
    /// `between` as a share of all brokerage between groups in the network.
    public let share: Double
    /// Brokerage as gatekeeper (into the broker's group).
    public let gatekeeper: Double
    /// Brokerage as representative (out of the broker's group).
    public let representative: Double
    /// Brokerage as liaison (between two other groups).
    public let liaison: Double
}

/// Why someone is a gatekeeper.
public struct GatekeeperEvidence: Sendable, Equatable {
    /// Whether their departure cuts off at least the threshold's number of
    /// people (otherwise they are a gatekeeper by brokerage alone).
    public let isCutPoint: Bool
    /// The nodes their departure cuts off from the largest remaining piece
    /// (empty unless `isCutPoint`).
    public let cutOff: [NodeReference]
    /// The organisations every one of whose connected members is cut off
    /// (people level only).
    public let organisationsCutOff: [NodeReference]
    /// The nodes in `cutOff` outside `organisationsCutOff`.
    public let cutOffElsewhere: [NodeReference]
    /// The share of connected pairs of others their removal disconnects.
    public let removalImpact: Double
    /// Brokerage between groups, or `nil` when they broker none.
    public let brokerage: BrokerageEvidence?
    /// What the brokerage groups are.
    public let groupedBy: Grouping
    /// Directed betweenness.
    public let betweenness: Double
    /// The betweenness rank (1 is the highest).
    public let rank: Int
    /// The number of nodes ranked.
    public let nodeCount: Int
}

/// Why two organisations are weakly linked.
public struct WeakLinkEvidence: Sendable, Equatable {
    /// The ties between them, both directions (a tie counts once per theme).
    public let observed: Double
    /// The ties expected between them given their ties with other partners.
    public let expected: Double
    /// Each one's ties with other organisations, in the order of the subjects.
    public let tiesWithOthers: [Double]
    /// Whether a tie counts once per theme it appears in.
    public let themed: Bool
}

/// An expected partnership with no tie.
public struct MissingLinkEvidence: Sendable, Equatable {
    /// The expected link as given (names may be sectors or types).
    public let link: ExpectedLink
}

/// Why a tie is a bridge.
public struct BridgeEvidence: Sendable, Equatable {
    /// The nodes on the smaller side of the bridge.
    public let smallerSide: [NodeReference]
    /// The organisations those nodes belong to (people level).
    public let organisations: [NodeReference]
}

/// Why organisations are reported absent from a theme.
public struct AbsenceEvidence: Sendable, Equatable {
    /// Each absent organisation's ties with other organisations in all themes, in the order of the subjects.
    public let tiesInAllThemes: [Double]
    /// The median organisation's ties with others in all themes.
    public let medianTies: Double
}

/// Who has no ties.
public struct IsolationEvidence: Sendable, Equatable {
    /// How many of them answered the survey naming nobody (people level;
    /// `nil` at organisation level).
    public let answered: Int?
}

/// How the governance layers (seed 004, paragraph 44) are tied.
public struct LayerEvidence: Sendable, Equatable {
    /// The layers it is about: two adjacent layers, or the one layer a theme's ties stay in.
    public let layers: [Layer]
    /// Ties between the two layers, both directions; for a confined theme, the theme's ties inside its layer.
    public let ties: Int
    /// For a confined theme: all its ties between people with a layer; otherwise equal to ``ties``.
    public let totalTies: Int
    /// The people of each layer in `layers` with ties in the network judged (all themes).
    public let activeMembers: [Int]
    /// For a confined theme: the other layers with people who have ties in some theme.
    public let layersLeftOut: [Layer]
    /// For layers deciding apart: the share of ties between people with a
    /// layer that stay inside a layer in the network of all themes, the
    /// figure to set the theme's against; otherwise `nil`.
    public let withinShareInAllThemes: Double?

    /// Creates the evidence; `withinShareInAllThemes` is for layers deciding apart only.
    package init(layers: [Layer], ties: Int, totalTies: Int, activeMembers: [Int], layersLeftOut: [Layer], withinShareInAllThemes: Double? = nil) {
        self.layers = layers
        self.ties = ties
        self.totalTies = totalTies
        self.activeMembers = activeMembers
        self.layersLeftOut = layersLeftOut
        self.withinShareInAllThemes = withinShareInAllThemes
    }
}

/// Why trust is low: between two organisations (``FindingKind/lowTrustLink``)
/// or in a gatekeeper (``FindingKind/distrustedGatekeeper``).
public struct TrustEvidence: Sendable, Equatable {
    /// The score judged (``FindingThresholds/trustScore``), e.g. `trust`.
    public let score: String
    /// Its label, e.g. "Trust".
    public let scoreLabel: String
    /// Its scale.
    public let minimum: Double
    /// Its scale.
    public let maximum: Double
    /// The mean rating: of a pair, both directions together; of a gatekeeper, received.
    public let mean: Double
    /// How many ratings `mean` is of.
    public let ratings: Int
    /// A pair's means in each direction (first subject to second, second to
    /// first; `nil` without ratings that way); empty for a gatekeeper.
    public let directions: [Double?]
    /// The ratings in each direction, as `directions`.
    public let directionRatings: [Int]
    /// Trust is low below this value.
    public let threshold: Double
    /// The mean over every rated tie of the network judged.
    public let networkMean: Double?
    /// The ties between the pair in the network judged, both directions (a
    /// tie counts once per theme); 0 for a gatekeeper.
    public let ties: Double
    /// The expected link that says the pair should work together, when
    /// expected links were given.
    public let expectedLink: ExpectedLink?
    /// Why the person is a gatekeeper (``FindingKind/distrustedGatekeeper``).
    public let gatekeeper: GatekeeperEvidence?
}

/// The figures behind a statutory-partner finding.
public struct StatutoryEvidence: Sendable, Equatable {
    /// The partnership kind judged.
    public let partnership: PartnershipKind
    /// The required kind of each subject, in their order; for a missing kind, that kind.
    public let kinds: [OrganisationKind]
    /// For a missing kind: the organisations an organisations file lists with that type, none in the survey.
    public let listedOutsideSurvey: [String]
    /// For a partner that did not answer: its people in the survey.
    public let members: Int
    /// For a partner that did not answer: how many of them answered.
    public let answered: Int
    /// For partners absent from a theme: each one's ties with other organisations in all themes.
    public let tiesInAllThemes: [Double]

    /// Creates the evidence; figures not given are empty or zero.
    public init(partnership: PartnershipKind, kinds: [OrganisationKind], listedOutsideSurvey: [String] = [],
                members: Int = 0, answered: Int = 0, tiesInAllThemes: [Double] = []) {
        self.partnership = partnership
        self.kinds = kinds
        self.listedOutsideSurvey = listedOutsideSurvey
        self.members = members
        self.answered = answered
        self.tiesInAllThemes = tiesInAllThemes
    }
}

/// An expected link one of whose names matches nothing in the survey.
public struct ExpectedPartnerEvidence: Sendable, Equatable {
    /// The expected link as given.
    public let link: ExpectedLink
    /// Its names (one or both) that are no organisation, sector or type of the survey.
    public let notInSurvey: [String]
    /// For each name of `notInSurvey`, the survey's organisation it may be a
    /// misspelling or an abbreviation of (``NearDuplicateNames``), or `nil`.
    public let closest: [String?]
}

/// A finding's figures, typed by kind.
public enum FindingEvidence: Sendable, Equatable {
    /// See ``GatekeeperEvidence``.
    case gatekeeper(GatekeeperEvidence)
    /// See ``WeakLinkEvidence``.
    case weakLink(WeakLinkEvidence)
    /// See ``MissingLinkEvidence``.
    case missingLink(MissingLinkEvidence)
    /// See ``BridgeEvidence``.
    case bridge(BridgeEvidence)
    /// See ``AbsenceEvidence``.
    case absentFromTheme(AbsenceEvidence)
    /// See ``IsolationEvidence``.
    case isolatedPeople(IsolationEvidence)
    /// See ``LayerEvidence``: a layer gap, an only link between layers, or a theme confined to a layer.
    case layers(LayerEvidence)
    /// See ``TrustEvidence``: a low-trust link or a distrusted gatekeeper.
    case trust(TrustEvidence)
    /// See ``StatutoryEvidence``: a required partner kind missing, absent from a theme, or not answering.
    case statutory(StatutoryEvidence)
    /// See ``ExpectedPartnerEvidence``.
    case expectedPartnerNotInSurvey(ExpectedPartnerEvidence)
}

/// Something the analysis found, as data: its kind, what it was judged on,
/// whom it names and the figures behind it. The words (headline, evidence,
/// response) are made from it in the output layer (`FindingWording` in SNAIO).
public struct Finding: Sendable, Equatable {
    /// The kind.
    public let kind: FindingKind
    /// The id of the theme it was judged on (`all` for the network as a whole).
    public let theme: String
    /// That theme's label, e.g. "Decision-making" or "All themes".
    public let themeLabel: String
    /// The level the analysis was at.
    public let level: AnalysisLevel
    /// Whether the analysed nodes are people (a people-level analysis of a
    /// survey that names people), rather than organisations.
    public let nodesArePeople: Bool
    /// Whom it names: a gatekeeper; a bridge's two ends; two organisations;
    /// the absent organisations; the isolated nodes.
    public let subjects: [NodeReference]
    /// The figures behind it.
    public let evidence: FindingEvidence
    /// The figure findings of one kind are ranked by (higher first).
    public let score: Double

    /// The subjects' names.
    public var subjectNames: [String] { subjects.map(\.name) }
}
