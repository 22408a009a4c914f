import Foundation
import SNACore
import SNAIO

/// An instrument's questions to print (`snatool instruments show`), and the
/// blank response sheet to fill in (`snatool assess template`).
public struct InstrumentSheet: Sendable {
    /// The instrument.
    public var instrument: AssessmentInstrument

    /// Creates the sheet of an instrument.
    public init(instrument: AssessmentInstrument) { self.instrument = instrument }

    // MARK: The questions

    /// The questions as plain text.
    public func text() -> String { document().text() }
    /// The questions in Markdown.
    public func markdown() -> String { document().markdown() }
    /// The questions as a printable HTML page.
    public func html() -> String { document().html() }

    /// The instrument file itself, in the documented JSON form: a starting point for your own.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(instrument), as: UTF8.self) + "\n"
    }

    /// How a rule judges, in words.
    public var ruleInWords: String {
        let combine = (instrument.rule.combine ?? "strictest") == "strictest"
            ? "With several respondents, the least favourable answer to each question counts: a question is met only when everyone who answered it says so."
            : "With several respondents, the most common answer to a question counts."
        switch instrument.rule.kind {
        case "levels":
            return "A statement is met when every applicable question is answered yes; partly counts as not met, and an unanswered question as not met. "
                + "Each level includes the ones below it: the level reached in a dimension is the highest level whose statements, and all lower levels' statements, are met; "
                + "none reached reads \"\(instrument.rule.below ?? "no level reached")\". " + combine
        case "checklist":
            return "Every question asked must be answered, and answered yes or with a settled term; the rest are listed to settle. " + combine
        case "flags":
            let verdicts = (instrument.rule.verdicts ?? []).map { verdict in
                "\(verdict.title) when \((verdict.whenAny ?? []).compactMap { id in instrument.rule.flags?.first { $0.id == id }?.says }.joined(separator: " or "))"
            }
            return "Answers raise flags; the verdict is the first that applies: \(verdicts.joined(separator: "; ")); otherwise \(instrument.rule.otherwise?.title ?? "no verdict"). " + combine
        case "scores":
            return "Each question's scores give a mean, a spread and a rating: red below \(instrument.rule.redBelow.map(Self.number) ?? "-"), amber below \(instrument.rule.amberBelow.map(Self.number) ?? "-"), green otherwise; the weakest questions come first."
        default:
            return ""
        }
    }

    static func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    /// The answers a scale accepts, e.g. "yes, partly, no or not applicable".
    public func choices(of item: AssessmentInstrument.Item) -> String {
        let scale = instrument.scale(of: item)
        if scale.isText { return "free text" + ((scale.pending ?? []).first.map { " (or \"\($0)\" while not settled)" } ?? "") }
        let labels = (scale.options ?? []).map { option in
            option.score.map { "\(Self.number($0)) (\(option.displayLabel))" } ?? option.displayLabel
        }
        return labels.count > 1 ? labels.dropLast().joined(separator: ", ") + " or " + labels.last! : labels.joined()
    }

    func appliesTo(_ item: AssessmentInstrument.Item) -> String {
        (item.appliesTo ?? [:]).sorted { $0.key < $1.key }.map { $0.value.joined(separator: " or ") }.joined(separator: "; ")
    }

    func document() -> AssessmentDocument {
        var intro = ["Source: \(instrument.source)."]
        if let description = instrument.description { intro.append(description) }
        if let subject = instrument.subject { intro.append("One assessment is about one \(subject). Item ids (\(instrument.items[0].id), ...) are what a response sheet's item column names.") }
        var sections: [AssessmentDocument.Section] = []
        sections.append(.init(heading: "How it is judged", paragraphs: [ruleInWords]))
        if let context = instrument.context, !context.isEmpty {
            sections.append(.init(heading: "First", paragraphs: ["Answer these first; they decide which questions are asked."],
                                  table: .init(header: ["item", "question", "answers"], rows: context.map { q in
                                      [q.id, q.text + (q.per == "respondent" ? " (one answer per respondent)" : ""), q.options.map(\.value).joined(separator: " or ")]
                                  })))
        }
        if instrument.rule.kind == "levels", let dimensions = instrument.dimensions, let levels = instrument.levels {
            sections.append(.init(heading: "Statements by level and dimension", table: .init(header: ["Level"] + dimensions.map(\.title), rows: levels.map { level in
                [level.title] + dimensions.map { dimension in
                    (instrument.groups ?? []).filter { $0.level == level.id && $0.dimension == dimension.id }.map(\.id).joined(separator: ", ")
                }
            })))
        }
        let defaultChoices = choices(of: AssessmentInstrument.Item(id: "", text: "", scale: instrument.defaultScale))
        var intoGroups: [String: [AssessmentInstrument.Item]] = [:]
        for item in instrument.items { intoGroups[item.group ?? "", default: []].append(item) }
        func bullet(_ item: AssessmentInstrument.Item, standalone: Bool) -> AssessmentDocument.Bullet {
            var children: [String] = []
            if let guidance = item.guidance { children.append(guidance) }
            let choices = choices(of: item)
            if choices != defaultChoices { children.append("Answer: \(choices).") }
            if item.appliesTo != nil { children.append("Asked for: \(appliesTo(item)).") }
            return .init(text: "\(item.id)  \(item.text)", children: children)
        }
        var questions = AssessmentDocument.Section(heading: "Questions", paragraphs: ["Answer: \(defaultChoices), unless a question says otherwise."])
        questions.bullets = (intoGroups[""] ?? []).map { bullet($0, standalone: true) }
        sections.append(questions)
        for group in instrument.groups ?? [] {
            var where_ = [group.level, group.dimension].compactMap { $0 }.map(instrument.tierTitle).joined(separator: ", ")
            if !where_.isEmpty { where_ = " (\(where_))" }
            sections.append(.init(heading: "\(group.id)\(where_): \(group.title)", level: 3,
                                  bullets: (intoGroups[group.id] ?? []).map { bullet($0, standalone: false) }))
        }
        for guide in instrument.guide ?? [] {
            sections.append(.init(heading: guide.title, paragraphs: guide.text.map { [$0] } ?? [],
                                  table: guide.columns.map { AssessmentDocument.Table(header: $0, rows: guide.rows ?? []) }))
        }
        return AssessmentDocument(title: instrument.title, intro: intro, sections: sections)
    }

    // MARK: The response sheet

    /// A blank response sheet: one row per question (per respondent, when
    /// named), context questions first. `context` fills in context answers
    /// (e.g. `["arrangement": "pooled"]`) and leaves out the questions they rule out.
    ///
    /// - Throws: ``InputError`` when a context key or value is not the instrument's.
    public func template(subject: String = "", respondents: [String] = [], context: [String: String] = [:]) throws(InputError) -> String {
        var chosen: [String: String] = [:]
        for (key, raw) in context.sorted(by: { $0.key < $1.key }) {
            guard let question = instrument.contextQuestion(named: key) else {
                throw InputError(.usage, [Diagnostic(.error, code: "template.unknown-context", "\(instrument.id) asks no such context question", value: key,
                                                     fix: (instrument.context ?? []).isEmpty ? "this instrument has no context questions"
                                                         : "use \((instrument.context ?? []).map(\.id).joined(separator: " or "))")])
            }
            guard let option = AssessmentInstrument.option(raw, in: question.options) else {
                throw InputError(.usage, [Diagnostic(.error, code: "template.bad-context", "not an answer to \(question.id)", value: raw,
                                                     fix: "use \(question.options.map(\.value).joined(separator: " or "))")])
            }
            chosen[question.id] = option.value
        }
        let hasContext = !(instrument.context ?? []).isEmpty
        var writer = CSVWriter(header: ["subject", "respondent", "item", "question", "choices"] + (hasContext ? ["applies_to"] : []) + ["answer", "comment"])
        let people = respondents.isEmpty ? [""] : respondents
        for question in instrument.context ?? [] where question.per != "respondent" {
            writer.append([.text(subject), "", .text(question.id), .text(question.text), .text(question.options.map(\.value).joined(separator: " | ")),
                           "", .text(chosen[question.id] ?? ""), ""])
        }
        for person in people {
            for question in instrument.context ?? [] where question.per == "respondent" {
                writer.append([.text(subject), .text(person), .text(question.id), .text(question.text),
                               .text(question.options.map(\.value).joined(separator: " | ")), "", .text(chosen[question.id] ?? ""), ""])
            }
            for item in instrument.items {
                let asked = (item.appliesTo ?? [:]).allSatisfy { key, values in
                    chosen[instrument.contextQuestion(named: key)?.id ?? key].map(values.contains) ?? true
                }
                guard asked else { continue }
                let text = instrument.group(of: item).map { $0.title.hasSuffix(":") ? "\($0.title) \(item.text)" : item.text } ?? item.text
                writer.append([.text(subject), .text(person), .text(item.id), .text(text), .text(choices(of: item))]
                              + (hasContext ? [.text(appliesTo(item))] : []) + ["", ""])
            }
        }
        return writer.output
    }
}
