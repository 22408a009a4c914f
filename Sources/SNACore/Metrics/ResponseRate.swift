/// How many of a group's people answered the survey.
public struct ResponseRate: Sendable, Equatable {
    /// The group: an organisation's name, or `nil` for the whole network.
    public let group: String?
    /// People known in the group (respondents and people named).
    public let people: Int
    /// People who answered.
    public let respondents: Int

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
        var people = [Int](repeating: 0, count: organisations.count + 1)
        var respondents = people
        // The last slot counts the people with no organisation.
        for index in self.people.indices {
            let slot = organisation(ofPerson: index) ?? organisations.count
            people[slot] += 1
            if self.people[index].responded { respondents[slot] += 1 }
        }
        let rates = organisations.indices.map { ResponseRate(group: organisations[$0].name, people: people[$0], respondents: respondents[$0]) }
        let unknown = ResponseRate(group: ResponseRate.noOrganisation, people: people[organisations.count], respondents: respondents[organisations.count])
        return unknown.people > 0 ? rates + [unknown] : rates
    }
}
