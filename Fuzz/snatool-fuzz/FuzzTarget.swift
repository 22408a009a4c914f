import Foundation
import SNAAssessments
import SNACore
import SNAIO
import SNASpend

/// One reader under fuzzing: what it is given, and the invariants its result
/// must keep (no crash; an error names a file and a line within it; a
/// successful read renders into output that reads back).
enum FuzzTarget: String, CaseIterable, Sendable {
    /// The strict CSV reader: a table read back from what ``CSVWriter`` writes is the same table.
    case csv
    /// The survey importer (long or wide, layout detected) and the full analysis's JSON, CSV and text.
    case survey
    /// A people file beside a fixed small survey.
    case people
    /// An alias file beside a fixed small survey.
    case aliases
    /// A delivery chain response sheet, scored into JSON and CSV.
    case dca
    /// An assessment response sheet for a bundled instrument (the first byte picks which).
    case assessment
    /// An instrument file (JSON or YAML): its JSON reads back as the same instrument.
    case instrument
    /// A spend file: its summary as text, JSON, CSV and HTML, and the bubble diagram's graph.
    case spend
    /// A network file of another tool (GraphML, GEXF, Pajek, DL, node-link JSON, Gephi CSV), told
    /// by content: analysed and rendered as a survey is; its GraphML export reads back as the same network.
    case network
    /// An organisations file (names, types, attributes) beside a fixed small
    /// survey, analysed for the statutory partners of a crime and disorder partnership.
    case organisations
    /// A partnership kinds file added to the bundled ones; each kind it
    /// declares is judged on a fixed small survey whose organisations have types.
    case kinds

    /// Runs one input through the target, stopping the process if an invariant breaks.
    func run(_ data: Data) {
        switch self {
        case .csv: Self.csv(data)
        case .survey: Self.survey(data)
        case .people: Self.companion(data, people: true)
        case .aliases: Self.companion(data, people: false)
        case .dca: Self.dca(data)
        case .assessment: Self.assessment(data)
        case .instrument: Self.instrument(data)
        case .spend: Self.spend(data)
        case .network: Self.network(data)
        case .organisations: Self.organisations(data)
        case .kinds: Self.kinds(data)
        }
    }

    private static func csv(_ data: Data) {
        let file = "fuzz.csv"
        let table: CSVTable
        do throws(InputError) { table = try CSVReader.parse(data, file: file) } catch {
            Invariants.checkError(error, files: [file: data])
            return
        }
        var writer = CSVWriter(header: table.header)
        for record in table.records { writer.append(record.fields.map { .text($0) }) }
        let again: CSVTable
        do throws(InputError) { again = try CSVReader.parse(Data(writer.output.utf8), file: file) } catch {
            Invariants.fail("the written table does not read back: \(error.diagnostics.first?.description ?? "")")
        }
        guard again.header == table.header.map(Invariants.written) else { Invariants.fail("the header changed in a round trip") }
        guard again.records.map(\.fields) == table.records.map({ $0.fields.map(Invariants.written) }) else {
            Invariants.fail("the records changed in a round trip")
        }
    }

    /// Tie ratings the survey target also reads with: a rating column of any
    /// survey named trust, value or strength, a grid (`trust [name]`) or a
    /// contact column's rating (`work_1_trust`).
    static let fuzzRatings = try! RatingSet.parse(declaration: "trust:1-4,value:0-10=strength")

    private static func survey(_ data: Data) {
        let path = FuzzScratch.write(data, as: "survey.csv")
        importAndRender(path: path, options: SurveyImportOptions(), files: [path: data])
        importAndRender(path: path, options: SurveyImportOptions(ratings: fuzzRatings), files: [path: data])
    }

    private static func companion(_ data: Data, people: Bool) {
        let survey = FuzzScratch.write(FuzzScratch.survey, as: "survey.csv")
        let path = FuzzScratch.write(data, as: people ? "people.csv" : "aliases.csv")
        let options = people ? SurveyImportOptions(peoplePath: path) : SurveyImportOptions(aliasesPath: path)
        importAndRender(path: survey, options: options, files: [survey: FuzzScratch.survey, path: data])
    }

