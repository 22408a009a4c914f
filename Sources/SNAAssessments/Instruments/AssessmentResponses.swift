import SNACore
import SNAIO

/// One answer to one item of an instrument.
public struct AssessmentAnswer: Sendable, Equatable {
    /// What was assessed: the service, agreement, outcome or area; empty when the file names none.
    public var subject: String
    /// Who answered; empty when the file names nobody.
    public var respondent: String
    /// The item's id as the instrument spells it.
    public var item: String
    /// The answer as written.
    public var text: String
    /// The option it names, on a choice scale.
    public var option: AssessmentInstrument.Option?
    /// The respondent's comment.
    public var comment: String?
    /// Where it was read.
    public var location: SourceLocation?
}

/// A context answer, e.g. that an agreement pools resources or that a respondent is strategic.
public struct ContextAnswer: Sendable, Equatable {
    /// The subject it belongs to.
    public var subject: String
    /// The respondent, for per-respondent questions; empty otherwise.
    public var respondent: String
    /// The context question's id.
    public var question: String
    /// The option's value.
    public var value: String
    /// Where it was read.
    public var location: SourceLocation?
}

/// A filled-in response sheet, read against its instrument.
public struct AssessmentResponses: Sendable {
    /// The answers, in file order (empty answers are left out: not answered).
    public var answers: [AssessmentAnswer]
    /// The context answers.
    public var context: [ContextAnswer]
    /// Rules applied while reading (an unknown column ignored, say).
    public var warnings: [Diagnostic]
    /// Every subject the sheet names, answered or not, in order of first appearance.
    public var subjects: [String] = []
}

/// Reads response sheets: a CSV with columns `item` and `answer`, and optional
/// `respondent`, `subject` and `comment` (docs/instruments.md). The columns
/// `snatool assess template` adds to help people answer (`question`,
/// `group`, `choices`, `applies_to`, `guidance`) and `organisation` are
/// ignored; a column headed with a context question's id (e.g. `layer`)
/// answers it on every row; any other column gets a warning. Errors name file, line and column: an unknown item, an
/// answer not on its scale, the same respondent answering an item twice.
public enum AssessmentResponseReader {
    static let itemSpellings = ["item", "item id", "question id", "id", "ref", "reference", "question"]
    static let answerSpellings = ["answer", "response", "score", "rating", "value"]
    static let respondentSpellings = ["respondent", "participant", "name", "person", "answered by"]
    static let subjectSpellings = ["subject", "service", "agreement", "outcome", "partnership", "area", "activity"]
    static let commentSpellings = ["comment", "comments", "note", "notes", "why", "evidence"]
    static let helperColumns: Set<String> = ["question", "text", "group", "statement", "choices", "applies to", "guidance", "level", "dimension", "asked for", "organisation", "organization"]

    /// Reads a response sheet from a file (`-` for standard input).
    public static func read(path: String, instrument: AssessmentInstrument) throws(InputError) -> AssessmentResponses {
        try read(CSVReader.read(path: path), instrument: instrument)
    }

