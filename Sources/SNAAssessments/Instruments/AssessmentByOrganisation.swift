import SNACore
import SNAIO

/// A `levels` instrument (the CIPFA framework) judged once per organisation,
/// when the response sheet has an `organisation` column: each local body's
/// levels reached, and the statements every local body must meet ("Each
/// local body ...", "Each body ...") judged across all of them: met only when
/// every organisation meets it (docs/instruments.md).
public struct AssessmentByOrganisation: Sendable {
    /// Each organisation, in the sheet's order, with its assessment.
    public let organisations: [(name: String, assessment: Assessment)]
    /// The statements every local body must meet, each with whether each organisation (in order) meets it.
    public let everyBody: [(statement: AssessmentInstrument.Group, met: [Bool])]

    /// The spellings of the organisation column.
    static let organisationSpellings: Set<String> = ["organisation", "organization", "body", "local body", "agency"]

    /// Whether a statement is one every local body must meet: its text says so ("Each local body", "Each body").
    public static func appliesToEveryBody(_ statement: AssessmentInstrument.Group) -> Bool {
        let text = NameKey.label(statement.title)
        return text.hasPrefix("each local body") || text.hasPrefix("each body")
    }

    /// The sheet judged per organisation, or `nil` when it has no organisation
    /// column or the instrument is not judged by levels.
    ///
    /// - Throws: ``InputError`` for the sheet's problems, as ``Assessment`` reports them, with their lines.
    public init?(instrument: AssessmentInstrument, table: CSVTable) throws(InputError) {
        guard instrument.rule.kind == "levels",
              let column = table.header.map({ NameKey.label($0) }).firstIndex(where: Self.organisationSpellings.contains) else { return nil }
        var order: [String] = []
        var rows: [String: [CSVRecord]] = [:]
        for record in table.records {
            let name = NameKey.cleaned(record.fields[column])
            guard !name.isEmpty else { continue }
            let key = NameKey.key(name)
            if rows[key] == nil { order.append(name) }
            rows[key, default: []].append(record)
        }
        guard !order.isEmpty else { return nil }
        var organisations: [(name: String, assessment: Assessment)] = []
        for name in order {
            var part = table
            part.records = rows[NameKey.key(name)]!
            organisations.append((name, try Assessment(instrument: instrument, responses: try AssessmentResponseReader.read(part, instrument: instrument))))
        }
        self.organisations = organisations
        everyBody = (instrument.groups ?? []).filter(Self.appliesToEveryBody).map { statement in
            (statement, organisations.map { organisation in
                organisation.assessment.subjects.allSatisfy { subject in
                    guard case .levels(let levels) = subject.judgement else { return false }
                    return levels.statements.first { $0.group.id == statement.id }?.met ?? false
                }
            })
        }
    }

    /// The result as a part of the partnership report: one row per
    /// organisation with the level reached in each dimension, and the
    /// statements every local body must meet, per organisation and across all.
    public func htmlSection() -> String {
        let e = HTMLText.escape
        guard let instrument = organisations.first?.assessment.instrument else { return "" }
        let dimensions = instrument.dimensions ?? [], levels = instrument.levels ?? []
        func title(_ level: String?) -> String { level.flatMap { id in levels.first { $0.id == id }?.title } ?? "below \(levels.first?.title ?? "the first level")" }
        var html = "<p>The framework judged for each local body on its own answers (the sheet's organisation column); a subject assessed by several bodies is judged for each.</p>"
        html += "<table class=\"sortable\"><caption>Level reached by each local body</caption><thead><tr><th scope=\"col\">Local body</th>"
        html += dimensions.map { "<th scope=\"col\">\(e($0.title))</th>" }.joined() + "</tr></thead><tbody>"
        for organisation in organisations {
            for subject in organisation.assessment.subjects {
                guard case .levels(let judgement) = subject.judgement else { continue }
                let label = organisation.assessment.subjects.count > 1 ? "\(organisation.name) (\(subject.subject))" : organisation.name
                html += "<tr><th scope=\"row\">\(e(label))</th>" + dimensions.map { "<td>\(e(title(judgement.reached[$0.id])))</td>" }.joined() + "</tr>"
            }
        }
        html += "</tbody></table>"
        guard !everyBody.isEmpty else { return html }
        html += "<p>Statements every local body must meet (those that begin \"Each local body\" or \"Each body\"): met across the area only when every body meets it.</p>"
        html += "<table><caption>Statements every local body must meet</caption><thead><tr><th scope=\"col\">Statement</th>"
        html += organisations.map { "<th scope=\"col\">\(e($0.name))</th>" }.joined() + "<th scope=\"col\">Across all</th></tr></thead><tbody>"
        for (statement, met) in everyBody {
            html += "<tr><th scope=\"row\">\(e(statement.id)) \(e(statement.title))</th>"
            html += met.map { "<td>\($0 ? "met" : "not met")</td>" }.joined()
            let missing = zip(organisations, met).filter { !$1 }.map(\.0.name)
            html += "<td>\(missing.isEmpty ? "met" : "not met (\(e(missing.joined(separator: ", "))))")</td></tr>"
        }
        return html + "</tbody></table>"
    }
}
