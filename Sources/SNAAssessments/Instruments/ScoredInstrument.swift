import SNACore

extension AssessmentInstrument {
    /// The delivery chain instrument (or another scored questionnaire) in the
    /// general form: items `Q1`... with the number and key as aliases, the
    /// score scale, a `layer` context question per respondent and the `scores` rule.
    public init(deliveryChain dca: Instrument) {
        let options = dca.scale.points.map { point in
            Option(value: String(point.value), label: point.label, meaning: nil, score: Double(point.value),
                   spellings: point.spellings.filter { $0 != String(point.value) })
        } + [Option(value: "dont-know", label: "don't know", meaning: .unknown, spellings: dca.scale.dontKnow)]
        self.init(
            format: Self.formatTag, id: dca.id, title: dca.title, source: dca.source,
            description: "Twelve questions on the chain from strategy to the front line for one Local Area Agreement outcome, scored by 12-15 partners in a workshop. The same scoring as `snatool dca score`: per question the mean, spread, red/amber/green rating, the gap between strategic and operational scores, and priorities.",
            subject: "LAA outcome",
            scales: ["score": Scale(kind: "choice", options: options)],
            defaultScale: "score",
            context: [ContextQuestion(id: "layer", text: "Which layer does the respondent work at?", per: "respondent", options: Layer.allCases.map { layer in
                Option(value: layer.rawValue, spellings: Layer.spellings[layer])
            })],
            dimensions: nil, levels: nil, groups: nil,
            items: dca.questions.map { question in
                Item(id: "Q\(question.id)", text: question.text, group: nil, scale: nil, appliesTo: nil, guidance: nil,
                     aliases: [String(question.id), question.key], actions: question.actions, signals: nil)
            },
            rule: Rule(kind: "scores", redBelow: dca.rating.redBelow, amberBelow: dca.rating.amberBelow),
            guide: nil)
    }

    /// The questions, scale and rating of a `scores` instrument, as the DCA scoring reads them.
    public func scoringInstrument() -> Instrument {
        let scale = scales[defaultScale]?.options ?? []
        let points = scale.compactMap { option -> Instrument.Point? in
            guard let score = option.score else { return nil }
            return Instrument.Point(value: Int(score.rounded()), label: option.displayLabel, spellings: [option.value] + (option.spellings ?? []))
        }
        let dontKnow = scale.filter { $0.score == nil }.flatMap { [$0.value, $0.displayLabel] + ($0.spellings ?? []) }
        return Instrument(
            id: id, title: title, source: source,
            scale: Instrument.Scale(points: points, dontKnow: dontKnow),
            rating: Instrument.Rating(redBelow: rule.redBelow ?? 0, amberBelow: rule.amberBelow ?? 0),
            questions: items.enumerated().map { n, item in
                // The key is the first word-like alias (the DCA keys), else the id.
                Instrument.Question(id: n + 1, key: item.aliases?.first { Int($0) == nil } ?? item.id, text: item.text, actions: item.actions ?? [])
            })
    }
}