    /// Reads a parsed response sheet.
    public static func read(_ table: CSVTable, instrument: AssessmentInstrument) throws(InputError) -> AssessmentResponses {
        let labels = table.header.map { NameKey.label($0) }
        func column(_ spellings: [String], excluding: Set<Int> = []) -> Int? {
            for spelling in spellings {
                if let index = labels.indices.first(where: { labels[$0] == spelling && !excluding.contains($0) }) { return index }
            }
            return nil
        }
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        guard let itemColumn = column(itemSpellings), let answerColumn = column(answerSpellings, excluding: [itemColumn]) else {
            throw InputError(.badData, [Diagnostic(.error, code: "assess.missing-column", at: SourceLocation(file: table.file, line: table.headerLine),
                                                   "the sheet needs an item column and an answer column", value: table.header.joined(separator: ","),
                                                   fix: "head the columns item and answer (snatool assess template writes a sheet to fill in)")])
        }
        let used: Set<Int> = [itemColumn, answerColumn]
        let respondentColumn = column(respondentSpellings, excluding: used)
        let subjectColumn = column(subjectSpellings, excluding: used)
        let commentColumn = column(commentSpellings, excluding: used)
        // A column headed with a context question's id (e.g. layer) answers it on every row.
        let contextColumns: [(Int, AssessmentInstrument.ContextQuestion)] = (instrument.context ?? []).compactMap { question in
            column([NameKey.label(question.id)], excluding: used).map { ($0, question) }
        }
        let known = used.union([respondentColumn, subjectColumn, commentColumn].compactMap { $0 }).union(contextColumns.map(\.0))
        for (index, label) in labels.enumerated() where !known.contains(index) && !helperColumns.contains(label) {
            warnings.append(Diagnostic(.warning, code: "assess.column-ignored", at: SourceLocation(file: table.file, line: table.headerLine, column: index + 1),
                                       "this column is not read", value: table.header[index],
                                       fix: "rename it item, answer, respondent, subject or comment if it holds one of those"))
        }

        var answers: [AssessmentAnswer] = []
        var context: [ContextAnswer] = []
        var seen: [String: Int] = [:]
        func cell(_ record: CSVRecord, _ column: Int?) -> String {
            column.map { NameKey.cleaned(record.fields[$0]) } ?? ""
        }
        var contextLines: [String: (value: String, line: Int)] = [:]
        func addContext(_ question: AssessmentInstrument.ContextQuestion, _ raw: String, subject: String, respondent: String, line: Int, at: SourceLocation) {
            guard let option = AssessmentInstrument.option(raw, in: question.options) else {
                problems.append(Diagnostic(.error, code: "assess.bad-answer", at: at, "not an answer to \(question.id)", value: raw,
                                           fix: "write \(question.options.map(\.value).joined(separator: " or "))"))
                return
            }
            let perRespondent = question.per == "respondent"
            let key = [NameKey.key(subject), perRespondent ? NameKey.key(respondent) : "", question.id].joined(separator: "\u{1F}")
            if let known = contextLines[key] {
                if known.value != option.value {
                    problems.append(Diagnostic(.error, code: "assess.context-conflict", at: at,
                                               "\(question.id) is \(option.value) here but \(known.value) on line \(known.line)",
                                               fix: perRespondent ? "give each respondent one \(question.id)" : "give each subject one \(question.id)"))
                }
                return
            }
            contextLines[key] = (option.value, line)
            context.append(ContextAnswer(subject: subject, respondent: perRespondent ? respondent : "", question: question.id, value: option.value, location: at))
        }
        var subjects: [String] = [], subjectKeys: Set<String> = []
        for record in table.records {
            if problems.count >= CSVReader.maximumErrors {
                problems.append(Diagnostic(.error, code: "csv.stopped", at: SourceLocation(file: table.file, line: record.line),
                                           "stopped reading after \(CSVReader.maximumErrors) problems", fix: "correct these and run again"))
                break
            }
            let rawItem = cell(record, itemColumn), rawAnswer = cell(record, answerColumn)
            let subject = cell(record, subjectColumn), respondent = cell(record, respondentColumn)
            if !rawItem.isEmpty, subjectKeys.insert(NameKey.key(subject)).inserted { subjects.append(subject) }
            let itemAt = table.location(line: record.line, column: itemColumn + 1)
            let answerAt = table.location(line: record.line, column: answerColumn + 1)
            if rawItem.isEmpty {
                if !rawAnswer.isEmpty {
                    problems.append(Diagnostic(.error, code: "assess.missing-item", at: itemAt, "this answer names no item", value: rawAnswer,
                                               fix: "write the item's id, e.g. \(instrument.items[0].id)"))
                }
                continue
            }
            for (index, question) in contextColumns {
                let value = cell(record, index)
                if !value.isEmpty { addContext(question, value, subject: subject, respondent: respondent, line: record.line, at: table.location(line: record.line, column: index + 1)) }
            }
            if let question = instrument.contextQuestion(named: rawItem) {
                if !rawAnswer.isEmpty { addContext(question, rawAnswer, subject: subject, respondent: respondent, line: record.line, at: answerAt) }
                continue
            }
            guard let item = instrument.item(named: rawItem) else {
                let sample = instrument.items.prefix(4).map(\.id).joined(separator: ", ")
                problems.append(Diagnostic(.error, code: "assess.unknown-item", at: itemAt, "the instrument \(instrument.id) has no such item", value: rawItem,
                                           fix: "use the ids of `snatool instruments show \(instrument.id)` (\(sample), ...)"))
                continue
            }
            guard !rawAnswer.isEmpty else { continue }
            let scale = instrument.scale(of: item)
            var option: AssessmentInstrument.Option?
            if !scale.isText {
                option = AssessmentInstrument.option(rawAnswer, in: scale.options ?? [])
                if option == nil {
                    problems.append(Diagnostic(.error, code: "assess.bad-answer", at: answerAt, "not an answer on the scale of \(item.id)", value: rawAnswer,
                                               fix: "write \((scale.options ?? []).map(\.displayLabel).joined(separator: ", ")); leave it empty if not answered"))
                    continue
                }
            }
            let key = [NameKey.key(subject), NameKey.key(respondent), item.id].joined(separator: "\u{1F}")
            if let first = seen[key] {
                let who = respondent.isEmpty ? "\(item.id) was answered" : "'\(respondent)' answered \(item.id)"
                problems.append(Diagnostic(.error, code: "assess.duplicate-answer", at: answerAt,
                                           "\(who) already on line \(first)\(subject.isEmpty ? "" : " for '\(subject)'")",
                                           fix: respondent.isEmpty && respondentColumn == nil ? "keep one answer per item, or add a respondent column when several people answered"
                                               : "keep one answer per respondent and item"))
                continue
            }
            seen[key] = record.line
            let comment = cell(record, commentColumn)
            answers.append(AssessmentAnswer(subject: subject, respondent: respondent, item: item.id, text: rawAnswer, option: option,
                                            comment: comment.isEmpty ? nil : comment, location: answerAt))
        }
        if problems.isEmpty && answers.isEmpty {
            problems.append(Diagnostic(.error, code: "assess.no-answers", at: SourceLocation(file: table.file), "the sheet holds no answers",
                                       fix: "fill in the answer column"))
        }
        if !problems.isEmpty { throw InputError(.badData, warnings + problems) }
        return AssessmentResponses(answers: answers, context: context, warnings: warnings, subjects: subjects)
    }
}
