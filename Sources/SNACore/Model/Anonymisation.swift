/// Pseudonyms for people's names: a code per name derived from a secret key,
/// so that the same name gets the same code in one report (and in every report
/// made with the same key), and nobody without the key can find the name by
/// hashing candidate names.
public struct Pseudonymiser: Sendable {
    private let key: [UInt8]

    /// A pseudonymiser with a fresh random key: codes are stable within one run only.
    public init() {
        var random = SystemRandomNumberGenerator()
        key = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
    }

    /// A pseudonymiser whose codes are the same in every run with the same key.
    public init(key: String) {
        self.key = Array(key.utf8)
    }

    /// The code of a name: `length` hexadecimal digits of a keyed hash of its matching key.
    public func code(_ name: String, length: Int = 5) -> String {
        // Keyed FNV-1a over key, name and key again, finished with SplitMix64 rounds.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key + [0x1F] + Array(NameKey.key(name).utf8) + [0x1F] + key {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var digits = ""
        var state = hash
        while digits.count < length {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            let chunk = String(z, radix: 16, uppercase: true)
            digits += String(repeating: "0", count: 16 - chunk.count) + chunk
        }
        return String(digits.prefix(length))
    }
}

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
}

extension PartnershipNetwork {
    /// The network with every person's name replaced by a pseudonym ("Person
    /// 3F2A1, Bolton Council"); organisations keep their names. When the survey
    /// names no organisation, its nodes may be people or organisations, so
    /// every node is renamed ("Member 3F2A1"). Import warnings are dropped,
    /// because they quote names; identifying attributes (name, email, phone,
    /// role, job title) are removed.
    public func anonymised(with pseudonymiser: Pseudonymiser = Pseudonymiser()) -> AnonymisedNetwork {
        var used = Set<String>()
        var pseudonyms: [String: String] = [:]
        let everyNode = unit == .organisations
        var naming: [String] = []
        let renamed = people.map { person -> Person in
            var length = 5
            var code = pseudonymiser.code(person.name, length: length)
            while used.contains(code) {
                length += 1
                code = pseudonymiser.code(person.name, length: length)
            }
            used.insert(code)
            var copy = person
            copy.name = everyNode ? "Member \(code)" : "Person \(code)" + (person.organisation.map { ", \($0)" } ?? "")
            copy.attributes = person.attributes.filter { key, _ in
                !["name", "email", "e mail", "phone", "telephone", "mobile", "role", "job title", "title", "full name"].contains(key)
            }
            if let organisation = person.organisation, NameKey.key(organisation).contains(NameKey.key(person.name)), !naming.contains(organisation) {
                naming.append(organisation)
            }
            pseudonyms[person.name] = copy.name
            return copy
        }
        let renamedOrganisations = everyNode
            ? organisations.enumerated().map { index, organisation in
                var copy = organisation
                copy.name = renamed[index].name
                return copy
            }
            : organisations
        let network = PartnershipNetwork(themeSet: themeSet, themes: themes, people: renamed, organisations: renamedOrganisations,
                                         ties: ties, unit: unit, warnings: [])
        return AnonymisedNetwork(network: network, pseudonyms: pseudonyms, renamedEveryNode: everyNode, organisationsNamingPeople: naming)
    }
}
