import Foundation

/// Finds names that are probably one person (or organisation) written two ways.
///
/// Two names are near-duplicates when:
/// - they are equal once case, spaces and punctuation are ignored
///   ("J.Smith", "J Smith"; "Sam O'Neil", "Sam ONeil"; "Bolton-Council", "Bolton Council.");
/// - one abbreviates the other's words to initials, the last word equal
///   ("J. Smith", "John Smith"); an initial is a letter, never a digit;
/// - they differ by one letter in names of six or more characters ("Jon Smith",
///   "John Smith"). A difference in a digit never counts ("Officer 1", "Officer 2");
/// - one is written "Last, First" and the other "First Last" ("Smith, Alice", "Alice Smith");
/// - they are equal once a title or a note in brackets is left out ("Dr Anna
///   Smith", "Erin Walsh (GMP)", "Anna Smith (she/her)").
///
/// Organisations are also compared with abbreviations of each other: a
/// single word that spells the initials of another's words ("GMP",
/// "Greater Manchester Police") is a possible alias.
///
/// People are compared within their organisation, and with people whose
/// organisation is unknown when they share their last word; people in two
/// different known organisations are not compared. Organisation names are all
/// compared with each other. Names longer than 120 characters are not compared.
public enum NearDuplicateNames {
    /// Names longer than this are left out of the comparison.
    public static let maximumLength = 120

    /// A name's forms, computed once.
    ///
    /// An ASCII label (the common case) is compared as bytes; any other is
    /// compared as `Character`s, with the same rules.
    private struct Form {
        var key: String
        var comparable: Bool
        /// The label's bytes, when it is ASCII (lower-case letters, digits and single spaces).
        var bytes: [UInt8]
        /// The number of words of an ASCII label.
        var wordCount = 0
        /// The other forms, for a label that is not ASCII.
        var unicode: UnicodeForm?
        /// For a name written "Last, First", the label of "First Last".
        var reordered: String?
        /// The label without a title ("Dr", "Cllr") or a note in brackets at
        /// the end ("(GMP)", "(she/her)"), with no spaces; `nil` when neither is there.
        var core: String?
        /// The label with no spaces.
        var compact: String

        init(_ name: String) {
            key = NameKey.key(name)
            reordered = name.utf8.contains(UInt8(ascii: ",")) ? NearDuplicateNames.reordered(name) : nil
            let label = NameKey.label(name)
            let hasTitle = label.split(separator: " ", maxSplits: 1).first.map { NearDuplicateNames.titles.contains($0) } == true
            core = hasTitle || name.utf8.contains(UInt8(ascii: "(")) ? NearDuplicateNames.core(name) : nil
            compact = label.filter { $0 != " " }
            comparable = name.utf8.count <= NearDuplicateNames.maximumLength || name.count <= NearDuplicateNames.maximumLength
            if label.utf8.allSatisfy({ $0 < 0x80 }) {
                bytes = Array(label.utf8)
                wordCount = bytes.isEmpty ? 0 : 1 + bytes.reduce(0) { $0 + ($1 == NearDuplicateNames.space ? 1 : 0) }
                unicode = nil
            } else {
                bytes = []
                unicode = UnicodeForm(label)
            }
        }

        /// The label's last word, `nil` when the label is empty.
        var lastWord: String? {
            if let unicode { return unicode.words.last.map(String.init) }
            guard !bytes.isEmpty else { return nil }
            let start = bytes.lastIndex(of: NearDuplicateNames.space).map { $0 + 1 } ?? 0
            return String(decoding: bytes[start...], as: UTF8.self)
        }

        /// Whether the name is compared with others: short enough, and with a letter or digit.
        var isCompared: Bool { comparable && !compact.isEmpty }

