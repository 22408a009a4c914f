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
    /// A name's forms, computed once.
    private struct Form {
        var key: String
        var label: [Character]
        var words: [Substring]

        init(_ name: String) {
            key = NameKey.key(name)
            let label = NameKey.label(name)
            self.label = Array(label)
            words = label.split(separator: " ")
        }
    }

    /// Warnings, each with the alias line that would merge the pair.
    ///
    /// - Complexity: O(Σ k²) over the sizes k of the groups compared; groups
    ///   larger than 2,000 people are skipped.
    public static func warnings(for people: [Person]) -> [Diagnostic] {
        let forms = people.map { Form($0.name) }
        var buckets: [String: [Int]] = [:]
        for (index, person) in people.enumerated() {
            guard let last = forms[index].words.last else { continue }
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
                    guard areNearDuplicates(forms[members[i]], forms[members[j]]) else { continue }
                    let a = people[members[i]], b = people[members[j]]
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
        areNearDuplicates(Form(a), Form(b))
    }

    private static func areNearDuplicates(_ a: Form, _ b: Form) -> Bool {
        guard a.key != b.key else { return false }
        if a.label == b.label { return true }
        let wa = a.words, wb = b.words
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
        return a.label.count >= 6 && b.label.count >= 6 && differByOneLetter(a.label, b.label)
    }

    /// One substitution, insertion or deletion of a letter (not a digit or space).
    private static func differByOneLetter(_ a: [Character], _ b: [Character]) -> Bool {
        if a.count == b.count {
            var difference: Int?
            for index in a.indices where a[index] != b[index] {
                guard difference == nil else { return false }
                difference = index
            }
            guard let index = difference else { return false }
            return a[index].isLetter && b[index].isLetter
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
