extension PartnershipNetwork {
    /// The network with every person's name replaced by a stable pseudonym,
    /// "Person 3F2A1, Bolton Council": the same name always gets the same code
    /// (a hash of its matching key), organisations keep their names.
    /// Import warnings are dropped, because they quote names. An
    /// organisation-level survey is returned unchanged (its nodes are
    /// organisations).
    ///
    /// - Returns: the network and each original name's pseudonym.
    public func anonymised() -> (network: PartnershipNetwork, pseudonyms: [String: String]) {
        guard unit == .people else { return (self, [:]) }
        var used = Set<String>()
        var pseudonyms: [String: String] = [:]
        let renamed = people.map { person -> Person in
            var code = Self.code(NameKey.key(person.name), length: 5)
            var length = 5
            while used.contains(code) {
                length += 1
                code = Self.code(NameKey.key(person.name), length: length)
            }
            used.insert(code)
            var copy = person
            copy.name = "Person \(code)" + (person.organisation.map { ", \($0)" } ?? "")
            copy.attributes = person.attributes.filter { key, _ in !["name", "email", "e mail", "phone", "telephone", "role", "job title"].contains(key) }
            pseudonyms[person.name] = copy.name
            return copy
        }
        let network = PartnershipNetwork(themeSet: themeSet, themes: themes, people: renamed, organisations: organisations,
                                         ties: ties, unit: unit, warnings: [])
        return (network, pseudonyms)
    }

    /// Hexadecimal digits of the FNV-1a hash of `text` (64 bits, then mixed further for longer codes).
    static func code(_ text: String, length: Int) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var digits = ""
        var state = hash
        while digits.count < length {
            digits += String(state, radix: 16, uppercase: true)
            state = state &* 0x9E37_79B9_7F4A_7C15 &+ 1
        }
        return String(digits.prefix(length))
    }
}
