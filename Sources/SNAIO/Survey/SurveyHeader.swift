import SNACore

/// The roles a column of a survey file can play, found from its header.
public enum SurveyColumn: String, CaseIterable, Sendable {
    /// Who answered.
    case respondent
    /// Whom they named (long format).
    case contact
    /// The theme of the tie (long format).
    case theme
    /// The strength of the tie (long format).
    case strength
    /// The respondent's organisation.
    case respondentOrganisation = "respondent_org"
    /// The contact's organisation (long format).
    case contactOrganisation = "contact_org"
    /// The respondent's layer (wide format).
    case layer

    /// Header spellings accepted for the role, compared as ``NameKey/label(_:)``.
    public var spellings: [String] {
        let organisationWords = ["organisation", "organization", "org", "agency", "partner"]
        switch self {
        case .respondent:
            return Self.respondentWords + ["respondent name", "your name", "respondent id"]
        case .contact:
            return Self.contactWords + ["contact name", "named contact", "contact id"]
        case .theme:
            return ["theme", "relation", "question", "network", "relationship", "tie type"]
        case .strength:
            return ["strength", "weight", "frequency", "value"]
        case .respondentOrganisation:
            return organisationWords + Self.respondentWords.flatMap { word in organisationWords.map { "\(word) \($0)" } }
                + ["your organisation", "your organization"]
        case .contactOrganisation:
            return Self.contactWords.flatMap { word in organisationWords.map { "\(word) \($0)" } }
        case .layer:
            return ["layer", "level", "respondent layer"]
        }
    }

    private static let respondentWords = ["respondent", "source", "from", "ego", "name"]
    private static let contactWords = ["contact", "target", "to", "alter", "named"]

    /// The role a header cell names, or `nil`.
    public static func role(of header: String) -> SurveyColumn? {
        lookup[NameKey.label(header)]
    }

    private static let lookup: [String: SurveyColumn] = {
        var table: [String: SurveyColumn] = [:]
        for role in allCases {
            for spelling in role.spellings { table[NameKey.label(spelling)] = role }
        }
        return table
    }()
}

/// How a survey file is laid out.
public enum SurveyLayout: String, CaseIterable, Sendable, Codable {
    /// One row per named tie.
    case long
    /// One row per respondent, contacts in theme columns.
    case wide
}

/// A wide-format column that holds contacts for a theme: `work`, or `work_2`.
struct ThemeColumn: Sendable {
    var column: Int
    var theme: Int

    /// Words that may follow a theme in a survey platform's column header:
    /// "Work [Contact 1]", "Work - Contact 2", "Work [Other (please specify)]".
    static let fillerWords: Set<Substring> = [
        "contact", "contacts", "name", "names", "person", "people", "partner", "partners", "organisation",
        "organisations", "organization", "organizations", "colleague", "colleagues", "other", "please", "specify", "no",
    ]

    /// The theme a wide-format header names, with or without a trailing number
    /// or a platform's contact wording.
    static func theme(of header: String, in themes: ThemeSet) -> Int? {
        let label = NameKey.label(header)
        if let index = themes.index(of: label) { return index }
        let words = label.split(separator: " ")
        for length in stride(from: min(4, words.count - 1), through: 1, by: -1) where length >= 1 {
            let rest = words[length...]
            guard rest.allSatisfy({ fillerWords.contains($0) || $0.allSatisfy(\.isNumber) }),
                  rest.contains(where: { $0 != "no" }) else { continue }
            if let index = themes.index(of: words[..<length].joined(separator: " ")) { return index }
        }
        // "work1", "Strategy2": a number stuck to the theme.
        let trimmed = String(label.reversed().drop(while: \.isNumber).reversed())
        guard trimmed.count < label.count, !trimmed.isEmpty else { return nil }
        return themes.index(of: trimmed)
    }
}
