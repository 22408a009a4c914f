import SNACore

/// Where an item stands for one subject once its answers are combined.
public enum ItemStatus: String, Sendable, CaseIterable {
    /// Answered yes, in place, or (text) settled.
    case met
    /// Partly in place.
    case partly
    /// Answered no.
    case notMet = "not-met"
    /// Does not apply (answered so); left out of the judgement.
    case notApplicable = "not-applicable"
    /// "Don't know", or a text answer such as "to be agreed".
    case unknown
    /// Asked but nobody answered.
    case unanswered
    /// Not asked: the context (e.g. a pooled agreement) rules it out.
    case notAsked = "not-asked"

    init(_ meaning: AssessmentInstrument.Meaning) {
        switch meaning {
        case .met: self = .met
        case .partly: self = .partly
        case .notMet: self = .notMet
        case .notApplicable: self = .notApplicable
        case .unknown: self = .unknown
        }
    }

    /// Whether the item counts as done: met, or not applicable.
    public var isSatisfied: Bool { self == .met || self == .notApplicable || self == .notAsked }

    /// How it reads in a sentence.
    public var words: String {
        switch self {
        case .met: "met"
        case .partly: "partly"
        case .notMet: "not met"
        case .notApplicable: "not applicable"
        case .unknown: "not known"
        case .unanswered: "unanswered"
        case .notAsked: "not asked"
        }
    }
}

/// One item's answers for one subject, combined.
public struct ItemResult: Sendable {
    /// The item.
    public var item: AssessmentInstrument.Item
    /// Every answer given.
    public var answers: [AssessmentAnswer]
    /// The combined answer: an option's label, or the text answers joined.
    public var combined: String?
    /// The combined option's value, on a choice scale.
    public var combinedValue: String?
    /// Where it stands.
    public var status: ItemStatus
    /// Whether respondents gave different answers.
    public var disagreement: Bool
}

/// One good-practice statement (a group of the `levels` rule).
public struct StatementResult: Sendable {
    /// The statement.
    public var group: AssessmentInstrument.Group
    /// Its questions.
    public var items: [ItemResult]
    /// Met: every applicable question is met (partly counts as not met).
    public var met: Bool
    /// The questions that stop it being met.
    public var unmet: [ItemResult] { items.filter { !$0.status.isSatisfied } }
}

/// The `levels` judgement: statements met and the level reached per dimension.
public struct LevelsJudgement: Sendable {
    /// Every statement, in the instrument's order.
    public var statements: [StatementResult]
    /// Per dimension id: the highest level reached (its statements and all lower levels' met), or `nil`.
    public var reached: [String: String]
    /// Per dimension id: the level above the one reached, or `nil` at the top.
    public var next: [String: String]

    /// The statements of `level` in `dimension`.
    public func statements(dimension: String, level: String) -> [StatementResult] {
        statements.filter { $0.group.dimension == dimension && $0.group.level == level }
    }
}

/// The `checklist` judgement.
public struct ChecklistJudgement: Sendable {
    /// Every asked item satisfied.
    public var ready: Bool
    /// The asked items not satisfied, in order.
    public var outstanding: [ItemResult]
}

/// The `flags` judgement.
public struct FlagsJudgement: Sendable {
    /// A raised flag and the item whose answer raised it.
    public struct Raised: Sendable {
        /// The flag.
        public var flag: AssessmentInstrument.Flag
        /// The item.
        public var item: AssessmentInstrument.Item
    }
    /// The verdict.
    public var verdict: AssessmentInstrument.Verdict
    /// Raised flags that decide verdicts (not cautions).
    public var reasons: [Raised]
    /// Raised flags that inform but decide no verdict (e.g. an alternative exists).
    public var notes: [Raised]
    /// Cautions raised.
    public var cautions: [Raised]
    /// Items unanswered or answered "not sure".
    public var open: [ItemResult]
}

/// What the rule concluded for one subject.
public enum Judgement: Sendable {
    /// Levels reached (CIPFA).
    case levels(LevelsJudgement)
    /// A readiness checklist.
    case checklist(ChecklistJudgement)
    /// A verdict from raised flags.
    case flags(FlagsJudgement)
    /// Delivery-chain style scores.
    case scores(OutcomeScore)
}

