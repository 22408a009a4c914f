import SNACore
import SNAIO

/// One participant's answer to one question for one outcome.
public struct DCAResponse: Sendable, Equatable {
    /// The Local Area Agreement outcome the workshop examined.
    public var outcome: String
    /// Who answered.
    public var participant: String
    /// Their organisation, when given.
    public var organisation: String?
    /// Their layer, when given.
    public var layer: Layer?
    /// The question's number.
    public var question: Int
    /// The answer.
    public var answer: Answer
    /// Their comment, when given.
    public var comment: String?
    /// Where the answer was read.
    public var location: SourceLocation?

    /// Creates a response.
    public init(outcome: String, participant: String, organisation: String? = nil, layer: Layer? = nil,
                question: Int, answer: Answer, comment: String? = nil, location: SourceLocation? = nil) {
        self.outcome = outcome
        self.participant = participant
        self.organisation = organisation
        self.layer = layer
        self.question = question
        self.answer = answer
        self.comment = comment
        self.location = location
    }
}

/// Reads workshop scores.
///
/// - Long layout: one row per participant and question, columns `outcome`,
///   `participant`, `question` (number, `q3`, or key), `score` (number or
///   label, or "don't know"), optional `organisation`, `layer`, `comment`.
/// - Wide layout: one row per participant and outcome, one column per question
///   (`q1`..`q12`, or keys), optional `comment_q1` (or `q1 comment`) columns.
///
/// An empty score is a question not answered and is left out. Errors, each
/// with file and line: a missing outcome or participant, an unknown question,
/// a score not on the scale, the same participant scoring the same question
/// twice for one outcome.
public enum DCAResponseReader {
    static let outcomeSpellings: Set<String> = ["outcome", "laa outcome", "target", "laa target", "priority"]
    static let participantSpellings: Set<String> = ["participant", "name", "respondent", "person", "participant name"]
    static let organisationSpellings: Set<String> = ["organisation", "organization", "org", "agency", "partner"]
    static let questionSpellings: Set<String> = ["question", "question id", "item"]
    static let scoreSpellings: Set<String> = ["score", "answer", "rating", "value"]
    static let commentSpellings: Set<String> = ["comment", "comments", "note", "notes", "why"]

    /// Reads a responses file.
    public static func read(path: String, instrument: Instrument = .deliveryChain) throws(InputError) -> [DCAResponse] {
        var warnings: [Diagnostic] = []
        return try read(CSVReader.read(path: path), instrument: instrument, warnings: &warnings)
    }

    /// Reads a responses file; columns it does not read are added to `warnings`.
    public static func read(path: String, instrument: Instrument = .deliveryChain, warnings: inout [Diagnostic]) throws(InputError) -> [DCAResponse] {
        try read(CSVReader.read(path: path), instrument: instrument, warnings: &warnings)
    }

    /// Reads a parsed responses table.
    public static func read(_ table: CSVTable, instrument: Instrument = .deliveryChain) throws(InputError) -> [DCAResponse] {
        var warnings: [Diagnostic] = []
        return try read(table, instrument: instrument, warnings: &warnings)
    }

