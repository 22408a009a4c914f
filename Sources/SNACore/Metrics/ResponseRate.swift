/// How many of a group's people answered the survey.
public struct ResponseRate: Sendable, Equatable {
    /// The group: an organisation's name, or `nil` for the whole network.
    public var group: String?
    /// People known in the group (respondents and people named).
    public var people: Int
    /// People who answered.
    public var respondents: Int

    /// Whether this is the placeholder group of the people with no organisation.
    public var isNoOrganisation: Bool { group == ResponseRate.noOrganisation }

    /// The name of the group of people with no organisation.
    public static let noOrganisation = "(no organisation)"

    /// respondents / people; 0 for an empty group.
    public var rate: Double { people == 0 ? 0 : Double(respondents) / Double(people) }

    /// Creates a response rate.
    public init(group: String?, people: Int, respondents: Int) {
        self.group = group
        self.people = people
        self.respondents = respondents
    }
}

extension PartnershipNetwork {
    /// The response rate of the whole network.
    public var responseRate: ResponseRate {
        ResponseRate(group: nil, people: people.count, respondents: respondentCount)
    }

    /// The response rate of each organisation, in the organisations' order,
    /// followed by a group named "(no organisation)" for people without one.
    public var responseRatesByOrganisation: [ResponseRate] {
        var rates = organisations.map { ResponseRate(group: $0.name, people: 0, respondents: 0) }
        var unknown = ResponseRate(group: ResponseRate.noOrganisation, people: 0, respondents: 0)
        for index in people.indices {
            let responded = people[index].responded ? 1 : 0
            if let organisation = organisation(ofPerson: index) {
                rates[organisation].people += 1
                rates[organisation].respondents += responded
            } else {
                unknown.people += 1
                unknown.respondents += responded
            }
        }
        return unknown.people > 0 ? rates + [unknown] : rates
    }
}
