import SNACore

/// What the respondent is asked: one question per standard theme, and the
/// choices for how often.
enum SurveyQuestions {
    /// The question for each of the seven themes, in the survey's order.
    static let themes: [(theme: Theme, question: String, hint: String)] = {
        let wording: [String: (String, String)] = [
            "work": ("Who do you work with on the partnership's business?", "Day-to-day joint work: cases, projects, services."),
            "innovation": ("Who do you develop new ideas or ways of working with?", "Trying something new together."),
            "expertise": ("Who do you go to for expertise or advice?", "Someone whose knowledge you rely on."),
            "informal": ("Who do you talk to informally?", "Outside meetings: a call, a coffee, a word in the corridor."),
            "improvement": ("Who do you work with to improve services?", "Reviewing and changing how services are delivered."),
            "strategy": ("Who do you plan strategy with?", "Setting priorities and long-term plans."),
            "decision-making": ("Who do you make decisions with?", "Agreeing and committing resources or action."),
        ]
        return ThemeSet.standard.themes.map { theme in
            let (question, hint) = wording[theme.id] ?? ("Who are you tied to for \(theme.label.lowercased())?", "")
            return (theme, question, hint)
        }
    }()

    /// How often, when the survey asks for strength (the long layout's `strength`).
    static let strengths: [(value: Int, label: String)] = [(1, "A few times a year"), (2, "Monthly"), (3, "Weekly"), (4, "Daily")]
}