/// One subject's assessment.
public struct SubjectAssessment: Sendable {
    /// The subject; empty when the sheet names none.
    public var subject: String
    /// The respondents, in order of first answer.
    public var respondents: [String]
    /// Context answers by question id (per-subject questions).
    public var context: [String: String]
    /// Every item, in the instrument's order.
    public var items: [ItemResult]
    /// The judgement.
    public var judgement: Judgement

    /// The subject, or a stand-in when unnamed.
    public var displayName: String { subject.isEmpty ? "(not named)" : subject }
}

/// An instrument's judgement of a response sheet, per subject.
///
/// ```swift
/// let alps = try InstrumentLibrary.instrument("cipfa-alps")
/// let sheet = try AssessmentResponseReader.read(path: "answers.csv", instrument: alps)
/// let assessment = try Assessment(instrument: alps, responses: sheet)
/// if case .levels(let levels) = assessment.subjects[0].judgement { print(levels.reached) }
/// ```
public struct Assessment: Sendable {
    /// How several respondents' answers to one item combine.
    public enum Combination: String, Sendable, CaseIterable {
        /// The least favourable answer counts: an item is met only when every
        /// respondent who answered says so (not-applicable answers aside).
        case strictest
        /// The most common answer counts; a tie goes to the less favourable.
        case majority
    }

    /// The instrument.
    public var instrument: AssessmentInstrument
    /// The combination used.
    public var combination: Combination
    /// One entry per subject, in order of first appearance.
    public var subjects: [SubjectAssessment]
    /// For `scores` instruments, the full scores (the DCA engine's).
    public var scores: DCAScores?
    /// Warnings from reading and assessing.
    public var warnings: [Diagnostic]

    /// Judges `responses` by `instrument`'s rule; `combination` overrides the instrument's.
    ///
    /// - Throws: ``InputError`` when a subject lacks a context answer its items depend on.
    public init(instrument: AssessmentInstrument, responses: AssessmentResponses, combination: Combination? = nil) throws(InputError) {
        self.instrument = instrument
        self.combination = combination ?? instrument.rule.combine.flatMap(Combination.init) ?? .strictest
        var warnings = responses.warnings
        // Answers grouped once by subject and item, so large sheets stay linear.
        var order: [String] = [], names: [String: String] = [:]
        var bySubject: [String: [String: [AssessmentAnswer]]] = [:]
        for subject in responses.subjects + responses.answers.map(\.subject) + responses.context.map(\.subject) where names[NameKey.key(subject)] == nil {
            names[NameKey.key(subject)] = subject
            order.append(NameKey.key(subject))
        }
        var respondentsOf: [String: [String]] = [:], seenRespondents: Set<String> = []
        for answer in responses.answers {
            let key = NameKey.key(answer.subject)
            bySubject[key, default: [:]][answer.item, default: []].append(answer)
            if !answer.respondent.isEmpty, seenRespondents.insert(key + "\u{1F}" + NameKey.key(answer.respondent)).inserted {
                respondentsOf[key, default: []].append(answer.respondent)
            }
        }
        if instrument.rule.kind == "scores" {
            let scores = Self.scores(instrument: instrument, responses: responses)
            self.scores = scores
            subjects = scores.outcomes.map { outcome in
                let answers = bySubject[NameKey.key(outcome.outcome)] ?? [:]
                let items = instrument.items.map { item in
                    Self.combine(item: item, answers: answers[item.id] ?? [], instrument: instrument, combination: .majority)
                }
                return SubjectAssessment(subject: outcome.outcome, respondents: outcome.participants, context: [:], items: items, judgement: .scores(outcome))
            }
            self.warnings = warnings
            return
        }
        scores = nil
        var problems: [Diagnostic] = []
        var missingContext: Set<String> = []
        var results: [SubjectAssessment] = []
        var contextBySubject: [String: [String: String]] = [:]
        for answer in responses.context where answer.respondent.isEmpty {
            contextBySubject[NameKey.key(answer.subject), default: [:]][answer.question] = answer.value
        }
        for key in order {
            let mine = bySubject[key] ?? [:]
            let context = contextBySubject[key] ?? [:]
            let subject = names[key] ?? ""
            // A subject with only context rows is found at its first context row.
            let firstLocation = mine.values.lazy.compactMap { $0.first?.location }.min { ($0.line ?? 0) < ($1.line ?? 0) }
                ?? responses.context.first { NameKey.key($0.subject) == key }?.location
            var items: [ItemResult] = []
            for item in instrument.items {
                let given = mine[item.id] ?? []
                var asked = true
                for (question, values) in item.appliesTo ?? [:] {
                    let q = instrument.contextQuestion(named: question)
                    guard let value = context[q?.id ?? question] else {
                        let fix = "add a row with item \(q?.id ?? question) and answer \(q?.options.map(\.value).joined(separator: " or ") ?? "")"
                            + (subject.isEmpty ? "" : " for '\(subject)'")
                        if missingContext.insert(key + "\u{1F}" + question).inserted {
                            problems.append(Diagnostic(.error, code: "assess.missing-context", at: given.first?.location ?? firstLocation,
                                                       "'\(subject.isEmpty ? "(not named)" : subject)' does not say: \(q?.text ?? question)", fix: fix))
                        }
                        continue
                    }
                    if !values.contains(value) { asked = false }
                }
                if !asked {
                    for answer in given {
                        warnings.append(Diagnostic(.warning, code: "assess.not-asked", at: answer.location,
                                                   "\(item.id) is not asked for this \(instrument.subject ?? "subject") (\(context.values.sorted().joined(separator: ", "))); its answer is left out",
                                                   value: answer.text, fix: "remove the answer, or correct the context answer"))
                    }
                    items.append(ItemResult(item: item, answers: given, combined: nil, combinedValue: nil, status: .notAsked, disagreement: false))
                } else {
                    items.append(Self.combine(item: item, answers: given, instrument: instrument, combination: self.combination))
                }
            }
            if items.allSatisfy({ $0.answers.isEmpty }) {
                warnings.append(Diagnostic(.warning, code: "assess.no-answers", at: firstLocation,
                                           "'\(subject.isEmpty ? "(not named)" : subject)' has no answers; every question counts as unanswered",
                                           fix: "fill in its answers, or remove its rows"))
            }
            results.append(SubjectAssessment(subject: subject, respondents: respondentsOf[key] ?? [], context: context, items: items,
                                             judgement: Self.judge(instrument: instrument, items: items)))
        }
        if !problems.isEmpty { throw InputError(.badData, warnings + problems) }
        subjects = results
        self.warnings = warnings
    }

