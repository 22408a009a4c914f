import Foundation

/// A structured self-assessment as data: its questions (items), the answer
/// scales, optional context questions that decide which items are asked,
/// and the rule that turns answers into a judgement. The bundled instruments
/// and users' own are files of this shape (docs/instruments.md); load them
/// with ``InstrumentLibrary``.
public struct AssessmentInstrument: Codable, Sendable, Equatable {
    /// The format tag every instrument file carries.
    public static let formatTag = "snatool-instrument/1"

    /// What an answer says about the thing asked, whatever its wording.
    public enum Meaning: String, Codable, Sendable, CaseIterable {
        /// In place, settled, yes.
        case met
        /// Partly in place.
        case partly
        /// Not in place, no.
        case notMet = "not-met"
        /// The question does not apply; left out of the judgement.
        case notApplicable = "not-applicable"
        /// "Don't know" or "to be agreed": not met, and worth finding out.
        case unknown

        /// Worst first, for the strictest combination of answers.
        var strictness: Int {
            switch self {
            case .notMet: 0
            case .partly: 1
            case .unknown: 2
            case .met: 3
            case .notApplicable: 4
            }
        }
    }

    /// One answer a choice scale offers.
    public struct Option: Codable, Sendable, Equatable {
        /// The canonical value written in output, e.g. `yes`.
        public var value: String
        /// How it reads, e.g. "not applicable"; the value when absent.
        public var label: String?
        /// What it means for the judgement (`met` when absent).
        public var meaning: Meaning?
        /// The score, for instruments rated by scores.
        public var score: Double?
        /// Other spellings accepted in responses.
        public var spellings: [String]?

        /// Creates an option.
        public init(value: String, label: String? = nil, meaning: Meaning? = nil, score: Double? = nil, spellings: [String]? = nil) {
            self.value = value
            self.label = label
            self.meaning = meaning
            self.score = score
            self.spellings = spellings
        }

        /// The label, or the value.
        public var displayLabel: String { label ?? value }
        /// The meaning, `met` by default.
        public var effectiveMeaning: Meaning { meaning ?? .met }
    }

    /// How a question is answered.
    public struct Scale: Codable, Sendable, Equatable {
        /// `choice` (one of the options) or `text` (free text, e.g. an agreed term or a figure).
        public var kind: String
        /// The options of a choice scale, best first.
        public var options: [Option]?
        /// Text answers that mean "not settled yet", e.g. "tbc".
        public var pending: [String]?

        /// Creates a scale.
        public init(kind: String, options: [Option]? = nil, pending: [String]? = nil) {
            self.kind = kind
            self.options = options
            self.pending = pending
        }

        /// Whether answers are free text.
        public var isText: Bool { kind == "text" }
    }

    /// A question whose answer decides which items are asked (e.g. whether an
    /// agreement aligns or pools), or describes the respondent (e.g. their layer).
    public struct ContextQuestion: Codable, Sendable, Equatable {
        /// The id used as the item in responses, e.g. `arrangement`.
        public var id: String
        /// The question.
        public var text: String
        /// `subject` (one answer per subject) or `respondent` (one per respondent and subject).
        public var per: String?
        /// The allowed answers.
        public var options: [Option]
    }

    /// A heading that items sit under: a good-practice statement, a main question.
    public struct Group: Codable, Sendable, Equatable {
        /// The id, e.g. `S1`.
        public var id: String
        /// The statement or heading, as the source words it.
        public var title: String
        /// The dimension, for the `levels` rule.
        public var dimension: String?
        /// The level, for the `levels` rule.
        public var level: String?
    }

    /// A dimension or level of a `levels` instrument.
    public struct Tier: Codable, Sendable, Equatable {
        /// The id, e.g. `supporting-performance`.
        public var id: String
        /// How it reads, e.g. "Supporting Performance".
        public var title: String
    }

    /// An answer that raises a flag, for the `flags` rule.
    public struct Signal: Codable, Sendable, Equatable {
        /// Option values that raise it.
        public var answers: [String]
        /// The flag raised.
        public var flag: String
    }

    /// One question.
    public struct Item: Codable, Sendable, Equatable {
        /// The id responses use, e.g. `S1.3`.
        public var id: String
        /// The question, as the source words it.
        public var text: String
        /// The group it belongs to.
        public var group: String?
        /// The scale's id; the instrument's default when absent.
        public var scale: String?
        /// When it is asked: context question id to the answers for which it applies.
        public var appliesTo: [String: [String]]?
        /// The source's guidance on the question.
        public var guidance: String?
        /// Other ids accepted in responses, e.g. `1` or `shared-plan`.
        public var aliases: [String]?
        /// Suggested actions for a weak answer.
        public var actions: [String]?
        /// Answers that raise flags, for the `flags` rule.
        public var signals: [Signal]?

        enum CodingKeys: String, CodingKey {
            case id, text, group, scale, guidance, aliases, actions, signals
            case appliesTo = "applies_to"
        }
    }

    /// A flag of the `flags` rule.
    public struct Flag: Codable, Sendable, Equatable {
        /// The id signals raise.
        public var id: String
        /// What it says about the subject, e.g. "the need for it is not clearly evidenced".
        public var says: String
        /// Whether it is a caution to heed rather than a reason for the verdict.
        public var caution: Bool?
        /// A caution shown only with these verdicts; with every verdict when absent.
        public var whenVerdict: [String]?

        enum CodingKeys: String, CodingKey {
            case id, says, caution
            case whenVerdict = "when_verdict"
        }
    }

    /// A verdict of the `flags` rule.
    public struct Verdict: Codable, Sendable, Equatable {
        /// The id, e.g. `decommission`.
        public var id: String
        /// How it reads, e.g. "candidate for decommissioning".
        public var title: String
        /// It applies when any of these flags is raised (the first verdict that applies wins).
        public var whenAny: [String]?

