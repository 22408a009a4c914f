import Testing
@testable import SNACore

/// Which pairs of people the near-duplicate check compares: people of one
/// organisation, and people whose organisation is unknown with anyone who
/// shares their last word or no-space form; never two known, different organisations.
@Suite struct NearDuplicateGroupTests {
    private func warned(_ people: [Person]) -> Set<String> {
        Set(NearDuplicateNames.warnings(for: people).map(\.message))
    }

    @Test func anUnknownOrganisationMeetsKnownOnesByLastWordAndNoSpaceForm() {
        let people = [
            Person(name: "John Smith", organisation: "Org A"), Person(name: "J. Smith"),
            Person(name: "Alice Smith", organisation: "Org B"), Person(name: "Smith, Alice"),
            Person(name: "Sam O'Neil", organisation: "Org C"), Person(name: "Sam ONeil"),
        ] + (0..<50).map { Person(name: "Person \($0)", organisation: "Org \($0 % 5)") }
        let messages = warned(people)
        #expect(messages.contains { $0.contains("'John Smith' and 'J. Smith'") })
        #expect(messages.contains { $0.contains("'Alice Smith' and 'Smith, Alice'") })
        #expect(messages.contains { $0.contains("'Sam O'Neil' and 'Sam ONeil'") })
        #expect(messages.count == 3, "\(messages)")
    }

    @Test func twoKnownDifferentOrganisationsAreNeverCompared() {
        #expect(warned([Person(name: "John Smith", organisation: "Org A"), Person(name: "J Smith", organisation: "Org B")]).isEmpty)
    }

    @Test func oneOrganisationWrittenTwoWaysIsOneGroup() {
        let messages = warned([Person(name: "Jon Smith", organisation: "Org A"), Person(name: "John Smith", organisation: "org  a")])
        #expect(messages.count == 1)
    }

    @Test func namesWithoutLettersOrDigitsAreNotCompared() {
        #expect(warned([Person(name: "!!!", organisation: "Org A"), Person(name: "???", organisation: "Org A"), Person(name: "-"), Person(name: "--")]).isEmpty)
    }

    @Test func aRosterWithEveryOrganisationKnownComparesWithinOrganisationsOnly() {
        // 20,000 people in 1,000 organisations: one pair written two ways, in one organisation.
        var people = (0..<20_000).map { Person(name: "Member \($0) Surname\($0)", organisation: "Org \($0 % 1_000)") }
        people.append(Person(name: "Member 7 Surnam7", organisation: "Org 7"))
        let messages = warned(people)
        #expect(messages.count == 1, "\(messages)")
    }
}
