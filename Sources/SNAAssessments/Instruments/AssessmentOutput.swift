import SNACore
import SNAIO

/// An assessment written out: text, Markdown or HTML to read, JSON and CSV to
/// process (docs/instruments.md describes each). Instruments rated by scores
/// (delivery chain analysis) are written as `snatool dca score` and
/// `snatool dca plan` write them.
public struct AssessmentOutput: Sendable {
    /// The assessment.
    public var assessment: Assessment
    /// The date printed on plans, e.g. "21 November 2026".
    public var date: String

    /// Creates the output of an assessment.
    public init(assessment: Assessment, date: String) {
        self.assessment = assessment
        self.date = date
    }

    var instrument: AssessmentInstrument { assessment.instrument }

    // MARK: Readable documents

    /// Plain text.
    public func text() -> String {
        if let scores = assessment.scores { return DCAScoreOutput(scores: scores).text() }
        return document().text()
    }

    /// Markdown.
    public func markdown() -> String {
        if let scores = assessment.scores { return DCAPlan(scores: scores, date: date).markdown() }
        return document().markdown()
    }

    /// A self-contained HTML page that prints on A4.
    public func html() -> String {
        if let scores = assessment.scores { return DCAPlan(scores: scores, date: date).html() }
        return document().html()
    }

    /// The result as a part of another HTML page (the partnership report):
    /// no title (the page's section gives it), headings from `h3`; `nil` for
    /// the delivery chain, whose scores the report shows in its own section.
    public func htmlSection() -> String? {
        assessment.scores == nil ? document().htmlBody(shift: 1) : nil
    }

    func document() -> AssessmentDocument {
        var intro = ["\(instrument.source). Assessed \(date)."]
        let respondents = Set(assessment.subjects.flatMap(\.respondents)).count
        if respondents > 1 {
            intro.append("\(respondents) respondents. Their answers to each question are combined by the \(assessment.combination.rawValue) rule: "
                + (assessment.combination == .strictest
                    ? "the least favourable answer to each question counts, so a question is met only when everyone who answered it says so."
                    : "the most common answer counts; a tie goes to the less favourable answer."))
        }
        var sections: [AssessmentDocument.Section] = []
        if instrument.rule.kind == "flags" { sections.append(flagsSummary()) }
        for subject in assessment.subjects {
            sections += self.sections(for: subject, many: assessment.subjects.count > 1)
        }
        for guide in instrument.guide ?? [] {
            sections.append(.init(heading: guide.title, paragraphs: guide.text.map { [$0] } ?? [],
                                  table: guide.columns.map { AssessmentDocument.Table(header: $0, rows: guide.rows ?? []) }))
        }
        return AssessmentDocument(title: instrument.title, intro: intro, sections: sections)
    }

