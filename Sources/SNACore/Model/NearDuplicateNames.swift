import Foundation

/// Finds names that are probably one person written two ways.
///
/// Two names within the same organisation (or, when organisations are unknown,
/// sharing a surname-like last word) are near-duplicates when:
/// - they are equal once punctuation is ignored ("J.Smith", "J Smith");
/// - one abbreviates the other's words to initials ("J. Smith", "John Smith");
/// - they differ by one letter in names of six or more characters ("Jon Smith",
///   "John Smith"). A difference in a digit never counts ("Officer 1", "Officer 2").
public enum NearDuplicateNames {
    /// Warnings, each with the alias line that would merge the pair.
    ///
    /// - Complexity: O(Σ k²) over the sizes k of the groups compared; groups
    ///   larger than 2,000 people are compared only by surname bucket.
    public static func warnings(for people: [Person]) -> [Diagnostic] {
        var buckets: [String: [Int]] = [:]
        for (index, person) in people.enumerated() {
            let words = NameKey.label(person.name).split(separator: " ")
            guard let last = words.last else { continue }
            if let organisation = person.organisation {
                buckets["org:" + NameKey.key(organisation), default: []].append(index)
            } else {
                buckets["last:" + last, default: []].append(index)
            }
        }
        var warnings: [Diagnostic] = []
        for key in buckets.keys.sorted() {
            let members = buckets[key]!
            guard members.count <= 2_000 else { continue }
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    let a = people[members[i]], b = people[members[j]]
                    guard areNearDuplicates(a.name, b.name) else { continue }
                    // Suggest the shorter spelling as the alias of the longer.
                    let (alias, name) = a.name.count <= b.name.count ? (a.name, b.name) : (b.name, a.name)
                    let place = a.organisation.map { " (\($0))" } ?? ""
                    warnings.append(Diagnostic(
                        .warning, code: "names.near-duplicate",
                        "'\(a.name)' and '\(b.name)'\(place) may be the same person",
                        fix: "if they are, add the line \"\(csvQuoted(alias))\",\"\(csvQuoted(name))\" to an aliases file (header alias,name) and pass it with --aliases"))
                }
            }
        }
        return warnings
    }

    /// Whether two names look like one name written two ways.
    public static func areNearDuplicates(_ a: String, _ b: String) -> Bool {
        guard NameKey.key(a) != NameKey.key(b) else { return false }
        let la = NameKey.label(a), lb = NameKey.label(b)
        if la == lb { return true }
        let wa = la.split(separator: " "), wb = lb.split(separator: " ")
        if wa.count == wb.count, wa.count >= 2, wa.last == wb.last {
            var abbreviated = false
            var compatible = true
            for (x, y) in zip(wa.dropLast(), wb.dropLast()) where x != y {
                if (x.count == 1 && y.hasPrefix(x)) || (y.count == 1 && x.hasPrefix(y)) {
                    abbreviated = true
                } else {
                    compatible = false
                    break
                }
            }
            if compatible && abbreviated { return true }
        }
        return la.count >= 6 && lb.count >= 6 && differByOneLetter(Array(la), Array(lb))
    }

    /// One substitution, insertion or deletion of a letter (not a digit or space).
    private static func differByOneLetter(_ a: [Character], _ b: [Character]) -> Bool {
        if a.count == b.count {
            let differences = zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }
            guard differences.count == 1, let only = differences.first else { return false }
            return only.element.0.isLetter && only.element.1.isLetter
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        guard long[i].isLetter else { return false }
        return short[i...] == long[(i + 1)...]
    }

    private static func csvQuoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "\"\"")
    }
}