        enum CodingKeys: String, CodingKey {
            case id, title
            case whenAny = "when_any"
        }
    }

    /// The judgement rule: which kind, and its settings.
    public struct Rule: Codable, Sendable, Equatable {
        /// `levels`, `checklist`, `flags` or `scores` (docs/instruments.md).
        public var kind: String
        /// How several respondents' answers combine: `strictest` (default) or `majority`.
        public var combine: String?
        /// `levels`: how "no level reached" reads.
        public var below: String?
        /// `checklist`: how a complete checklist reads.
        public var ready: String?
        /// `checklist`: how an incomplete one reads.
        public var notReady: String?
        /// `flags`: the flags.
        public var flags: [Flag]?
        /// `flags`: the verdicts, in order of precedence.
        public var verdicts: [Verdict]?
        /// `flags`: the verdict when none applies.
        public var otherwise: Verdict?
        /// `flags`: the verdict when none applies but questions are still open.
        public var undecided: Verdict?
        /// `scores`: mean scores below this are red.
        public var redBelow: Double?
        /// `scores`: mean scores below this (and not red) are amber.
        public var amberBelow: Double?

        enum CodingKeys: String, CodingKey {
            case kind, combine, below, ready, flags, verdicts, otherwise, undecided
            case notReady = "not_ready"
            case redBelow = "red_below"
            case amberBelow = "amber_below"
        }
    }

    /// A short guide printed with the questions (e.g. Table 11's factors).
    public struct Guide: Codable, Sendable, Equatable {
        /// Its heading.
        public var title: String
        /// An introduction.
        public var text: String?
        /// Table columns.
        public var columns: [String]?
        /// Table rows.
        public var rows: [[String]]?
    }

    /// Always ``formatTag``.
    public var format: String
    /// The id, e.g. `cipfa-alps`.
    public var id: String
    /// The title.
    public var title: String
    /// Where the questions come from.
    public var source: String
    /// What it is for and how to answer.
    public var description: String?
    /// What one assessment is about, e.g. "service or activity under review".
    public var subject: String?
    /// The answer scales by id.
    public var scales: [String: Scale]
    /// The scale of items that name none.
    public var defaultScale: String
    /// Context questions.
    public var context: [ContextQuestion]?
    /// `levels` rule: the dimensions, in order.
    public var dimensions: [Tier]?
    /// `levels` rule: the levels, lowest first.
    public var levels: [Tier]?
    /// Headings the items sit under.
    public var groups: [Group]?
    /// The questions, in order.
    public var items: [Item]
    /// The judgement rule.
    public var rule: Rule
    /// Guides printed with the questions.
    public var guide: [Guide]?

    enum CodingKeys: String, CodingKey {
        case format, id, title, source, description, subject, scales, context, dimensions, levels, groups, items, rule, guide
        case defaultScale = "default_scale"
    }

    /// The scale of an item.
    public func scale(of item: Item) -> Scale {
        scales[item.scale ?? defaultScale] ?? Scale(kind: "text")
    }

    /// The group of an item, if any.
    public func group(of item: Item) -> Group? {
        item.group.flatMap { id in groups?.first { $0.id == id } }
    }

    /// The item a response names: its id or an alias, ignoring case and spaces.
    public func item(named raw: String) -> Item? {
        let key = Self.idKey(raw)
        return items.first { Self.idKey($0.id) == key } ?? items.first { $0.aliases?.contains { Self.idKey($0) == key } ?? false }
    }

    /// The context question a response names.
    public func contextQuestion(named raw: String) -> ContextQuestion? {
        let key = Self.idKey(raw)
        return context?.first { Self.idKey($0.id) == key }
    }

    /// What a label in the instrument reads like in the text: the title of a level or dimension.
    public func tierTitle(_ id: String) -> String {
        (levels ?? []).first { $0.id == id }?.title ?? (dimensions ?? []).first { $0.id == id }?.title ?? id
    }

    static func idKey(_ raw: String) -> String {
        String(raw.lowercased().filter { !$0.isWhitespace })
    }

    /// Answer spellings compared without case, spaces, trailing full stops or
    /// punctuation other than `?`, `/`, `'` and a decimal point.
    static func answerKey(_ raw: String) -> String {
        var out = ""
        var space = false
        for character in raw.lowercased() {
            let c: Character = character == "’" ? "'" : character
            if c.isLetter || c.isNumber || c == "?" || c == "/" || c == "'" || c == "." {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(c)
            } else {
                space = true
            }
        }
        while out.last == "." { out.removeLast() }
        return out
    }

    /// Whether a text answer means "not settled yet": empty once punctuation
    /// is dropped ("-", "..."), or one of `pending` alone or followed by more
    /// words ("TBC at the March board").
    static func isPending(_ raw: String, pending: [String]) -> Bool {
        let key = answerKey(raw)
        if key.isEmpty || key == "?" { return true }
        return pending.contains { !$0.isEmpty && (key == $0 || key.hasPrefix($0 + " ")) }
    }

    /// The option an answer names on a choice list, by value, label or spelling.
    static func option(_ raw: String, in options: [Option]) -> Option? {
        let key = answerKey(raw)
        guard !key.isEmpty else { return nil }
        if let exact = options.first(where: { answerKey($0.value) == key || answerKey($0.displayLabel) == key }) { return exact }
        if let spelled = options.first(where: { $0.spellings?.contains { answerKey($0) == key } ?? false }) { return spelled }
        if let number = Double(raw.trimmingCharacters(in: .whitespaces)) {
            return options.first { $0.score == number }
        }
        return nil
    }
}
