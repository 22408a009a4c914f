import Testing
@testable import SNACore

/// The byte-level comparison of ASCII names must decide exactly as the
/// Character-level rules do; `reference` is those rules as first written.
@Suite struct NearDuplicateEquivalenceTests {
    static func reference(_ a: String, _ b: String) -> Bool {
        guard NameKey.key(a) != NameKey.key(b) else { return false }
        let la = NameKey.label(a), lb = NameKey.label(b)
        // "Smith, Alice" is "Alice Smith" written surname first.
        func surnameFirst(_ name: String) -> String? {
            let sides = name.components(separatedBy: ",")
            guard sides.count == 2, !name.contains(where: { $0.isNumber }) else { return nil }
            let words = sides.map { NameKey.label($0).split(separator: " ") }
            guard words.allSatisfy({ (1...3).contains($0.count) }) else { return nil }
            return (words[1] + words[0]).joined(separator: " ")
        }
        if surnameFirst(a) == lb || surnameFirst(b) == la { return true }
        // A title in front, or a note in brackets at the end, left out.
        func bare(_ name: String) -> (String, Bool) {
            var text = NameKey.cleaned(name), changed = false
            if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open != text.startIndex { text = String(text[..<open]); changed = true }
            var words = NameKey.label(text).split(separator: " ").map(String.init)
            if words.count > 2, ["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "cllr", "councillor", "sir", "dame", "rev", "revd"].contains(words[0]) {
                words.removeFirst(); changed = true
            }
            return (words.joined(), changed && words.count >= 2)
        }
        let (bareA, changedA) = bare(a), (bareB, changedB) = bare(b)
        if changedA || changedB, (changedA ? bareA : la.filter { $0 != " " }) == (changedB ? bareB : lb.filter { $0 != " " }) { return true }
        if la.filter({ $0 != " " }) == lb.filter({ $0 != " " }) { return true }
        let wa = la.split(separator: " "), wb = lb.split(separator: " ")
        func isInitial(_ word: Substring) -> Bool { word.count == 1 && word.first!.isLetter }
        if wa.count == wb.count, wa.count >= 2, wa.last == wb.last {
            var abbreviated = false
            var compatible = true
            for (x, y) in zip(wa.dropLast(), wb.dropLast()) where x != y {
                if (isInitial(x) && y.hasPrefix(x)) || (isInitial(y) && x.hasPrefix(y)) {
                    abbreviated = true
                } else {
                    compatible = false
                    break
                }
            }
            if compatible && abbreviated { return true }
        }
        let ca = Array(la), cb = Array(lb)
        guard ca.count >= 6 && cb.count >= 6 else { return false }
        if ca.count == cb.count {
            let differences = ca.indices.filter { ca[$0] != cb[$0] }
            return differences.count == 1 && ca[differences[0]].isLetter && cb[differences[0]].isLetter
        }
        let (short, long) = ca.count < cb.count ? (ca, cb) : (cb, ca)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        return long[i].isLetter && short[i...] == long[(i + 1)...]
    }

    /// Names built from a small alphabet of words, initials, digits and
    /// punctuation, so that many pairs are near one another.
    static func names(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let parts = ["J", "J.", "John", "Jon", "Joan", "Smith", "Smyth", "smith", "O'Neil", "ONeil", "Sam", "S",
                     "Officer", "Oficer", "1", "2", "12", "Zoë", "Zoe\u{0308}", "Brown", "Mary-Ann", "Bolton", "Council", "A"]
        let separators = [" ", "  ", ", ", "-", ".", ""]
        return (0..<count).map { _ in
            let words = Int.random(in: 1...4, using: &generator)
            var name = ""
            for index in 0..<words {
                if index > 0 { name += separators.randomElement(using: &generator)! }
                name += parts.randomElement(using: &generator)!
            }
            return name
        }
    }

    @Test func fastComparisonDecidesAsTheCharacterRules() {
        let names = Self.names(count: 400, seed: 11)
        var near = 0
        for i in names.indices {
            for j in names.indices where j > i {
                let expected = Self.reference(names[i], names[j])
                #expect(NearDuplicateNames.areNearDuplicates(names[i], names[j]) == expected, "\(names[i]) / \(names[j])")
                if expected { near += 1 }
            }
        }
        #expect(near > 50)
    }
}