    /// Reads a parsed responses table; columns it does not read (a timestamp,
    /// a misspelt header) are added to `warnings`.
    public static func read(_ table: CSVTable, instrument: Instrument = .deliveryChain, warnings: inout [Diagnostic]) throws(InputError) -> [DCAResponse] {
        let labels = table.header.map { NameKey.label($0) }
        func column(_ spellings: Set<String>) -> Int? { labels.firstIndex(where: spellings.contains) }
        var problems: [Diagnostic] = []
        let outcome = column(outcomeSpellings), participant = column(participantSpellings)
        for (name, found) in [("outcome", outcome), ("participant", participant)] where found == nil {
            problems.append(Diagnostic(.error, code: "dca.missing-column", at: SourceLocation(file: table.file, line: table.headerLine),
                                       "there is no \(name) column", fix: "add a column headed \(name)"))
        }
        guard let outcome, let participant else { throw InputError(.badData, problems) }
        let organisation = column(organisationSpellings), layer = column(["layer", "level"])
        var responses: [DCAResponse] = []
        var seen: [String: Int] = [:]

        func cell(_ record: CSVRecord, _ column: Int?) -> String? {
            column.map { NameKey.cleaned(record.fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func add(_ record: CSVRecord, question: Instrument.Question, raw: String, rawColumn: Int, comment: String?) {
            let at = table.location(line: record.line, column: rawColumn + 1)
            guard let outcomeName = cell(record, outcome) else {
                problems.append(Diagnostic(.error, code: "dca.missing-outcome", at: table.location(line: record.line, column: outcome + 1),
                                           "the outcome is empty", fix: "write the LAA outcome the workshop examined"))
                return
            }
            guard let person = cell(record, participant) else {
                problems.append(Diagnostic(.error, code: "dca.missing-participant", at: table.location(line: record.line, column: participant + 1),
                                           "the participant is empty", fix: "write who gave the score"))
                return
            }
            guard let answer = instrument.score(of: raw) else {
                let allowed = instrument.scale.points.map { "\($0.value) (\($0.label))" }.joined(separator: ", ")
                problems.append(Diagnostic(.error, code: "dca.bad-score", at: at, "not a score on the scale", value: raw,
                                           fix: "write \(allowed), or \"don't know\"; leave it empty if not answered"))
                return
            }
            var personLayer: Layer?
            if let raw = cell(record, layer) {
                personLayer = Layer(spelling: raw)
                if personLayer == nil {
                    problems.append(Diagnostic(.error, code: "dca.unknown-layer", at: table.location(line: record.line, column: layer! + 1),
                                               "unknown layer", value: raw, fix: "write strategic, executive or operational, or leave it empty"))
                    return
                }
            }
            let key = [NameKey.key(outcomeName), NameKey.key(person), String(question.id)].joined(separator: "\u{1F}")
            if let first = seen[key] {
                problems.append(Diagnostic(.error, code: "dca.duplicate-score", at: at,
                                           "'\(person)' scored question \(question.id) (\(question.key)) for this outcome already, on line \(first)",
                                           fix: "keep one score per participant, question and outcome"))
                return
            }
            seen[key] = record.line
            responses.append(DCAResponse(outcome: outcomeName, participant: person, organisation: cell(record, organisation),
                                         layer: personLayer, question: question.id, answer: answer, comment: comment, location: at))
        }

        var read: Set<Int> = [outcome, participant]
        for index in [organisation, layer].compactMap({ $0 }) { read.insert(index) }
        defer {
            for (index, header) in table.header.enumerated() where !read.contains(index) {
                warnings.append(Diagnostic(.warning, code: "dca.column-ignored", at: SourceLocation(file: table.file, line: table.headerLine, column: index + 1),
                                           "this column is not read", value: header,
                                           fix: "rename it if it holds scores (q1 ... q\(instrument.questions.count)) or comments (comment_q1 ...)"))
            }
        }
        if let questionColumn = column(questionSpellings), let scoreColumn = column(scoreSpellings) {
            let comment = column(commentSpellings)
            read.formUnion([questionColumn, scoreColumn])
            if let comment { read.insert(comment) }
            for record in table.records {
                let rawQuestion = NameKey.cleaned(record.fields[questionColumn])
                guard let question = instrument.question(named: rawQuestion) else {
                    problems.append(Diagnostic(.error, code: "dca.unknown-question", at: table.location(line: record.line, column: questionColumn + 1),
                                               "unknown question", value: rawQuestion,
                                               fix: "write a number from 1 to \(instrument.questions.count), or a key: \(instrument.questions.map(\.key).joined(separator: ", "))"))
                    continue
                }
                guard let raw = cell(record, scoreColumn) else { continue }
                add(record, question: question, raw: raw, rawColumn: scoreColumn, comment: cell(record, comment))
            }
        } else {
            // Wide: question columns and their comment columns.
            var questionColumns: [(Int, Instrument.Question)] = []
            var commentColumns: [Int: Int] = [:]
            for (index, label) in labels.enumerated() {
                let words = label.split(separator: " ")
                if let question = instrument.question(named: label) {
                    questionColumns.append((index, question))
                    read.insert(index)
                } else if words.count == 2, commentSpellings.contains(String(words[0])) || commentSpellings.contains(String(words[1])),
                          let question = instrument.question(named: String(commentSpellings.contains(String(words[0])) ? words[1] : words[0])) {
                    commentColumns[question.id] = index
                    read.insert(index)
                } else if let first = words.first, first.hasPrefix("q"), Int(first.dropFirst()) != nil {
                    problems.append(Diagnostic(.error, code: "dca.unknown-question", at: SourceLocation(file: table.file, line: table.headerLine, column: index + 1),
                                               "the column names a question the instrument does not have", value: table.header[index],
                                               fix: "questions are q1 to q\(instrument.questions.count)"))
                }
            }
            if questionColumns.isEmpty {
                problems.append(Diagnostic(.error, code: "dca.no-questions", at: SourceLocation(file: table.file, line: table.headerLine),
                                           "there are no question columns, and no question and score columns",
                                           fix: "use columns question and score (one row per answer), or q1 to q\(instrument.questions.count) (one row per participant)"))
            }
            if let generic = column(commentSpellings) {
                read.insert(generic)
                for record in table.records where cell(record, generic) != nil {
                    problems.append(Diagnostic(.error, code: "dca.unplaced-comment", at: table.location(line: record.line, column: generic + 1),
                                               "this comment is not tied to a question", value: cell(record, generic) ?? "",
                                               fix: "move it to the comment column of its question (comment_q1 ... comment_q\(instrument.questions.count))"))
                }
            }
            for record in table.records {
                for (index, question) in questionColumns {
                    guard let raw = cell(record, index) else { continue }
                    add(record, question: question, raw: raw, rawColumn: index, comment: cell(record, commentColumns[question.id]))
                }
            }
        }
        // One layer per participant and outcome: given on any row, it holds for all their rows.
        var layers: [String: (layer: Layer, line: Int)] = [:]
        for response in responses {
            guard let layer = response.layer else { continue }
            let key = NameKey.key(response.outcome) + "\u{1F}" + NameKey.key(response.participant)
            if let known = layers[key], known.layer != layer {
                problems.append(Diagnostic(.error, code: "dca.layer-conflict", at: response.location,
                                           "'\(response.participant)' is \(layer.rawValue) here but \(known.layer.rawValue) on line \(known.line)",
                                           fix: "give each participant one layer"))
            } else if layers[key] == nil {
                layers[key] = (layer, response.location?.line ?? 0)
            }
        }
        for index in responses.indices where responses[index].layer == nil {
            responses[index].layer = layers[NameKey.key(responses[index].outcome) + "\u{1F}" + NameKey.key(responses[index].participant)]?.layer
        }
        if !problems.isEmpty { throw InputError(.badData, problems) }
        if responses.isEmpty {
            throw InputError(.badData, [Diagnostic(.error, code: "dca.no-scores", at: SourceLocation(file: table.file),
                                                   "the file holds no scores", fix: "fill in the scores below the header")])
        }
        return responses
    }
}
