import Foundation

/// Finds names that are probably one person (or organisation) written two ways.
///
/// Two names are near-duplicates when:
/// - they are equal once case, spaces and punctuation are ignored
///   ("J.Smith", "J Smith"; "Sam O'Neil", "Sam ONeil"; "Bolton-Council", "Bolton Council.");
/// - one abbreviates the other's words to initials, the last word equal
///   ("J. Smith", "John Smith"); an initial is a letter, never a digit;
/// - they differ by one letter in names of six or more characters ("Jon Smith",
///   "John Smith"). A difference in a digit never counts ("Officer 1", "Officer 2").
///
/// People are compared within their organisation, and with people whose
/// organisation is unknown when they share their last word; people in two
/// different known organisations are not compared. Organisation names are all
/// compared with each other. Names longer than 120 characters are not compared.
public enum NearDuplicateNames {
    /// Names longer than this are left out of the comparison.
    public static let maximumLength = 120

    /// A name's forms, computed once.
    private struct Form {
        var key: String
        var compact: String
        var label: [Character]
        var words: [Substring]
        var comparable: Bool

        init(_ name: String) {
            key = NameKey.key(name)
            let label = NameKey.label(name)
            self.label = Array(label)
            words = label.split(separator: " ")
            compact = label.replacingOccurrences(of: " ", with: "")
            comparable = name.count <= NearDuplicateNames.maximumLength
        }
    }

    /// Warnings about people, each with the alias line that would merge the pair.
    ///
    /// - Parameter locations: where each person was first seen, for the warning.
    /// - Complexity: O(Σ k²) over the sizes k of the groups compared; groups
    ///   larger than 2,000 are skipped.
    public static func warnings(for people: [Person], locations: [SourceLocation?] = []) -> [Diagnostic] {
        let forms = people.map { Form($0.name) }
        var byOrganisation: [String: [Int]] = [:]
        var byLastWord: [String: [Int]] = [:]
        for (index, person) in people.enumerated() where forms[index].comparable {
            guard let last = forms[index].words.last else { continue }
            if let organisation = person.organisation { byOrganisation[NameKey.key(organisation), default: []].append(index) }
            byLastWord[String(last), default: []].append(index)
        }
        var seen = Set<[Int]>()
        var warnings: [Diagnostic] = []
        func compare(_ members: [Int], onlyWithUnknownOrganisation: Bool) {
            guard members.count <= 2_000 else { return }
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    let a = members[i], b = members[j]
                    if onlyWithUnknownOrganisation && people[a].organisation != nil && people[b].organisation != nil { continue }
                    guard areNearDuplicates(forms[a], forms[b]), seen.insert([a, b]).inserted else { continue }
                    let place = (people[a].organisation ?? people[b].organisation).map { " (\($0))" } ?? ""
                    warnings.append(warning(
                        "names.near-duplicate", "'\(people[a].name)' and '\(people[b].name)'\(place) may be the same person",
                        people[a].name, people[b].name, at: locations.indices.contains(b) ? locations[b] : nil))
                }
            }
        }
        for key in byOrganisation.keys.sorted() { compare(byOrganisation[key]!, onlyWithUnknownOrganisation: false) }
        for key in byLastWord.keys.sorted() { compare(byLastWord[key]!, onlyWithUnknownOrganisation: true) }
        return warnings
    }

    /// Warnings about organisation names that look like one organisation written two ways.
    public static func warnings(forOrganisations names: [String], locations: [SourceLocation?] = []) -> [Diagnostic] {
        guard names.count <= 2_000 else { return [] }
        let forms = names.map(Form.init)
        var warnings: [Diagnostic] = []
        for i in names.indices where forms[i].comparable {
            for j in (i + 1)..<names.count where forms[j].comparable && areNearDuplicates(forms[i], forms[j]) {
                warnings.append(warning(
                    "names.near-duplicate-organisation", "organisations '\(names[i])' and '\(names[j])' may be the same organisation",
                    names[i], names[j], at: locations.indices.contains(j) ? locations[j] : nil))
            }
        }
        return warnings
    }

    private static func warning(_ code: String, _ message: String, _ a: String, _ b: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, code: code, at: location, message,
                   fix: "if they are, add a line to an aliases file (header alias,name) with the wrong spelling first and the right one second, e.g. \"\(csvQuoted(a))\",\"\(csvQuoted(b))\" or \"\(csvQuoted(b))\",\"\(csvQuoted(a))\", and pass it with --aliases")
    }

    /// Whether two names look like one name written two ways.
    public static func areNearDuplicates(_ a: String, _ b: String) -> Bool {
        areNearDuplicates(Form(a), Form(b))
    }

    private static func areNearDuplicates(_ a: Form, _ b: Form) -> Bool {
        guard a.key != b.key else { return false }
        if a.compact == b.compact { return true }
        let wa = a.words, wb = b.words
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
        return a.label.count >= 6 && b.label.count >= 6 && differByOneLetter(a.label, b.label)
    }

    private static func isInitial(_ word: Substring) -> Bool { word.count == 1 && word.first!.isLetter }

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
