import Foundation

/// Checks an instrument's parts fit together: ids are unique, references
/// resolve, and the rule has what its kind needs. Each problem names the field.
struct InstrumentValidator {
    struct Problem {
        var path: InstrumentLibrary.FieldPath
        var message: String
        var value: String?
        var fix: String
    }

    static let ruleKinds = ["levels", "checklist", "flags", "scores"]
    static let combinations = ["strictest", "majority"]

    /// The largest score or threshold an instrument may hold, either side of
    /// zero: far beyond any scale, and small enough that sums and means of
    /// scores stay exact and convert to whole numbers without trapping.
    static let numberBound = 1_000_000

    /// Whether a score or threshold is finite and within ``numberBound``.
    static func isUsable(_ value: Double) -> Bool { value.isFinite && abs(value) <= Double(numberBound) }

    /// A number as the instrument's author would write it: `2`, `2.5`, `1e+20`, `inf`.
    static func text(_ value: Double) -> String {
        isUsable(value) && value == value.rounded() ? String(Int(value)) : String(value)
    }

    let instrument: AssessmentInstrument
    private var found: [Problem] = []

    init(instrument: AssessmentInstrument) { self.instrument = instrument }

    func problems() -> [Problem] {
        var copy = self
        copy.check()
        return copy.found
    }

    private mutating func problem(_ path: [InstrumentLibrary.FieldStep], _ message: String, value: String? = nil, fix: String) {
        found.append(Problem(path: path, message: message, value: value, fix: fix))
    }

    private mutating func check() {
        let i = instrument
        if i.format != AssessmentInstrument.formatTag {
            problem([.key("format")], "unknown format", value: i.format, fix: "write \"format\": \"\(AssessmentInstrument.formatTag)\"")
        }
        if i.id.isEmpty || i.id.contains(where: \.isWhitespace) {
            problem([.key("id")], "the id must be one word", value: i.id, fix: "use letters, digits and hyphens, e.g. my-checklist")
        }
        if i.title.trimmingCharacters(in: .whitespaces).isEmpty { problem([.key("title")], "the title is empty", fix: "give the instrument a title") }
        if i.source.trimmingCharacters(in: .whitespaces).isEmpty { problem([.key("source")], "the source is empty", fix: "say where the questions come from") }
        checkScales()
        checkContext()
        checkItems()
        checkRule()
        for (n, guide) in (i.guide ?? []).enumerated() {
            if guide.rows != nil && guide.columns == nil {
                problem([.key("guide"), .index(n), .key("rows")], "rows need columns", fix: "add the column headings under columns")
            }
            if let columns = guide.columns {
                for (r, row) in (guide.rows ?? []).enumerated() where row.count != columns.count {
                    problem([.key("guide"), .index(n), .key("rows"), .index(r)], "this row has \(row.count) cells but the guide has \(columns.count) columns",
                            fix: "give every row one cell per column")
                }
            }
        }
    }

    private mutating func checkScales() {
        if instrument.scales.isEmpty { problem([.key("scales")], "there are no scales", fix: "define at least one scale, e.g. yes/partly/no") }
        if !instrument.scales.isEmpty, instrument.scales[instrument.defaultScale] == nil {
            problem([.key("default_scale")], "no scale has this id", value: instrument.defaultScale,
                    fix: "use one of \(instrument.scales.keys.sorted().joined(separator: ", "))")
        }
        for (id, scale) in instrument.scales.sorted(by: { $0.key < $1.key }) {
            let path: [InstrumentLibrary.FieldStep] = [.key("scales"), .key(id)]
            switch scale.kind {
            case "text": break
            case "choice":
                let options = scale.options ?? []
                if options.isEmpty { problem(path + [.key("options")], "a choice scale needs options", fix: "list the answers, best first") }
                checkOptions(options, path: path + [.key("options")])
            default:
                problem(path + [.key("kind")], "unknown scale kind", value: scale.kind, fix: "write choice or text")
            }
        }
    }

