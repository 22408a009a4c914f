import SNACore

/// What a question's wording asks, found from its words: the rules that
/// place a survey platform's question columns (docs/input-formats.md,
/// "Question text").
///
/// The respondent's own name, organisation and layer are recognised first
/// ("What is your name?", "Which organisation do you work for?", "Your role
/// level"), then the theme. A question that starts with "who" or "whom" is
/// always about contacts. The most specific theme wins: work is the general
/// one, so "Who do you work with to improve services?" is improvement.
enum QuestionWording {
    /// What a question's wording places it as.
    enum Placement: Equatable {
        /// The respondent's name, organisation or layer.
        case role(SurveyColumn, matched: String)
        /// Contacts in a theme (a position in the theme set).
        case theme(Int, matched: String)
        /// Fits several themes equally.
        case ambiguous([Int])
        /// No rule places it.
        case none
    }

    /// Words and phrases that point to each standard theme, by theme id.
    /// Phrases are matched as whole words in the question's label.
    static let themeWords: [String: [String]] = [
        "work": ["work with", "working with", "work together", "work alongside", "deliver", "delivering", "delivery", "collaborate", "collaborating", "joint work", "joint working", "work"],
        "innovation": ["innovation", "innovate", "innovative", "idea", "ideas", "new approach", "new approaches", "new ways", "creative", "try new"],
        "expertise": ["expertise", "expert", "experts", "advice", "advise", "specialist", "specialists", "knowledge", "know how"],
        "informal": ["informal", "informally", "keep in touch", "socially", "social", "socialise", "socialize", "friends", "friendship", "outside work", "catch up"],
        "improvement": ["improve", "improving", "improvement", "improvements", "better services", "service improvement"],
        "strategy": ["strategy", "strategic", "strategies", "priorities", "priority", "long term", "plan for the future", "planning"],
        "decision-making": ["decision", "decisions", "decide", "deciding", "decision making", "make decisions", "sign off", "approve"],
    ]

    /// Words that show a question asks for contacts.
    static let contactWords: Set<String> = [
        "who", "whom", "people", "person", "persons", "colleague", "colleagues", "contact", "contacts", "partner",
        "partners", "individuals", "anyone", "someone", "list", "name", "names", "organisations", "organizations", "staff",
    ]

    /// First words of a question that asks for something other than names.
    static let followUpWords: Set<String> = [
        "how", "why", "what", "when", "where", "do", "does", "did", "are", "is", "was", "have", "has", "would", "could",
        "should", "can", "rate", "describe", "explain", "tell", "overall",
    ]

    /// Phrases of the respondent's first and last name, asked as two questions.
    static let firstNamePhrases = ["first name", "forename", "given name", "your first name"]
    static let lastNamePhrases = ["surname", "last name", "family name", "your surname", "your last name"]

    /// Words of a free-text question that is never a theme.
    static let commentWords: Set<String> = ["comment", "comments", "feedback", "suggestions"]

    /// The theme everything else is more specific than.
    static let generalTheme = "work"

    /// Where a question's text places it.
    static func place(_ question: String, themes: ThemeSet) -> Placement {
        let label = NameKey.label(question)
        guard !label.isEmpty else { return .none }
        let words = label.split(separator: " ").map(String.init)
        // "Who do you work for?" asks for the respondent's employer, not their contacts.
        for phrase in ["who do you work for", "who is your employer", "who employs you"] where label.hasPrefix(phrase) {
            return .role(.respondentOrganisation, matched: "work for")
        }
        let aboutContacts = words.first == "who" || words.first == "whom" || words.contains("whom")
        if !aboutContacts, let role = role(of: words, label: label) { return role }
        // A follow-up about the contacts already named ("How many people ...?",
        // "Why do you ...?") asks for a number or a reason, not for names.
        // A grid asks how often or how closely, with the contacts as its rows.
        let grid = words.count > 1 && words[0] == "how" && ["often", "frequently", "regularly", "closely", "well"].contains(words[1])
        if !aboutContacts, !grid, let first = words.first, followUpWords.contains(first) { return .none }
        // A theme question asks for contacts; a comments box never does.
        guard !words.contains(where: { commentWords.contains($0) }), !contains(words, phrase: "anything else"),
              aboutContacts || words.contains(where: { contactWords.contains($0) }) else { return .none }
        var matches: [(theme: Int, matched: String)] = []
        for (index, theme) in themes.themes.enumerated() {
            let phrases = (themeWords[theme.id] ?? []) + [theme.id, theme.label] + theme.aliases
            if let hit = phrases.map({ NameKey.label($0) }).first(where: { !$0.isEmpty && contains(words, phrase: $0) }) {
                matches.append((index, hit))
            }
        }
        let general = themes.index(of: generalTheme).flatMap { index in themes.themes[index].id == generalTheme ? index : nil }
        let specific = matches.count > 1 ? matches.filter { $0.theme != general } : matches
        switch specific.count {
        case 0: return .none
        case 1: return .theme(specific[0].theme, matched: specific[0].matched)
        default: return .ambiguous(specific.map(\.theme))
        }
    }

    /// The respondent's name, organisation or layer, from a question about the respondent.
    private static func role(of words: [String], label: String) -> Placement? {
        let organisationWords = ["organisation", "organization", "organisations", "organizations", "agency", "employer", "service", "department", "partner"]
        let layerPhrases = ["role level", "layer", "level of your role", "level", "seniority", "strategic executive or operational", "tier"]
        for phrase in layerPhrases where contains(words, phrase: phrase) {
            return .role(.layer, matched: phrase)
        }
        let ownOrganisation = ["your organisation", "your organization", "work for", "employed by", "your employer", "your agency",
                               "organisation name", "organization name", "name of your organisation", "name of your organization"]
        for phrase in ownOrganisation where contains(words, phrase: phrase) {
            return .role(.respondentOrganisation, matched: phrase)
        }
        // "Which organisation are you from?": one organisation, asked of the respondent.
        let singular = organisationWords.filter { !$0.hasSuffix("s") }
        if let word = words.first(where: { singular.contains($0) }),
           words.count <= 3 || words.contains("you") || words.contains("your") {
            return .role(.respondentOrganisation, matched: word)
        }
        for phrase in firstNamePhrases + lastNamePhrases where contains(words, phrase: phrase) {
            return .role(.respondent, matched: phrase)
        }
        let namePhrases = ["your name", "your full name", "full name", "name of respondent", "respondent name", "who are you"]
        for phrase in namePhrases where contains(words, phrase: phrase) {
            return .role(.respondent, matched: phrase)
        }
        if words.count <= 3, words.contains("name") { return .role(.respondent, matched: "name") }
        return nil
    }

    /// Whether `words` holds `phrase` as consecutive whole words.
    static func contains(_ words: [String], phrase: String) -> Bool {
        let parts = phrase.split(separator: " ").map(String.init)
        guard !parts.isEmpty, parts.count <= words.count else { return false }
        for start in 0...(words.count - parts.count) where words[start] == parts[0] {
            if Array(words[start..<(start + parts.count)]) == parts { return true }
        }
        return false
    }

    /// Whether a header reads as a question (and so is never an attribute):
    /// it ends with "?" or runs to more than four words.
    static func isQuestion(_ header: String) -> Bool {
        let text = NameKey.cleaned(header)
        return text.hasSuffix("?") || NameKey.label(text).split(separator: " ").count > 4
    }
}