    /// Combines one item's answers.
    static func combine(item: AssessmentInstrument.Item, answers: [AssessmentAnswer], instrument: AssessmentInstrument,
                        combination: Combination) -> ItemResult {
        guard !answers.isEmpty else {
            return ItemResult(item: item, answers: [], combined: nil, combinedValue: nil, status: .unanswered, disagreement: false)
        }
        let scale = instrument.scale(of: item)
        if scale.isText {
            // Settled texts must agree: two different terms are not one agreed term.
            let pending = (scale.pending ?? []).map(AssessmentInstrument.answerKey)
            let keys = answers.map { AssessmentInstrument.isPending($0.text, pending: pending) ? nil : AssessmentInstrument.answerKey($0.text) }
            var counts: [String: Int] = [:]
            for key in keys { if let key { counts[key, default: 0] += 1 } }
            let status: ItemStatus
            if combination == .strictest {
                status = counts.count == 1 && !keys.contains(nil) ? .met : .unknown
            } else {
                status = (counts.values.max() ?? 0) * 2 > answers.count ? .met : .unknown
            }
            var texts: [String] = []
            for answer in answers where !texts.contains(answer.text) { texts.append(answer.text) }
            return ItemResult(item: item, answers: answers, combined: texts.joined(separator: "; "), combinedValue: nil, status: status,
                              disagreement: counts.count + (keys.contains(nil) ? 1 : 0) > 1)
        }
        let options = scale.options ?? []
        let chosen = answers.compactMap(\.option)
        let values = Set(chosen.map(\.value))
        let position = { (option: AssessmentInstrument.Option) in options.firstIndex { $0.value == option.value } ?? 0 }
        // Worse first: by meaning, then later in the scale (options are listed best first).
        let worse = { (a: AssessmentInstrument.Option, b: AssessmentInstrument.Option) -> Bool in
            a.effectiveMeaning.strictness != b.effectiveMeaning.strictness
                ? a.effectiveMeaning.strictness < b.effectiveMeaning.strictness : position(a) > position(b)
        }
        let applicable = chosen.filter { $0.effectiveMeaning != .notApplicable }
        let pick: AssessmentInstrument.Option?
        if combination == .majority {
            // Every answer votes, not-applicable included; a tie goes to the less favourable.
            var counts: [String: Int] = [:]
            for option in chosen { counts[option.value, default: 0] += 1 }
            let most = counts.values.max() ?? 0
            pick = chosen.filter { counts[$0.value] == most }.min(by: worse)
        } else if applicable.isEmpty {
            pick = chosen.first
        } else {
            pick = applicable.min(by: worse)
        }
        return ItemResult(item: item, answers: answers, combined: pick?.displayLabel, combinedValue: pick?.value,
                          status: pick.map { ItemStatus($0.effectiveMeaning) } ?? .unanswered, disagreement: values.count > 1)
    }