    func sections(for subject: SubjectAssessment, many: Bool) -> [AssessmentDocument.Section] {
        let name = subject.subject.isEmpty ? "" : subject.subject
        func heading(_ text: String) -> String {
            many || !name.isEmpty ? "\(name.isEmpty ? "(not named)" : name): \(text)" : text.prefix(1).uppercased() + text.dropFirst()
        }
        var about: [String] = []
        if !subject.context.isEmpty {
            about.append(subject.context.sorted { $0.key < $1.key }.map { key, value in
                "\(key.prefix(1).uppercased() + key.dropFirst()): \(value)." }.joined(separator: " "))
        }
        if !subject.respondents.isEmpty { about.append("Answered by \(subject.respondents.joined(separator: ", ")).") }
        let asked = subject.items.filter { $0.status != .notAsked }
        let unanswered = asked.filter { $0.status == .unanswered }.count
        let notApplicable = asked.filter { $0.status == .notApplicable }.count
        if unanswered > 0 || notApplicable > 0 {
            about.append("\(asked.count - unanswered) of the \(asked.count) questions asked are answered"
                + (notApplicable > 0 ? ", \(notApplicable) of them not applicable" : "")
                + (unanswered == 1 ? "; the one unanswered counts as not met." : unanswered > 1 ? "; the \(unanswered) unanswered count as not met." : "."))
        }
        var sections: [AssessmentDocument.Section] = []
        switch subject.judgement {
        case .levels(let levels):
            sections.append(levelMatrix(levels, heading: heading("level reached"), about: about))
            sections += nextSteps(levels, heading: heading("next steps"))
        case .checklist(let checklist):
            let verdict = checklist.ready ? (instrument.rule.ready ?? "ready") : (instrument.rule.notReady ?? "not ready")
            var section = AssessmentDocument.Section(heading: heading("checklist"))
            section.paragraphs = about + ["\(verdict.prefix(1).uppercased() + verdict.dropFirst()). \(asked.count - checklist.outstanding.count) of the \(asked.count) questions asked are done."]
            section.table = .init(header: ["item", "question", "answer", "status"], rows: asked.map { result in
                [result.item.id, questionText(result.item), result.combined ?? "", statusWords(result)]
            }, statusColumn: 3)
            let notAsked = subject.items.filter { $0.status == .notAsked }.map(\.item.id)
            if !notAsked.isEmpty { section.after.append("Not asked here: \(notAsked.joined(separator: ", ")).") }
            sections.append(section)
            if !checklist.outstanding.isEmpty {
                sections.append(.init(heading: heading("outstanding"), level: 3, bullets: checklist.outstanding.map { result in
                    .init(text: "\(result.item.id) \(questionText(result.item)) Answer: \(result.combined ?? statusWords(result))\(result.disagreement && instrument.scale(of: result.item).isText ? " (the answers differ)" : "").",
                          children: comments(result, unmetOnly: true))
                }))
            }
        case .flags(let flags):
            var section = AssessmentDocument.Section(heading: many ? name.isEmpty ? "(not named)" : name : heading("verdict"), level: many ? 3 : 2)
            section.paragraphs = about + ["Verdict: \(flags.verdict.title)."]
            // Only the questions asked of this subject (its context decides), as the checklist shows them.
            section.table = .init(header: ["item", "question", "answer"], rows: asked.map { result in
                [result.item.id, result.item.text, result.combined ?? "unanswered"]
            })
            let notAsked = subject.items.filter { $0.status == .notAsked }.map(\.item.id)
            if !notAsked.isEmpty { section.after.append("Not asked here: \(notAsked.joined(separator: ", ")).") }
            section.bullets = flags.reasons.map { .init(text: "Why: \($0.flag.says) (\($0.item.id)).") }
                + flags.notes.map { .init(text: "Note: \($0.flag.says) (\($0.item.id)).") }
                + flags.cautions.map { .init(text: "Caution: \($0.flag.says) (\($0.item.id)).") }
                + flags.open.map { .init(text: "Open: \($0.item.id) \($0.item.text) is \($0.status.words).") }
            sections.append(section)
        case .scores:
            break
        }
        let differing = subject.items.filter(\.disagreement)
        if !differing.isEmpty {
            sections.append(.init(heading: heading("where respondents differ"), level: 3, bullets: differing.map { result in
                .init(text: "\(result.item.id) \(result.item.text)",
                      children: result.answers.map { "\($0.respondent.isEmpty ? "(unnamed)" : $0.respondent): \($0.option?.displayLabel ?? $0.text)\($0.comment.map { " (\"\($0)\")" } ?? "")" })
            }))
        }
        return sections
    }

    /// Status in words; text answers read "settled" or "not settled".
    func statusWords(_ result: ItemResult) -> String {
        guard instrument.scale(of: result.item).isText else { return result.status.words }
        switch result.status {
        case .met: return "settled"
        case .unknown: return "not settled"
        default: return result.status.words
        }
    }

    /// Respondents' comments on an item, attributed; with `unmetOnly`, only
    /// from those whose own answer is not met (the ones that explain a gap).
    func comments(_ result: ItemResult, unmetOnly: Bool = false) -> [String] {
        let pending = (instrument.scale(of: result.item).pending ?? []).map(AssessmentInstrument.answerKey)
        return result.answers.compactMap { answer in
            if unmetOnly {
                let met = answer.option.map { $0.effectiveMeaning == .met } ?? !AssessmentInstrument.isPending(answer.text, pending: pending)
                if met && !result.disagreement || met && answer.option != nil { return nil }
            }
            return answer.comment.map { "\"\($0)\"" + (answer.respondent.isEmpty ? "" : " (\(answer.respondent))") }
        }
    }

    func questionText(_ item: AssessmentInstrument.Item) -> String {
        guard let group = instrument.group(of: item), group.title != item.text, group.id != item.id || instrument.rule.kind == "levels" else { return item.text }
        return group.title.hasSuffix(":") ? "\(group.title) \(item.text)" : item.text
    }

    func levelMatrix(_ levels: LevelsJudgement, heading: String, about: [String]) -> AssessmentDocument.Section {
        let dimensions = instrument.dimensions ?? []
        var rows: [[String]] = []
        for level in (instrument.levels ?? []).reversed() {
            rows.append([level.title] + dimensions.map { dimension in
                levels.statements(dimension: dimension.id, level: level.id).map { "\($0.group.id) \($0.met ? "✓" : "✗")" }.joined(separator: "  ")
            })
        }
        rows.append(["Level reached"] + dimensions.map { levelReached(levels, $0.id) })
        var section = AssessmentDocument.Section(heading: heading, paragraphs: about)
        section.table = .init(header: ["Level"] + dimensions.map(\.title), rows: rows)
        section.after = [dimensions.map { "\($0.title): \(levelReached(levels, $0.id))." }.joined(separator: " ")
            + " ✓ marks a statement met: every applicable question answered yes. ✗ marks one not met. Each level needs its own statements and all lower levels' met."]
        return section
    }

    func levelReached(_ levels: LevelsJudgement, _ dimension: String) -> String {
        levels.reached[dimension].map(instrument.tierTitle) ?? instrument.rule.below ?? "no level reached"
    }

    func nextSteps(_ levels: LevelsJudgement, heading: String) -> [AssessmentDocument.Section] {
        var sections = [AssessmentDocument.Section(heading: heading, paragraphs: [
            "For each dimension, the statements of the next level not yet met, with the questions that hold them back."])]
        for dimension in instrument.dimensions ?? [] {
            guard let next = levels.next[dimension.id] else {
                sections.append(.init(heading: "\(dimension.title): the top level is reached", level: 3, paragraphs: ["Keep every statement met."]))
                continue
            }
            let unmet = levels.statements(dimension: dimension.id, level: next).filter { !$0.met }
            sections.append(.init(heading: "\(dimension.title): to reach \(instrument.tierTitle(next)), meet \(unmet.map(\.group.id).joined(separator: " and "))",
                                  level: 3, bullets: unmet.map { statement in
                .init(text: "\(statement.group.id) \(statement.group.title)", children: statement.unmet.flatMap { result in
                    ["\(result.item.id) \(result.item.text) Answer: \(result.combined ?? result.status.words)."] + comments(result, unmetOnly: true)
                })
            }))
        }
        return sections
    }

    func flagsSummary() -> AssessmentDocument.Section {
        var rows: [[String]] = []
        var candidates: [String] = [], undecided: [String] = []
        for subject in assessment.subjects {
            guard case .flags(let flags) = subject.judgement else { continue }
            rows.append([subject.displayName, flags.verdict.title, flags.reasons.map(\.flag.says).joined(separator: "; "),
                         flags.cautions.map(\.flag.says).joined(separator: "; ")])
            if flags.verdict.id == instrument.rule.undecided?.id {
                undecided.append(subject.displayName)
            } else if flags.verdict.id != instrument.rule.otherwise?.id {
                candidates.append(subject.displayName)
            }
        }
        let noun = instrument.subject ?? "subject"
        // Any verdict but "otherwise" and "undecided" asks for action (decommissioning, remodelling; a change of reporting ...).
        var summary = candidates.isEmpty ? "None of the \(rows.count) assessed needs action."
            : "\(candidates.count) of \(rows.count) assessed \(candidates.count == 1 ? "needs" : "need") action: \(candidates.joined(separator: ", "))."
        if !undecided.isEmpty {
            summary += " \(undecided.count) cannot be judged until open questions are answered: \(undecided.joined(separator: ", "))."
        }
        return .init(heading: "Summary", paragraphs: ["Each \(noun), its verdict and why. " + summary],
                     table: .init(header: [noun, "verdict", "why", "cautions"], rows: rows))
    }

    // MARK: JSON

    /// JSON: the instrument, each subject's items and judgement; with one
    /// subject its judgement also at the top level (`levels` and `statements`
    /// for the CIPFA framework).
    public func json() -> JSONValue {
        if let scores = assessment.scores {
            return .object([("instrument", instrumentJSON()), ("scores", DCAScoreOutput(scores: scores).json())])
        }
        let subjects = assessment.subjects.map(subjectJSON)
        var fields: [(String, JSONValue)] = [
            ("instrument", instrumentJSON()), ("rule", .string(instrument.rule.kind)), ("combination", .string(assessment.combination.rawValue)),
        ]
        if subjects.count == 1, case .object(let only) = subjects[0] {
            fields += only.filter { ["levels", "statements", "next_steps", "ready", "outstanding", "verdict", "reasons", "notes", "cautions"].contains($0.0) }
        }
        fields.append(("subjects", .array(subjects)))
        fields.append(("warnings", .array(assessment.warnings.map { .string($0.description) })))
        return .object(fields)
    }

    func instrumentJSON() -> JSONValue {
        .object([("id", .string(instrument.id)), ("title", .string(instrument.title)), ("source", .string(instrument.source))])
    }

    func subjectJSON(_ subject: SubjectAssessment) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("subject", .string(subject.subject)),
            ("respondents", .array(subject.respondents.map { .string($0) })),
            ("context", .object(subject.context.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ]
        switch subject.judgement {
        case .levels(let levels):
            fields.append(("levels", .object((instrument.dimensions ?? []).map { ($0.id, .string(levels.reached[$0.id] ?? "none")) })))
            fields.append(("statements", .array(levels.statements.map { statement in
                .object([("id", .string(statement.group.id)), ("dimension", .string(statement.group.dimension)),
                         ("level", .string(statement.group.level)), ("met", .bool(statement.met)),
                         ("unmet", .array(statement.unmet.map { .string($0.item.id) }))])
            })))
            fields.append(("next_steps", .array((instrument.dimensions ?? []).compactMap { dimension -> JSONValue? in
                guard let next = levels.next[dimension.id] else { return nil }
                return .object([("dimension", .string(dimension.id)), ("level", .string(next)),
                                ("statements", .array(levels.statements(dimension: dimension.id, level: next).filter { !$0.met }.map { statement in
                                    .object([("id", .string(statement.group.id)), ("unmet", .array(statement.unmet.map { .string($0.item.id) }))])
                                }))])
            })))
        case .checklist(let checklist):
            fields.append(("ready", .bool(checklist.ready)))
            fields.append(("outstanding", .array(checklist.outstanding.map { .object([("id", .string($0.item.id)), ("status", .string($0.status.rawValue))]) })))
        case .flags(let flags):
            fields.append(("verdict", .string(flags.verdict.id)))
            fields.append(("notes", .array(flags.notes.map { .object([("flag", .string($0.flag.id)), ("item", .string($0.item.id)), ("says", .string($0.flag.says))]) })))
            fields.append(("reasons", .array(flags.reasons.map { .object([("flag", .string($0.flag.id)), ("item", .string($0.item.id)), ("says", .string($0.flag.says))]) })))
            fields.append(("cautions", .array(flags.cautions.map { .object([("flag", .string($0.flag.id)), ("item", .string($0.item.id)), ("says", .string($0.flag.says))]) })))
        case .scores:
            break
        }
        fields.append(("items", .array(subject.items.map { result in
            .object([
                ("id", .string(result.item.id)), ("status", .string(result.status.rawValue)), ("answer", .string(result.combined)),
                ("value", .string(result.combinedValue)), ("disagreement", .bool(result.disagreement)),
                ("answers", .array(result.answers.map { answer in
                    .object([("respondent", .string(answer.respondent)), ("answer", .string(answer.option?.value ?? answer.text)),
                             ("comment", .string(answer.comment))])
                })),
            ])
        })))
        return .object(fields)
    }

    // MARK: CSV

    /// One row per subject and item (for scores instruments, the `dca score` CSV).
    public func csv() -> String {
        if let scores = assessment.scores { return DCAScoreOutput(scores: scores).csv() }
        var writer = CSVWriter(header: ["subject", "item", "group", "question", "status", "answer", "respondents", "disagreement", "answers", "comments"])
        for subject in assessment.subjects {
            for result in subject.items {
                writer.append([
                    .text(subject.subject), .text(result.item.id), .text(result.item.group ?? ""), .text(questionText(result.item)),
                    .text(result.status.rawValue), .text(result.combined ?? ""), .integer(result.answers.count),
                    .text(result.disagreement ? "yes" : "no"),
                    .text(result.answers.map { "\($0.respondent.isEmpty ? "(unnamed)" : $0.respondent): \($0.option?.value ?? $0.text)" }.joined(separator: "; ")),
                    .text(result.answers.compactMap { answer in answer.comment.map { "\(answer.respondent.isEmpty ? "(unnamed)" : answer.respondent): \($0)" } }.joined(separator: "; ")),
                ])
            }
        }
        return writer.output
    }
}
