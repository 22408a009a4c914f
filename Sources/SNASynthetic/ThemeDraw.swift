import SNACore

/// The themes a generated relationship covers, drawn from per-theme chances.
struct ThemeDraw: Sendable {
    /// The chance of each standard theme, by id.
    var chances: [(String, Double)]

    /// Draws the themes; at least `fallback` when none comes up.
    func draw(_ random: inout SeededGenerator, fallback: String = "work") -> [String] {
        let themes = chances.filter { random.chance($0.1) }.map(\.0)
        return themes.isEmpty ? [fallback] : themes
    }
}

/// Accumulates directed, themed ties without repeats.
struct LinkSet: Sendable {
    private(set) var links: [SyntheticSurvey.Link] = []
    private var seen = Set<SyntheticSurvey.Link.Key>()
    let members: [SyntheticSurvey.Member]

    init(members: [SyntheticSurvey.Member]) { self.members = members }

    /// Adds `source -> target` in each theme when the source responded.
    mutating func add(_ source: Int, _ target: Int, themes: [String], strength: Int?) {
        guard source != target, members[source].responds else { return }
        for theme in themes where seen.insert(.init(source: source, target: target, theme: theme)).inserted {
            links.append(.init(source: source, target: target, theme: theme, strength: strength))
        }
    }

    /// Adds a relationship: `a` names `b` in its themes, and `b` names `a` back
    /// in each theme with probability `reciprocation`.
    mutating func relate(_ a: Int, _ b: Int, themes: [String], strength: Int?, reciprocation: Double, random: inout SeededGenerator) {
        add(a, b, themes: themes, strength: strength)
        let back = themes.filter { _ in random.chance(reciprocation) }
        add(b, a, themes: back, strength: strength)
    }
}

extension SyntheticSurvey.Link {
    struct Key: Hashable, Sendable {
        var source: Int
        var target: Int
        var theme: String
    }
}
