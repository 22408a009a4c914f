/// A network with names replaced, and what the replacement could not hide.
public struct AnonymisedNetwork: Sendable {
    /// The network with pseudonyms.
    public var network: PartnershipNetwork
    /// Each original name's pseudonym.
    public var pseudonyms: [String: String]
    /// Whether the nodes were organisations-or-people of unknown kind and all renamed.
    public var renamedEveryNode: Bool
    /// Organisations (kept as they are) whose names contain a person's name.
    public var organisationsNamingPeople: [String]
    /// Whether the key was drawn at random for this run, so codes match no other run.
    public var keyIsRandom: Bool

    /// The pseudonym of a name of the original network (matched by its
    /// ``NameKey``), or `nil` when nobody in it has that name.
    public func pseudonym(of name: String) -> String? {
        if let exact = pseudonyms[name] { return exact }
        let key = NameKey.key(name)
        return pseudonyms.first { NameKey.key($0.key) == key }?.value
    }

    /// Expected links as an anonymised analysis takes them: notes left out
    /// (they may name anyone, in the survey or not) and, when every node was
    /// renamed, the organisations' names turned into their pseudonyms.
    public func anonymised(_ links: [ExpectedLink]) -> [ExpectedLink] {
        links.map { link in
            var copy = link
            copy.note = nil
            if renamedEveryNode {
                copy.first = pseudonym(of: link.first) ?? link.first
                copy.second = pseudonym(of: link.second) ?? link.second
            }
            return copy
        }
    }
}

extension PartnershipNetwork {
    /// Attributes that identify a person, removed from an anonymised network.
    public static let identifyingAttributes: Set<String> = ["name", "email", "e mail", "phone", "telephone", "mobile", "role", "job title", "title", "full name"]

    /// The network with every person's name replaced by a pseudonym ("Person
    /// 3F2A1QW7KD0PZR, Bolton Council"); organisations keep their names. When
    /// the survey names no organisation, its nodes may be people or
    /// organisations, so every node is renamed ("Member 3F2A1QW7KD0PZR").
    /// Import warnings are dropped, because they quote names; identifying
    /// attributes (name, email, phone, role, job title) are removed.
    ///
    /// A person's code depends on the key and their name only (``Pseudonymiser``),
    /// so two waves anonymised with one key give everyone in both the same code.
    ///
    /// - Throws: ``PseudonymError/collision`` when two people get one code
    ///   (never resolved by order), ``PseudonymError/equalsRealName`` when a
    ///   pseudonym is spelt like a name in the survey.
    public func anonymised(with pseudonymiser: Pseudonymiser = Pseudonymiser()) throws(PseudonymError) -> AnonymisedNetwork {
        var owners: [String: String] = [:]
        var pseudonyms: [String: String] = [:]
        let everyNode = unit == .organisations
        var naming: [String] = []
        var renamed: [Person] = []
        renamed.reserveCapacity(people.count)
        for person in people {
            let code = pseudonymiser.code(person.name)
            let nameKey = NameKey.key(person.name)
            if let owner = owners[code], owner != nameKey { throw .collision(code: code, people: people.count) }
            owners[code] = nameKey
            var copy = person
            copy.name = everyNode ? "Member \(code)" : "Person \(code)" + (person.organisation.map { ", \($0)" } ?? "")
            copy.attributes = person.attributes.filter { key, _ in !Self.identifyingAttributes.contains(key) }
            if let organisation = person.organisation, NameKey.key(organisation).contains(nameKey), !naming.contains(organisation) {
                naming.append(organisation)
            }
            pseudonyms[person.name] = copy.name
            renamed.append(copy)
        }
        let realNames = Set(people.map { NameKey.key($0.name) } + organisations.map { NameKey.key($0.name) })
        if renamed.contains(where: { realNames.contains(NameKey.key($0.name)) }) { throw .equalsRealName }
        let renamedOrganisations = everyNode
            ? organisations.enumerated().map { index, organisation in
                var copy = organisation
                copy.name = renamed[index].name
                return copy
            }
            : organisations
        let network = PartnershipNetwork(themeSet: themeSet, themes: themes, people: renamed, organisations: renamedOrganisations,
                                         ties: ties, unit: unit, warnings: [], ratingSet: ratingSet)
        return AnonymisedNetwork(network: network, pseudonyms: pseudonyms, renamedEveryNode: everyNode,
                                 organisationsNamingPeople: naming, keyIsRandom: pseudonymiser.keyIsRandom)
    }
}
