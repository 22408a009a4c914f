/// A relation a survey asks about, such as "work" or "decision-making".
///
/// Ties in different themes are different networks over the same people.
public struct Theme: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Stable identifier used in files and output, e.g. `decision-making`.
    public let id: String
    /// Human-readable name, e.g. "Decision-making".
    public let label: String
    /// Other spellings accepted in survey files (matched loosely, see ``NameKey/label(_:)``).
    public let aliases: [String]

    /// Creates a theme.
    public init(id: String, label: String, aliases: [String] = []) {
        self.id = id
        self.label = label
        self.aliases = aliases
    }

    /// The theme's id.
    public var description: String { id }

    /// The id used for the union of all themes.
    public static let allID = "all"
}

/// The set of themes a survey may use, with the spellings each accepts.
///
/// ```swift
/// let themes = ThemeSet.standard
/// themes.resolve("Decision making")?.id   // "decision-making"
/// themes.resolve("Informal/social")?.id   // "informal"
/// ```
public struct ThemeSet: Sendable, Hashable {
    /// The themes, in their reporting order.
    public let themes: [Theme]
    private let lookup: [String: Int]

    /// Creates a theme set. Fails when two themes claim the same spelling or a
    /// theme uses the reserved id `all`.
    public init(_ themes: [Theme]) throws(ThemeSetError) {
        var lookup: [String: Int] = [:]
        for (index, theme) in themes.enumerated() {
            for spelling in [theme.id, theme.label] + theme.aliases {
                let key = NameKey.label(spelling)
                guard !key.isEmpty else { throw .emptySpelling(theme: theme.id) }
                if key == Theme.allID || key == "all themes" { throw .reservedID(spelling) }
                if let other = lookup[key], other != index {
                    if themes[other].id == theme.id { throw .duplicateID(theme.id) }
                    throw .ambiguousSpelling(spelling, themes[other].id, theme.id)
                }
                lookup[key] = index
            }
        }
        self.themes = themes
        self.lookup = lookup
    }

    /// The theme a spelling names, or `nil` when none does.
    public func resolve(_ spelling: String) -> Theme? {
        index(of: spelling).map { themes[$0] }
    }

    /// The position of the theme a spelling names, or `nil` when none does.
    public func index(of spelling: String) -> Int? {
        lookup[NameKey.label(spelling)]
    }

    /// The theme with this id, or `nil`.
    public func theme(id: String) -> Theme? {
        themes.first { $0.id == id }
    }

    /// The seven themes of the Audit Commission's partnership SNA (seed 004,
    /// glossary): work, innovation, expertise, informal, improvement, strategy
    /// and decision-making, with their common spellings.
    public static let standard: ThemeSet = {
        let themes = [
            Theme(id: "work", label: "Work", aliases: [
                "working", "work together", "working together", "joint work", "joint working", "work ties",
            ]),
            Theme(id: "innovation", label: "Innovation", aliases: [
                "innovate", "innovative", "new ideas", "ideas",
            ]),
            Theme(id: "expertise", label: "Expertise", aliases: [
                "expert", "experts", "advice", "expertise advice", "knowledge",
            ]),
            Theme(id: "informal", label: "Informal", aliases: [
                "informal social", "social informal", "social", "informal contact", "informal contacts", "friendship",
            ]),
            Theme(id: "improvement", label: "Improvement", aliases: [
                "improve", "improvements", "service improvement", "improving services",
            ]),
            Theme(id: "strategy", label: "Strategy", aliases: [
                "strategic", "strategic planning", "strategy development",
            ]),
            Theme(id: "decision-making", label: "Decision-making", aliases: [
                "decision", "decisions", "decision making", "decisionmaking", "decision makers",
            ]),
        ]
        // The built-in set is valid by construction; a failure here is a programming error.
        return try! ThemeSet(themes)
    }()

    /// A theme set declared inline as `id` or `id=alias|alias`, comma-separated,
    /// e.g. `"referrals=referral|refer, funding"`.
    public static func parse(declaration: String) throws(ThemeSetError) -> ThemeSet {
        var themes: [Theme] = []
        for entry in declaration.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let id = NameKey.cleaned(parts[0])
            guard !id.isEmpty else {
                if parts.count > 1 { throw .emptySpelling(theme: String(entry)) }
                continue
            }
            let aliases = parts.count > 1
                ? parts[1].split(separator: "|").map { NameKey.cleaned($0) }.filter { !$0.isEmpty }
                : []
            themes.append(Theme(id: id, label: id, aliases: aliases))
        }
        guard !themes.isEmpty else { throw .empty }
        return try ThemeSet(themes)
    }
}

/// Why a theme set could not be created.
public enum ThemeSetError: Error, Equatable, CustomStringConvertible {
    /// Two themes accept the same spelling.
    case ambiguousSpelling(String, String, String)
    /// A theme used the id reserved for the union of themes.
    case reservedID(String)
    /// A spelling is empty once punctuation is ignored.
    case emptySpelling(theme: String)
    /// The declaration named no theme.
    case empty
    /// Two themes have the same id.
    case duplicateID(String)

    /// The problem in plain English.
    public var description: String {
        switch self {
        case .ambiguousSpelling(let spelling, let a, let b):
            return "the spelling '\(spelling)' would name both theme '\(a)' and theme '\(b)'"
        case .reservedID(let id):
            return "'\(id)' is reserved for the union of all themes; choose another name"
        case .emptySpelling(let theme):
            return "'\(theme)' has an empty theme id or spelling"
        case .empty:
            return "the theme declaration names no theme"
        case .duplicateID(let id):
            return "the theme '\(id)' is declared twice"
        }
    }
}