    static func judge(instrument: AssessmentInstrument, items: [ItemResult]) -> Judgement {
        switch instrument.rule.kind {
        case "levels":
            let statements = (instrument.groups ?? []).map { group in
                let mine = items.filter { $0.item.group == group.id }
                return StatementResult(group: group, items: mine, met: mine.allSatisfy { $0.status.isSatisfied })
            }
            var reached: [String: String] = [:], next: [String: String] = [:]
            let levels = (instrument.levels ?? []).map(\.id)
            for dimension in (instrument.dimensions ?? []).map(\.id) {
                var top: Int?
                for (n, level) in levels.enumerated() {
                    let mine = statements.filter { $0.group.dimension == dimension && $0.group.level == level }
                    guard mine.allSatisfy(\.met) else { break }
                    top = n
                }
                if let top { reached[dimension] = levels[top] }
                let following = (top ?? -1) + 1
                if following < levels.count { next[dimension] = levels[following] }
            }
            return .levels(LevelsJudgement(statements: statements, reached: reached, next: next))
        case "flags":
            let rule = instrument.rule
            var raised: [FlagsJudgement.Raised] = []
            for result in items {
                guard let value = result.combinedValue else { continue }
                for signal in result.item.signals ?? [] where signal.answers.contains(value) {
                    if let flag = rule.flags?.first(where: { $0.id == signal.flag }), !raised.contains(where: { $0.flag.id == flag.id }) {
                        raised.append(.init(flag: flag, item: result.item))
                    }
                }
            }
            let ids = Set(raised.map(\.flag.id))
            let open = items.filter { $0.status == .unanswered || $0.status == .unknown }
            let decisive = Set((rule.verdicts ?? []).flatMap { $0.whenAny ?? [] })
            let verdict = (rule.verdicts ?? []).first { !Set($0.whenAny ?? []).isDisjoint(with: ids) }
                ?? (open.isEmpty ? nil : rule.undecided) ?? rule.otherwise ?? AssessmentInstrument.Verdict(id: "none", title: "no verdict")
            return .flags(FlagsJudgement(
                verdict: verdict,
                reasons: raised.filter { $0.flag.caution != true && decisive.contains($0.flag.id) },
                notes: raised.filter { $0.flag.caution != true && !decisive.contains($0.flag.id) },
                cautions: raised.filter { $0.flag.caution == true && ($0.flag.whenVerdict.map { $0.contains(verdict.id) } ?? true) },
                open: open))
        default:
            let outstanding = items.filter { !$0.status.isSatisfied }
            return .checklist(ChecklistJudgement(ready: outstanding.isEmpty, outstanding: outstanding))
        }
    }

    /// The DCA engine's scores for a `scores` instrument.
    static func scores(instrument: AssessmentInstrument, responses: AssessmentResponses) -> DCAScores {
        let scoring = instrument.scoringInstrument()
        let number = Dictionary(uniqueKeysWithValues: instrument.items.enumerated().map { ($1.id, $0 + 1) })
        var layers: [String: Layer] = [:]
        for answer in responses.context where answer.question == "layer" {
            layers[NameKey.key(answer.subject) + "\u{1F}" + NameKey.key(answer.respondent)] = Layer(rawValue: answer.value)
        }
        let converted = responses.answers.map { answer -> DCAResponse in
            let layer = layers[NameKey.key(answer.subject) + "\u{1F}" + NameKey.key(answer.respondent)]
            let result: Answer = answer.option?.score.map { .score(Int($0.rounded())) } ?? .dontKnow
            return DCAResponse(outcome: answer.subject, participant: answer.respondent.isEmpty ? "respondent" : answer.respondent,
                               layer: layer, question: number[answer.item] ?? 0, answer: result, comment: answer.comment, location: answer.location)
        }
        return DCAScores(responses: converted, instrument: scoring)
    }
}