    private mutating func checkOptions(_ options: [AssessmentInstrument.Option], path: [InstrumentLibrary.FieldStep]) {
        var seen: [String: String] = [:]
        for (n, option) in options.enumerated() {
            if let score = option.score, !Self.isUsable(score) {
                problem(path + [.index(n), .key("score")], "the score is \(score.isNaN ? "not a number" : score.isInfinite ? "infinite" : "too large")",
                        value: Self.text(score), fix: "use a number from -\(Self.numberBound) to \(Self.numberBound), e.g. 1 to 4")
            }
            for spelling in [option.value, option.displayLabel] + (option.spellings ?? []) {
                let key = AssessmentInstrument.answerKey(spelling)
                if key.isEmpty {
                    problem(path + [.index(n)], "an answer spelling is empty", value: spelling, fix: "remove it or write a word")
                } else if let other = seen[key], other != option.value {
                    problem(path + [.index(n)], "\"\(spelling)\" would mean both \(other) and \(option.value)", value: spelling,
                            fix: "give each spelling to one option")
                } else {
                    seen[key] = option.value
                }
            }
        }
    }

    private mutating func checkContext() {
        var ids: Set<String> = []
        for (n, question) in (instrument.context ?? []).enumerated() {
            let path: [InstrumentLibrary.FieldStep] = [.key("context"), .index(n)]
            if !ids.insert(AssessmentInstrument.idKey(question.id)).inserted {
                problem(path + [.key("id")], "two context questions have this id", value: question.id, fix: "give each its own id")
            }
            if let per = question.per, per != "subject", per != "respondent" {
                problem(path + [.key("per")], "unknown value", value: per, fix: "write subject or respondent")
            }
            if question.options.isEmpty { problem(path + [.key("options")], "a context question needs options", fix: "list its answers") }
            checkOptions(question.options, path: path + [.key("options")])
        }
    }

    private mutating func checkItems() {
        let i = instrument
        if i.items.isEmpty { problem([.key("items")], "there are no items", fix: "list the questions under items") }
        var ids: [String: Int] = [:]
        for question in i.context ?? [] { ids[AssessmentInstrument.idKey(question.id)] = -1 }
        let groupIDs = Set((i.groups ?? []).map(\.id))
        var groupSeen: Set<String> = []
        for (n, group) in (i.groups ?? []).enumerated() where !groupSeen.insert(group.id).inserted {
            problem([.key("groups"), .index(n), .key("id")], "two groups have this id", value: group.id, fix: "give each group its own id")
        }
        for (n, item) in i.items.enumerated() {
            let path: [InstrumentLibrary.FieldStep] = [.key("items"), .index(n)]
            for (k, name) in ([item.id] + (item.aliases ?? [])).enumerated() {
                let key = AssessmentInstrument.idKey(name)
                if key.isEmpty {
                    problem(path + [.key(k == 0 ? "id" : "aliases")], "the id is empty", fix: "give every item an id, e.g. Q1")
                } else if let other = ids[key], other != n {
                    problem(path + [.key(k == 0 ? "id" : "aliases")],
                            other < 0 ? "a context question has this id too" : "item \(other + 1) has this id or alias too", value: name,
                            fix: "give each item its own id")
                } else {
                    ids[key] = n
                }
            }
            if item.text.trimmingCharacters(in: .whitespaces).isEmpty { problem(path + [.key("text")], "the question is empty", fix: "write the question") }
            if let scale = item.scale, i.scales[scale] == nil {
                problem(path + [.key("scale")], "no scale has this id", value: scale, fix: "use one of \(i.scales.keys.sorted().joined(separator: ", "))")
            }
            if let group = item.group, !groupIDs.contains(group) {
                problem(path + [.key("group")], "no group has this id", value: group, fix: "add the group under groups, or correct the id")
            }
            for (question, values) in (item.appliesTo ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let context = i.contextQuestion(named: question) else {
                    problem(path + [.key("applies_to"), .key(question)], "no context question has this id", value: question,
                            fix: "define it under context, or correct the id")
                    continue
                }
                if context.per == "respondent" {
                    problem(path + [.key("applies_to"), .key(question)], "\(context.id) is answered per respondent, so it cannot decide whether a question is asked",
                            value: question, fix: "make \(context.id) per subject, or remove it from applies_to")
                }
                if values.isEmpty {
                    problem(path + [.key("applies_to"), .key(question)], "the list is empty, so the question is never asked", fix: "list the answers for which it is asked")
                }
                for value in values where AssessmentInstrument.option(value, in: context.options) == nil {
                    problem(path + [.key("applies_to"), .key(question)], "\(context.id) has no such answer", value: value,
                            fix: "use \(context.options.map(\.value).joined(separator: " or "))")
                }
            }
        }
    }

