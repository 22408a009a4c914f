import Testing
@testable import SNACore

@Suite struct SeededGeneratorTests {
    @Test func sameSeedSameSequence() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let sa = (0..<5).map { _ in a.next() }, sb = (0..<5).map { _ in b.next() }, sc = (0..<5).map { _ in c.next() }
        #expect(sa == sb)
        #expect(sa != sc)
    }

    @Test func boundedIntegersStayInRange() {
        var random = SeededGenerator(seed: 1)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<6000 { counts[random.nextInt(below: 6)] += 1 }
        #expect(counts.allSatisfy { $0 > 850 && $0 < 1150 })
        for _ in 0..<1000 { #expect((0..<1).contains(random.nextUnit())) }
    }
}