    private static func importAndRender(path: String, options: SurveyImportOptions, files: [String: Data]) {
        let survey: ImportedSurvey
        do throws(InputError) { survey = try SurveyImporter.load(path: path, options: options) } catch {
            Invariants.checkError(error, files: files)
            return
        }
        let output = AnalysisOutput(analysis: PartnershipAnalysis(network: survey.network), survey: survey)
        var json = ""
        do { try output.writeJSON { json += $0 } } catch { Invariants.fail("the analysis JSON could not be written: \(error)") }
        Invariants.checkJSON(json, "the analysis JSON")
        for table in output.csvTables() { Invariants.checkCSV(table.contents, table.name) }
        _ = output.text(top: 5)
    }

    private static func organisations(_ data: Data) {
        let surveyPath = FuzzScratch.write(FuzzScratch.organisationSurvey, as: "survey.csv")
        let path = FuzzScratch.write(data, as: "organisations.csv")
        var survey: ImportedSurvey
        do throws(InputError) {
            survey = try SurveyImporter.load(path: surveyPath)
            try OrganisationsFileReader.apply(path: path, to: &survey)
        } catch {
            Invariants.checkError(error, files: [surveyPath: FuzzScratch.organisationSurvey, path: data])
            return
        }
        guard let kind = (try? PartnershipKindsReader.bundled())?.first(where: { $0.id == "crime-and-disorder" }) else {
            Invariants.fail("the bundled partnership kinds do not read")
        }
        statutoryAnalysis(survey, StatutoryCheck(partnership: kind, listedOutsideSurvey: survey.listedOrganisations))
    }

    private static func kinds(_ data: Data) {
        let path = FuzzScratch.write(data, as: "kinds.csv")
        let kinds: [PartnershipKind]
        do throws(InputError) { kinds = try PartnershipKindsReader.catalogue(adding: path) } catch {
            Invariants.checkError(error, files: [path: data])
            return
        }
        guard let survey = try? SurveyImporter.load(path: FuzzScratch.write(FuzzScratch.organisationSurvey, as: "survey.csv")) else {
            Invariants.fail("the fixed survey does not read")
        }
        let typed = survey.network.settingOrganisationAttributes(Dictionary(uniqueKeysWithValues: survey.network.organisations.enumerated().map {
            (NameKey.key($1.name), ["type": ["Local authority", "Police authority", "PCT", "Charity"][$0 % 4]])
        }))
        var typedSurvey = survey
        typedSurvey.network = typed
        for kind in kinds {
            guard !kind.id.isEmpty, PartnershipKindsReader.kind(kind.id, in: kinds) != nil else { Invariants.fail("a kind '\(kind.id)' cannot be found by its id") }
            statutoryAnalysis(typedSurvey, StatutoryCheck(partnership: kind, knownKinds: kinds.flatMap(\.required)))
        }
    }

    /// The analysis with a statutory-partner check, rendered in every format.
    private static func statutoryAnalysis(_ survey: ImportedSurvey, _ check: StatutoryCheck) {
        var options = AnalysisOptions()
        options.statutory = check
        let output = AnalysisOutput(analysis: PartnershipAnalysis(network: survey.network, options: options), survey: survey)
        var json = ""
        do { try output.writeJSON { json += $0 } } catch { Invariants.fail("the analysis JSON could not be written: \(error)") }
        Invariants.checkJSON(json, "the analysis JSON")
        for table in output.csvTables() { Invariants.checkCSV(table.contents, table.name) }
        _ = output.text(top: 5)
    }