        /// The Character forms, computed on demand for an ASCII label.
        var unicodeForm: UnicodeForm {
            unicode ?? UnicodeForm(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The forms of a label as `Character`s.
    private struct UnicodeForm {
        var compact: String
        var label: [Character]
        var words: [Substring]

        init(_ label: String) {
            self.label = Array(label)
            words = label.split(separator: " ")
            compact = String(label.filter { $0 != " " })
        }
    }

    /// The label of "First Last" for a name written "Last, First" (one comma,
    /// one to three words each side, no digits), else `nil`.
    static func reordered(_ name: String) -> String? {
        let parts = name.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let last = NameKey.label(String(parts[0])), first = NameKey.label(String(parts[1]))
        let counts = [last, first].map { $0.split(separator: " ").count }
        guard counts.allSatisfy({ (1...3).contains($0) }), !name.contains(where: \.isNumber) else { return nil }
        return first + " " + last
    }

    /// Titles written before a name.
    static let titles: Set<Substring> = ["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "cllr", "councillor", "sir", "dame", "rev", "revd"]

    /// A name's label without a leading title or a trailing note in brackets,
    /// spaces removed, when it had either (and two or more words remain).
    static func core(_ name: String) -> String? {
        var text = Substring(NameKey.cleaned(name))
        var changed = false
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
            text = text[..<open]
            changed = true
        }
        var words = NameKey.label(String(text)).split(separator: " ")
        if words.count > 2, let first = words.first, titles.contains(first) {
            words.removeFirst()
            changed = true
        }
        guard changed, words.count >= 2 else { return nil }
        return words.joined()
    }

    /// Warnings about people, each with the alias line that would merge the pair.
    ///
    /// People meet in three kinds of group: their organisation; and, for
    /// pairs where one organisation is unknown, the last word of the name and
    /// the name with no spaces (or its core, without a title or a note). The
    /// last-word and no-space groups are only made for words an unknown
    /// organisation's person has, so a roster where everyone's organisation is
    /// known never builds them, and a name's forms are made only when it has
    /// someone to be compared with.
    ///
    /// - Parameter locations: where each person was first seen, for the warning.
    /// - Complexity: O(P) for P people to group them, plus O(Σ k²) over the
    ///   sizes k of the groups compared; groups larger than 2,000 are skipped.
    public static func warnings(for people: [Person], locations: [SourceLocation?] = []) -> [Diagnostic] {
        var forms = [Form?](repeating: nil, count: people.count)
        func form(_ index: Int) -> Form {
            if let known = forms[index] { return known }
            let made = Form(people[index].name)
            forms[index] = made
            return made
        }
        // Grouped by the organisation's key, made once per spelling (a roster repeats a few spellings many times).
        var byOrganisation: [String: [Int]] = [:]
        var organisationKeys: [String: String] = [:]
        for (index, person) in people.enumerated() {
            guard let organisation = person.organisation else { continue }
            let key = organisationKeys[organisation] ?? NameKey.key(organisation)
            organisationKeys[organisation] = key
            byOrganisation[key, default: []].append(index)
        }
        // The last words and no-space forms of people whose organisation is unknown: only these groups can hold a pair to compare.
        let unknown = people.indices.filter { people[$0].organisation == nil && form($0).isCompared }
        var byLastWord: [String: [Int]] = [:]
        var byCompact: [String: [Int]] = [:]
        if !unknown.isEmpty {
            var wanted = Set<String>(), wantedCompact = Set<String>()
            for index in unknown {
                let keys = groupKeys(form(index))
                wanted.formUnion(keys.words)
                wantedCompact.insert(keys.compact)
            }
            for index in people.indices {
                let name = people[index].name
                // Cheap forms first: only a name whose label shares a wanted word or no-space form is grouped.
                let keys = forms[index].map(groupKeys) ?? groupKeys(label: NameKey.label(name), name: name)
                let words = keys.words.filter(wanted.contains)
                let compactWanted = wantedCompact.contains(keys.compact)
                guard !words.isEmpty || compactWanted, form(index).isCompared else { continue }
                for word in words { byLastWord[word, default: []].append(index) }
                if compactWanted { byCompact[keys.compact, default: []].append(index) }
            }
        }
        var seen = Set<[Int]>()
        var warnings: [Diagnostic] = []
        func compare(_ members: [Int], onlyWithUnknownOrganisation: Bool) {
            guard members.count > 1, members.count <= 2_000 else { return }
            let comparable = members.filter { form($0).isCompared }
            for i in 0..<comparable.count {
                for j in (i + 1)..<comparable.count {
                    let a = comparable[i], b = comparable[j]
                    if onlyWithUnknownOrganisation && people[a].organisation != nil && people[b].organisation != nil { continue }
                    guard areNearDuplicates(forms[a]!, forms[b]!), seen.insert([a, b]).inserted else { continue }
                    let place = (people[a].organisation ?? people[b].organisation).map { " (\($0))" } ?? ""
                    warnings.append(warning(
                        "names.near-duplicate", "'\(people[a].name)' and '\(people[b].name)'\(place) may be the same person",
                        people[a].name, people[b].name, at: locations.indices.contains(b) ? locations[b] : nil))
                }
            }
        }
        for key in byOrganisation.keys.sorted() { compare(byOrganisation[key]!, onlyWithUnknownOrganisation: false) }
        for key in byLastWord.keys.sorted() { compare(byLastWord[key]!, onlyWithUnknownOrganisation: true) }
        for key in byCompact.keys.sorted() { compare(byCompact[key]!, onlyWithUnknownOrganisation: true) }
        return warnings
    }

    /// The groups a name joins when an organisation is unknown: its last word
    /// (and, for "Last, First", the last word of "First Last"), and its core or
    /// no-space form.
    private static func groupKeys(_ form: Form) -> (words: [String], compact: String) {
        var words: [String] = []
        if let last = form.lastWord {
            words.append(last)
            if let reordered = form.reordered, let word = reordered.split(separator: " ").last.map(String.init), word != last { words.append(word) }
        }
        return (words, form.core ?? form.compact)
    }

    /// ``groupKeys(_:)`` from a name's label without making its forms, where
    /// that is cheap: a name with a comma, a bracket or a title takes the full forms.
    private static func groupKeys(label: String, name: String) -> (words: [String], compact: String) {
        if name.utf8.contains(UInt8(ascii: ",")) || name.utf8.contains(UInt8(ascii: "(")) || label.split(separator: " ", maxSplits: 1).first.map({ titles.contains($0) }) == true {
            return groupKeys(Form(name))
        }
        let last = label.split(separator: " ").last.map(String.init)
        return (last.map { [$0] } ?? [], label.filter { $0 != " " })
    }

    /// Warnings about organisation names that look like one organisation written two ways.
    public static func warnings(forOrganisations names: [String], locations: [SourceLocation?] = []) -> [Diagnostic] {
        guard names.count <= 2_000 else { return [] }
        let forms = names.map(Form.init)
        var warnings: [Diagnostic] = []
        var byInitials: [String: [Int]] = [:]
        for (index, name) in names.enumerated() {
            for initials in initialisms(of: name) { byInitials[initials, default: []].append(index) }
        }
        for (index, name) in names.enumerated() {
            let label = NameKey.label(name)
            guard (2...8).contains(label.count), !label.contains(" "), label.allSatisfy(\.isLetter) else { continue }
            for other in byInitials[label] ?? [] where other != index {
                warnings.append(warning(
                    "names.possible-organisation-alias", "'\(name)' may be an abbreviation of the organisation '\(names[other])'",
                    name, names[other], at: locations.indices.contains(index) ? locations[index] : nil))
            }
        }
        for i in names.indices where forms[i].comparable {
            for j in (i + 1)..<names.count where forms[j].comparable && areNearDuplicates(forms[i], forms[j]) {
                warnings.append(warning(
                    "names.near-duplicate-organisation", "organisations '\(names[i])' and '\(names[j])' may be the same organisation",
                    names[i], names[j], at: locations.indices.contains(j) ? locations[j] : nil))
            }
        }
        return warnings
    }

    /// The initials of a name of two or more words, with and without its
    /// small words ("of", "and", "the"): "Greater Manchester Police" gives "gmp".
    static func initialisms(of name: String) -> Set<String> {
        let words = NameKey.label(name).split(separator: " ").filter { $0.first?.isLetter == true }
        guard words.count >= 2 else { return [] }
        let small: Set<Substring> = ["of", "and", "the", "for", "in", "on", "at", "to"]
        var result: Set<String> = [String(words.compactMap(\.first))]
        let content = words.filter { !small.contains($0) }
        if content.count >= 2 { result.insert(String(content.compactMap(\.first))) }
        return result
    }

    private static func warning(_ code: String, _ message: String, _ a: String, _ b: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, code: code, at: location, message,
                   fix: "if they are, add a line to an aliases file (header alias,name) with the wrong spelling first and the right one second, e.g. \"\(csvQuoted(a))\",\"\(csvQuoted(b))\" or \"\(csvQuoted(b))\",\"\(csvQuoted(a))\"", inputs: [.aliasesFile])
    }

    /// Whether two names look like one name written two ways.
    public static func areNearDuplicates(_ a: String, _ b: String) -> Bool {
        areNearDuplicates(Form(a), Form(b))
    }

    private static func areNearDuplicates(_ a: Form, _ b: Form) -> Bool {
        guard a.key != b.key else { return false }
        if let reordered = a.reordered, reordered == NameKey.label(b.key) { return true }
        if let core = a.core ?? b.core, (a.core ?? a.compact) == (b.core ?? b.compact), !core.isEmpty { return true }
        if let reordered = b.reordered, reordered == NameKey.label(a.key) { return true }
        if a.unicode == nil && b.unicode == nil {
            return a.bytes.withUnsafeBufferPointer { x in
                b.bytes.withUnsafeBufferPointer { y in areNearDuplicatesASCII(x, y, sameWordCount: a.wordCount == b.wordCount) }
            }
        }
        return areNearDuplicates(a.unicodeForm, b.unicodeForm)
    }

    private static func areNearDuplicates(_ a: UnicodeForm, _ b: UnicodeForm) -> Bool {
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

    // MARK: - The same rules on ASCII labels

    fileprivate static let space = UInt8(ascii: " ")

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    private static func areNearDuplicatesASCII(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, sameWordCount: Bool) -> Bool {
        if compactEqual(a, b) { return true }
        if sameWordCount && abbreviates(a, b) { return true }
        return a.count >= 6 && b.count >= 6 && differByOneLetter(a, b)
    }

    /// Whether two labels are equal once their spaces are removed.
    private static func compactEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0, j = 0
        while true {
            while i < a.count && a[i] == space { i += 1 }
            while j < b.count && b[j] == space { j += 1 }
            if i == a.count || j == b.count { return i == a.count && j == b.count }
            if a[i] != b[j] { return false }
            i += 1
            j += 1
        }
    }

    /// The end of the word starting at `start` (a space or the end).
    private static func wordEnd(_ label: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < label.count && label[end] != space { end += 1 }
        return end
    }

    /// Same number of words (two or more, known equal), the last equal, and
    /// every other word equal or one an initial of the other, at least one an
    /// initial.
    private static func abbreviates(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        // The last words first: most pairs differ there.
        var lastA = a.count, lastB = b.count
        while lastA > 0 && a[lastA - 1] != space { lastA -= 1 }
        while lastB > 0 && b[lastB - 1] != space { lastB -= 1 }
        guard lastA > 0, lastB > 0, a.count - lastA == b.count - lastB,
              memcmpEqual(a.baseAddress! + lastA, b.baseAddress! + lastB, a.count - lastA) else { return false }
        var abbreviated = false
        var i = 0, j = 0
        while i < lastA {
            let endA = wordEnd(a, from: i), endB = wordEnd(b, from: j)
            let lengthA = endA - i, lengthB = endB - j
            if lengthA != lengthB || !memcmpEqual(a.baseAddress! + i, b.baseAddress! + j, lengthA) {
                // An initial is one letter; the other word starts with it.
                guard (lengthA == 1 || lengthB == 1) && isLetter(a[i]) && a[i] == b[j] else { return false }
                abbreviated = true
            }
            i = endA + 1
            j = endB + 1
        }
        return abbreviated
    }

    private static func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var index = 0
        while index < count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }

    private static func differByOneLetter(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if a.count == b.count {
            var difference: Int?
            for index in 0..<a.count where a[index] != b[index] {
                guard difference == nil else { return false }
                difference = index
            }
            guard let index = difference else { return false }
            return isLetter(a[index]) && isLetter(b[index])
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        guard isLetter(long[i]) else { return false }
        var j = i
        while j < short.count {
            if short[j] != long[j + 1] { return false }
            j += 1
        }
        return true
    }

    private static func csvQuoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "\"\"")
    }
}