    private mutating func checkRule() {
        let i = instrument, rule = i.rule
        guard Self.ruleKinds.contains(rule.kind) else {
            problem([.key("rule"), .key("kind")], "unknown rule", value: rule.kind, fix: "write \(Self.ruleKinds.joined(separator: ", "))")
            return
        }
        if let combine = rule.combine, !Self.combinations.contains(combine) {
            problem([.key("rule"), .key("combine")], "unknown combination", value: combine, fix: "write strictest or majority")
        }
        switch rule.kind {
        case "levels":
            let dimensions = Set((i.dimensions ?? []).map(\.id)), levels = Set((i.levels ?? []).map(\.id))
            for (field, tiers) in [("dimensions", i.dimensions ?? []), ("levels", i.levels ?? [])] {
                var seen: Set<String> = []
                for (n, tier) in tiers.enumerated() where !seen.insert(tier.id).inserted {
                    problem([.key(field), .index(n), .key("id")], "this id is used twice", value: tier.id, fix: "give each its own id")
                }
            }
            for (n, group) in (i.groups ?? []).enumerated() where !i.items.contains(where: { $0.group == group.id }) {
                problem([.key("groups"), .index(n)], "the statement has no questions, so it could never be judged", value: group.id,
                        fix: "give it questions (items with \"group\": \"\(group.id)\"), or remove it")
            }
            for dimension in i.dimensions ?? [] {
                for level in i.levels ?? [] where !(i.groups ?? []).contains(where: { $0.dimension == dimension.id && $0.level == level.id }) {
                    problem([.key("levels")], "\(level.title) has no statements in \(dimension.title), so it would be reached without evidence",
                            value: "\(dimension.id) / \(level.id)", fix: "give every level at least one statement in every dimension")
                }
            }
            if dimensions.isEmpty { problem([.key("dimensions")], "the levels rule needs dimensions", fix: "list the dimensions, e.g. strategy, delivery, data") }
            if levels.isEmpty { problem([.key("levels")], "the levels rule needs levels", fix: "list the levels, lowest first") }
            for (n, group) in (i.groups ?? []).enumerated() {
                if !dimensions.contains(group.dimension ?? "") {
                    problem([.key("groups"), .index(n), .key("dimension")], "each statement needs one of the dimensions", value: group.dimension,
                            fix: "write \(dimensions.sorted().joined(separator: ", "))")
                }
                if !levels.contains(group.level ?? "") {
                    problem([.key("groups"), .index(n), .key("level")], "each statement needs one of the levels", value: group.level,
                            fix: "write \(levels.sorted().joined(separator: ", "))")
                }
            }
            for (n, item) in i.items.enumerated() where item.group == nil {
                problem([.key("items"), .index(n)], "under the levels rule every item belongs to a statement", value: item.id, fix: "add \"group\"")
            }
        case "flags":
            let flags = Set((rule.flags ?? []).map(\.id))
            if flags.isEmpty { problem([.key("rule"), .key("flags")], "the flags rule needs flags", fix: "list the flags answers can raise") }
            if rule.otherwise == nil { problem([.key("rule")], "the flags rule needs a verdict for when no flag applies", fix: "add \"otherwise\"") }
            var flagIDs: Set<String> = [], verdictIDs: Set<String> = []
            for (n, flag) in (rule.flags ?? []).enumerated() where !flagIDs.insert(flag.id).inserted {
                problem([.key("rule"), .key("flags"), .index(n), .key("id")], "two flags have this id", value: flag.id, fix: "give each flag its own id")
            }
            let allVerdicts = (rule.verdicts ?? []) + [rule.otherwise, rule.undecided].compactMap { $0 }
            for (n, verdict) in allVerdicts.enumerated() where !verdictIDs.insert(verdict.id).inserted {
                problem([.key("rule"), .key("verdicts"), .index(min(n, (rule.verdicts ?? []).count - 1))], "two verdicts have this id", value: verdict.id,
                        fix: "give each verdict its own id")
            }
            for (n, flag) in (rule.flags ?? []).enumerated() {
                for id in flag.whenVerdict ?? [] where !verdictIDs.contains(id) {
                    problem([.key("rule"), .key("flags"), .index(n), .key("when_verdict")], "no verdict has this id", value: id,
                            fix: "use \(verdictIDs.sorted().joined(separator: ", "))")
                }
            }
            for (n, verdict) in (rule.verdicts ?? []).enumerated() where (verdict.whenAny ?? []).isEmpty {
                problem([.key("rule"), .key("verdicts"), .index(n)], "the verdict names no flags, so it could never apply", value: verdict.id,
                        fix: "add when_any with the flags that lead to it")
            }
            for (n, verdict) in (rule.verdicts ?? []).enumerated() {
                for flag in verdict.whenAny ?? [] where !flags.contains(flag) {
                    problem([.key("rule"), .key("verdicts"), .index(n), .key("when_any")], "no flag has this id", value: flag, fix: "define it under rule.flags")
                }
            }
            for (n, item) in i.items.enumerated() {
                for (s, signal) in (item.signals ?? []).enumerated() {
                    let path: [InstrumentLibrary.FieldStep] = [.key("items"), .index(n), .key("signals"), .index(s)]
                    if !flags.contains(signal.flag) { problem(path + [.key("flag")], "no flag has this id", value: signal.flag, fix: "define it under rule.flags") }
                    let options = i.scale(of: item).options ?? []
                    if i.scale(of: item).isText {
                        problem(path, "signals need a choice scale; this item is answered in free text", fix: "give the item a choice scale, or remove its signals")
                        continue
                    }
                    for answer in signal.answers where AssessmentInstrument.option(answer, in: options) == nil {
                        problem(path + [.key("answers")], "the item's scale has no such answer", value: answer,
                                fix: "use \(options.map(\.value).joined(separator: ", "))")
                    }
                }
            }
        case "scores":
            let thresholds = [("red_below", rule.redBelow), ("amber_below", rule.amberBelow)]
            for case let (field, value?) in thresholds where !Self.isUsable(value) {
                problem([.key("rule"), .key(field)], "the threshold is \(value.isNaN ? "not a number" : value.isInfinite ? "infinite" : "too large")",
                        value: Self.text(value), fix: "use a number between the lowest and highest score, e.g. 2")
            }
            guard thresholds.allSatisfy({ $0.1.map(Self.isUsable) ?? true }) else { return }
            if rule.redBelow == nil || rule.amberBelow == nil {
                problem([.key("rule")], "the scores rule needs red_below and amber_below", fix: "add the two thresholds of the rating")
            } else if let red = rule.redBelow, let amber = rule.amberBelow, red > amber {
                problem([.key("rule"), .key("red_below")], "red_below is above amber_below", value: Self.text(red), fix: "make red_below at most amber_below")
            }
            let used = Set(i.items.map { $0.scale ?? i.defaultScale })
            for id in used.sorted() {
                guard let scale = i.scales[id] else { continue }
                let path: [InstrumentLibrary.FieldStep] = [.key("scales"), .key(id)]
                if scale.isText {
                    problem(path + [.key("kind")], "under the scores rule answers are scores, not free text", fix: "make it a choice scale with scored options")
                    continue
                }
                let options = scale.options ?? []
                for (k, option) in options.enumerated() {
                    if option.effectiveMeaning == .notApplicable {
                        problem(path + [.key("options"), .index(k)], "the scores rule has no not-applicable answer", value: option.value,
                                fix: "give it a score, or the meaning unknown (don't know)")
                    } else if let score = option.score {
                        if Self.isUsable(score), score != score.rounded() {
                            problem(path + [.key("options"), .index(k), .key("score")], "scores must be whole numbers", value: Self.text(score), fix: "use whole numbers, e.g. 1 to 4")
                        }
                    } else if option.effectiveMeaning != .unknown {
                        problem(path + [.key("options"), .index(k)], "under the scores rule every answer needs a score", value: option.value,
                                fix: "give it a score, or the meaning unknown (don't know)")
                    }
                }
                let scores = Set(options.compactMap(\.score))
                guard scores.allSatisfy(Self.isUsable) else { continue }
                if scores.count < 2 {
                    problem(path + [.key("options")], "the scores rule needs at least two different scores", fix: "score the options, e.g. 1 to 4")
                } else if let low = scores.min(), let high = scores.max(), let red = rule.redBelow, let amber = rule.amberBelow,
                          red < low || amber > high + 1 {
                    problem([.key("rule")], "red_below and amber_below should lie within the scores (\(Self.text(low)) to \(Self.text(high)))",
                            value: "\(Self.text(red)), \(Self.text(amber))", fix: "set thresholds between the lowest and highest score")
                }
            }
        default:
            break
        }
    }
}
