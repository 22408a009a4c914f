import SNACore
import SNAIO

/// Blank scoring sheets for a workshop: a CSV to type scores into (the wide
/// layout `dca score` reads) and a printable one-page HTML form.
public struct DCATemplate: Sendable {
    /// A participant known before the workshop.
    public struct Participant: Sendable {
        /// Name or role.
        public var name: String
        /// Organisation.
        public var organisation: String?
        /// Layer.
        public var layer: Layer?
    }

    /// The outcome the workshop examines.
    public var outcome: String
    /// The participants, or none for blank rows.
    public var participants: [Participant]
    /// The instrument.
    public var instrument: Instrument

    /// Creates a template.
    public init(outcome: String, participants: [Participant] = [], instrument: Instrument = .deliveryChain) {
        self.outcome = outcome
        self.participants = participants
        self.instrument = instrument
    }

    /// Reads participants: a `participant` (or `name`) column, optional `organisation` and `layer`.
    public static func participants(path: String) throws(InputError) -> [Participant] {
        let table = try CSVReader.read(path: path)
        let labels = table.header.map { NameKey.label($0) }
        guard let name = labels.firstIndex(where: DCAResponseReader.participantSpellings.contains) else {
            throw InputError(.badData, [Diagnostic(.error, code: "participants.missing-column", at: SourceLocation(file: path, line: table.headerLine),
                                                   "there is no participant column", fix: "head the column of names 'participant'")])
        }
        let organisation = labels.firstIndex(where: DCAResponseReader.organisationSpellings.contains), layer = labels.firstIndex(of: "layer")
        return table.records.compactMap { record in
            let person = NameKey.cleaned(record.fields[name])
            guard !person.isEmpty else { return nil }
            return Participant(name: person, organisation: organisation.map { NameKey.cleaned(record.fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 },
                               layer: layer.flatMap { Layer(spelling: record.fields[$0]) })
        }
    }

    /// The scoring sheet as CSV: one row per participant (15 blank rows without a list).
    public func csv() -> String {
        var writer = CSVWriter(header: ["outcome", "participant", "organisation", "layer"] + instrument.questions.map { "q\($0.id)" }
                               + instrument.questions.map { "comment_q\($0.id)" })
        let rows = participants.isEmpty ? (0..<15).map { _ in Participant(name: "", organisation: nil, layer: nil) } : participants
        for person in rows {
            writer.append([.text(outcome), .text(person.name), .text(person.organisation ?? ""), .text(person.layer?.rawValue ?? "")]
                          + instrument.questions.map { _ in "" } + instrument.questions.map { _ in "" })
        }
        return writer.output
    }

    /// The printable form: one page per participant (one blank page without a list).
    public func html() -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        let people = participants.isEmpty ? [Participant(name: "", organisation: nil, layer: nil)] : participants
        let scale = instrument.scale.points
        var body = ""
        for person in people {
            body += "<section class=\"form\"><h1>\(e(instrument.title))</h1><p class=\"outcome\">Outcome: <strong>\(e(outcome))</strong></p>\n"
            body += "<p class=\"who\">Name: <span class=\"fill\">\(e(person.name))</span> Organisation: <span class=\"fill\">\(e(person.organisation ?? ""))</span> Layer: <span class=\"fill short\">\(e(person.layer?.rawValue ?? ""))</span></p>\n"
            body += "<p class=\"how\">For each question, tick one box: " + scale.map { "\($0.value) \(e($0.label))" }.joined(separator: ", ") + ", or don't know.</p>\n"
            body += "<table><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Question</th>" + scale.map { "<th scope=\"col\">\($0.value)</th>" }.joined() + "<th scope=\"col\">Don't know</th></tr></thead><tbody>"
            for question in instrument.questions {
                body += "<tr><td>\(question.id)</td><td>\(e(question.text))</td>" + scale.map { _ in "<td class=\"box\">☐</td>" }.joined() + "<td class=\"box\">☐</td></tr>"
            }
            body += "</tbody></table>\n<p class=\"comments\">Comments (say which question):</p><div class=\"lines\"></div></section>\n"
        }
        let style = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; color: #222; margin: 1.5rem; }
            h1 { font-size: 1.3rem; margin: 0 0 0.3rem; } .outcome { margin: 0 0 0.6rem; } .how { font-size: 0.85rem; color: #444; }
            .fill { display: inline-block; min-width: 14rem; border-bottom: 1px solid #444; margin-right: 1rem; } .fill.short { min-width: 6rem; }
            table { border-collapse: collapse; width: 100%; font-size: 0.85rem; } th, td { border: 1px solid #999; padding: 0.25rem 0.35rem; }
            th { background: #f0f0f0; } .box { text-align: center; font-size: 1.1rem; width: 2.6rem; }
            .comments { margin-top: 0.8rem; } .lines { height: 5rem; background: repeating-linear-gradient(#fff 0, #fff 1.55rem, #bbb 1.6rem); }
            @media print { body { margin: 0; } .form { page-break-after: always; } }
            """
        return HTMLText.page(title: "\(instrument.title): \(outcome)", style: style, body: body)
    }
}