    private static func network(_ data: Data) {
        let path = FuzzScratch.write(data, as: "network.dat")
        importAndRender(path: path, options: SurveyImportOptions(), files: [path: data])
        guard let survey = try? SurveyImporter.load(path: path) else { return }
        let analysis = PartnershipAnalysis(network: survey.network, options: AnalysisOptions(selections: [.all]))
        let export = InterchangeNetwork(analysis: analysis)
        // Characters XML forbids are written as U+FFFD, which may make two names one: no round trip to expect.
        guard export.nodes.allSatisfy({ $0.name.unicodeScalars.allSatisfy(XMLCharacters.isAllowed) }) else { return }
        let again = FuzzScratch.write(Data(GraphMLWriter.document(export).utf8), as: "again.graphml")
        let back: ImportedSurvey
        do throws(InputError) { back = try SurveyImporter.load(path: again) } catch {
            Invariants.fail("the GraphML export does not read back: \(error.diagnostics.first?.description ?? "")")
        }
        guard back.network.people.map(\.name) == survey.network.people.map(\.name) else { Invariants.fail("the names changed in a GraphML round trip") }
        guard back.network.ties.count == survey.network.ties.count else {
            Invariants.fail("the ties changed in a GraphML round trip: \(survey.network.ties.count) then \(back.network.ties.count)")
        }
    }

    private static func dca(_ data: Data) {
        let path = FuzzScratch.write(data, as: "responses.csv")
        let responses: [DCAResponse]
        do throws(InputError) { responses = try DCAResponseReader.read(path: path) } catch {
            Invariants.checkError(error, files: [path: data])
            return
        }
        let output = DCAScoreOutput(scores: DCAScores(responses: responses))
        Invariants.checkJSON(output.json().rendered(), "the DCA scores JSON")
        Invariants.checkCSV(output.csv(), "the DCA scores CSV")
        _ = output.text()
    }

    private static func assessment(_ data: Data) {
        let bundled = InstrumentLibrary.bundled
        let instrument = bundled[Int(data.first ?? 0) % bundled.count]
        let sheet = data.isEmpty ? data : data.dropFirst()
        let path = FuzzScratch.write(Data(sheet), as: "sheet.csv")
        let assessment: Assessment
        do throws(InputError) {
            let responses = try AssessmentResponseReader.read(path: path, instrument: instrument)
            assessment = try Assessment(instrument: instrument, responses: responses)
        } catch {
            Invariants.checkError(error, files: [path: Data(sheet)])
            return
        }
        let output = AssessmentOutput(assessment: assessment, date: "1 January 2026")
        Invariants.checkJSON(output.json().rendered(), "the assessment JSON")
        Invariants.checkCSV(output.csv(), "the assessment CSV")
        _ = (output.text(), output.markdown(), output.html())
    }

    private static func spend(_ data: Data) {
        let file = "spend.csv"
        let spend: SpendFile
        do throws(InputError) { spend = try SpendReader.read(table: try CSVReader.parse(data, file: file)) } catch {
            Invariants.checkError(error, files: [file: data])
            return
        }
        let summary = SpendSummary(spend)
        Invariants.checkJSON(SpendOutput.json(summary), "the spend JSON")
        Invariants.checkCSV(SpendOutput.csv(summary), "the spend CSV")
        _ = (SpendOutput.text(summary), SpendOutput.html(summary), BubbleDiagram(summary: summary).dot)
    }

    private static func instrument(_ data: Data) {
        for file in ["fuzz.instrument.json", "fuzz.instrument.yaml"] {
            let instrument: AssessmentInstrument
            do throws(InputError) { instrument = try InstrumentLibrary.parse(data, file: file) } catch {
                Invariants.checkError(error, files: [file: data])
                continue
            }
            let sheet = InstrumentSheet(instrument: instrument)
            let json: String
            do { json = try sheet.json() } catch { Invariants.fail("a valid instrument cannot be written as JSON: \(error)") }
            let again: AssessmentInstrument
            do throws(InputError) { again = try InstrumentLibrary.parse(Data(json.utf8), file: "again.json") } catch {
                Invariants.fail("the instrument's JSON does not read back: \(error.diagnostics.first?.description ?? "")")
            }
            guard (try? InstrumentSheet(instrument: again).json()) == json else { Invariants.fail("the instrument changed in a round trip through JSON") }
            _ = (sheet.text(), sheet.markdown(), sheet.html())
        }
    }
}
