/// Someone in the partnership: a respondent, or a contact a respondent named.
///
/// In a survey whose rows are organisations, each "person" is an organisation
/// (see ``PartnershipNetwork/unit``).
public struct Person: Hashable, Sendable {
    /// The name as first written, cleaned (see ``NameKey/cleaned(_:)``).
    public var name: String
    /// The organisation the person works for, when known.
    public var organisation: String?
    /// The layer of joint working, when known.
    public var layer: Layer?
    /// Every other attribute from the survey or the people file, keyed by the
    /// header's label form (see ``NameKey/label(_:)``), e.g. `sector`, `role`.
    public var attributes: [String: String]
    /// Whether the person answered the survey (appears as a respondent).
    public var responded: Bool

    /// Creates a person.
    public init(
        name: String, organisation: String? = nil, layer: Layer? = nil,
        attributes: [String: String] = [:], responded: Bool = false
    ) {
        self.name = name
        self.organisation = organisation
        self.layer = layer
        self.attributes = attributes
        self.responded = responded
    }
}

/// A partner organisation: a council, police force, trust, charity...
public struct Organisation: Hashable, Sendable {
    /// The organisation's name, cleaned.
    public var name: String
    /// Attributes every member with a value agrees on (for example `sector`, `type`).
    public var attributes: [String: String]
    /// Positions of its people in ``PartnershipNetwork/people``.
    public var members: [Int]

    /// Creates an organisation.
    public init(name: String, attributes: [String: String] = [:], members: [Int] = []) {
        self.name = name
        self.attributes = attributes
        self.members = members
    }

    /// The organisation's sector, when its people agree on one.
    public var sector: String? { attributes["sector"] }
}

/// A directed tie: `source` named `target` in a theme.
public struct Tie: Hashable, Sendable {
    /// Position of the respondent in ``PartnershipNetwork/people``.
    public var source: Int
    /// Position of the named contact.
    public var target: Int
    /// Position of the theme in ``PartnershipNetwork/themes``; `nil` when the
    /// survey asked about one unnamed relation.
    public var theme: Int?
    /// The strength the respondent gave, when the survey asked for one.
    public var strength: Double?
    /// The respondent's rating of the tie on each item of
    /// ``PartnershipNetwork/ratingSet`` (`nil` where not rated); empty when
    /// the survey asks for no ratings.
    public var ratings: [Double?]

    /// Creates a tie.
    public init(source: Int, target: Int, theme: Int?, strength: Double? = nil, ratings: [Double?] = []) {
        self.source = source
        self.target = target
        self.theme = theme
        self.strength = strength
        self.ratings = ratings
    }

    /// The rating on item `item`, or `nil` when not rated.
    public func rating(_ item: Int) -> Double? { item < ratings.count ? ratings[item] : nil }
}
