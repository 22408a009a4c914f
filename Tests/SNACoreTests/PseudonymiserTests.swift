import Foundation
import SNACore
import Testing

/// Pseudonyms by HMAC-SHA256: stable per key and name across waves and roster
/// orders, distinct per key, and a collision is an error.
struct PseudonymiserTests {
    /// A small network of ties in the given order, each person in one organisation.
    func network(_ pairs: [(String, String)]) throws -> PartnershipNetwork {
        var builder = NetworkBuilder(themeSet: .standard)
        for (a, b) in pairs { builder.addTie(from: a, organisation: "Org", to: b, organisation: "Org", themeIndex: 0) }
        return try builder.build()
    }

    @Test func theCodeIsAnHMACOfTheNameKeyInCrockfordBase32() {
        let pseudonymiser = Pseudonymiser(key: "a key of sixteen bytes")
        let code = pseudonymiser.code("Ann Smith")
        #expect(code.count == Pseudonymiser.standardCodeLength)
        #expect(code.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
        // The name's key, not its spelling: case, spaces and accents do not change the code.
        #expect(pseudonymiser.code("  ANN   smith ") == code)
        #expect(Pseudonymiser(key: "a key of sixteen bytes").code("Ann Smith") == code)
        #expect(Pseudonymiser(key: "another key of 16 bytes").code("Ann Smith") != code)
        #expect(pseudonymiser.code("Anne Smith") != code)
    }

    @Test func oneKeyGivesEveryoneTheSameCodeInTwoWavesWhateverTheRosterOrder() throws {
        let before = try network([("Ann Smith", "Bob Jones"), ("Bob Jones", "Cat Lee"), ("Dee Patel", "Ann Smith")])
        // The second wave: people in another order, one left (Dee), one joined (Eve).
        let after = try network([("Eve Khan", "Cat Lee"), ("Cat Lee", "Bob Jones"), ("Bob Jones", "Ann Smith")])
        let key = Pseudonymiser(key: "partnership key 2026")
        let first = try before.anonymised(with: key), second = try after.anonymised(with: key)
        for name in ["Ann Smith", "Bob Jones", "Cat Lee"] {
            #expect(first.pseudonyms[name] == second.pseudonyms[name], "\(name)")
            #expect(first.pseudonyms[name]?.hasPrefix("Person ") == true)
        }
        #expect(Set(first.pseudonyms.values).count == 4)
        #expect(first.keyIsRandom == false)
        // Without a key, codes are random per run.
        let random = try before.anonymised()
        #expect(random.keyIsRandom)
        #expect(random.pseudonyms["Ann Smith"] != first.pseudonyms["Ann Smith"])
    }

    @Test func aCollisionIsAnErrorNeverResolvedByOrder() throws {
        // One character gives 32 codes: 40 people must share one (pigeonhole), whatever the key.
        let names = (1...40).map { "Person number \($0)" }
        let crowded = try network(zip(names, names.dropFirst()).map { ($0, $1) })
        let short = Pseudonymiser(key: "collision test key", codeLength: 1)
        #expect(throws: PseudonymError.self) { try crowded.anonymised(with: short) }
        do {
            _ = try crowded.anonymised(with: short)
        } catch {
            guard case .collision(_, let people) = error else { Issue.record("expected a collision, got \(error)"); return }
            #expect(people == 40)
            // The message names nobody.
            #expect(!names.contains { error.description.contains($0) })
        }
        // Two people with one code is found, not lengthened away: the standard length has none here.
        #expect(throws: Never.self) { try crowded.anonymised(with: Pseudonymiser(key: "collision test key")) }
    }

    @Test func aPseudonymSpeltLikeARealNameIsAnError() throws {
        let key = Pseudonymiser(key: "real name test key")
        let code = key.code("Ann Smith")
        // Someone in the survey is literally called what Ann's pseudonym would be.
        var builder = NetworkBuilder(themeSet: .standard)
        builder.addTie(from: "Ann Smith", to: "Member \(code)", themeIndex: 0)
        #expect(throws: PseudonymError.equalsRealName) { try builder.build().anonymised(with: key) }
    }
}
