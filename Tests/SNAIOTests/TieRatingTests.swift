import Foundation
import Testing
@testable import SNAIO
import SNACore

/// Tie ratings (issue 18, "tie quality"): declared, read from long and wide
/// surveys, checked against their scales, summed up, judged by the trust
/// findings and written in every output.
@Suite struct TieRatingTests {
    static let trustValue = try! RatingSet.parse(declaration: "trust:1-4,value:1-4")

    /// A long survey whose figures are worked out by hand below.
    static let long = """
        respondent,respondent_org,contact,contact_org,theme,trust,value
        Ann,A,Bob,B,work,2,3
        Ann,A,Bob,B,strategy,4,3
        Bob,B,Ann,A,work,1,
        Cat,C,Ann,A,work,3,4
        Ann,A,Cat,C,work,,2
        Bob,B,Dan,B,work,4,4
        Dan,B,Cat,C,work,2,1
        Cat,C,Bob,B,informal,1,2

        """

    func load(_ text: String, ratings: RatingSet = trustValue, aliases: String? = nil, file: String = "t.csv") throws(InputError) -> ImportedSurvey {
        let table = try CSVReader.parse(text: text, file: file)
        let aliasTable = try aliases.map { text throws(InputError) in try CSVReader.parse(text: text, file: "aliases.csv") }
        return try SurveyImporter.load(survey: table, aliases: aliasTable, options: SurveyImportOptions(ratings: ratings))
    }

    func diagnostics(_ text: String, ratings: RatingSet = trustValue) -> [Diagnostic] {
        do { return try load(text, ratings: ratings).network.warnings } catch { return error.diagnostics }
    }

    func tie(_ network: PartnershipNetwork, _ source: String, _ target: String, _ theme: String) -> Tie? {
        let s = network.personIndex(named: source), t = network.personIndex(named: target)
        let th = network.themes.firstIndex { $0.id == theme }
        return network.ties.first { $0.source == s && $0.target == t && $0.theme == th }
    }

    // MARK: Declaring

    @Test func declarationsAndThePreset() throws {
        let set = try RatingSet.parse(declaration: "trust:1-4, frequency:0-7=how often|contact frequency, mood")
        #expect(set.items.map(\.id) == ["trust", "frequency", "mood"])
        #expect(set.items.map(\.minimum) == [1, 0, 1])
        #expect(set.items.map(\.maximum) == [4, 7, 5])
        #expect(set.item(named: "How Often") == 1)
        #expect(set.item(named: "Contact_Frequency") == 1)
        let preset = try RatingSet.parse(declaration: "partnership-trust-value")
        #expect(preset == RatingSet.partnershipTrustValue)
        #expect(preset.items.map(\.id) == ["trust_openness", "trust_reliability", "trust_mission", "value_power", "value_resources", "value_involvement"])
        #expect(preset.items.allSatisfy { $0.minimum == 1 && $0.maximum == 4 })
        #expect(preset.scores.map(\.id) == preset.items.map(\.id) + ["trust", "value"])
        #expect(preset.item(named: "Trust - Openness") == 0)
        #expect(preset.item(named: "level of involvement") == 5)
        // A measure is the mean of the items rated.
        #expect(preset.scoreValues(of: [2, 3, nil, nil, nil, nil]).suffix(2) == [2.5, nil])
        #expect(throws: RatingSetError.badScale(item: "trust")) { try RatingSet.parse(declaration: "trust:4-1") }
        #expect(throws: RatingSetError.badScale(item: "trust")) { try RatingSet.parse(declaration: "trust:high") }
        #expect(throws: RatingSetError.duplicateID("trust")) { try RatingSet.parse(declaration: "trust,trust:1-4") }
        #expect(throws: RatingSetError.empty) { try RatingSet.parse(declaration: " , ") }
        #expect(throws: RatingSetError.ambiguousSpelling("often", "frequency", "contact")) {
            try RatingSet.parse(declaration: "frequency=often,contact=often")
        }
        // Negative scales.
        #expect(try RatingSet.parse(declaration: "feeling:-2--1").items[0].maximum == -1)
    }

    // MARK: Reading, long layout

    @Test func longRatingsAreTieAttributesInEveryTheme() throws {
        let network = try load(Self.long).network
        #expect(network.ratingSet == Self.trustValue)
        #expect(tie(network, "Ann", "Bob", "work")?.ratings == [2, 3])
        #expect(tie(network, "Ann", "Bob", "strategy")?.ratings == [4, 3])
        #expect(tie(network, "Bob", "Ann", "work")?.ratings == [1, nil])
        #expect(tie(network, "Ann", "Cat", "work")?.ratings == [nil, 2])
        // Rating columns are used columns, not ignored ones, even when 'value' is also a strength spelling.
        #expect(!network.warnings.contains { $0.code == "survey.ignored-columns" })
        #expect(network.ties.allSatisfy { $0.strength == nil })
        // Without declared ratings the columns are not read.
        let plain = try load(Self.long, ratings: .none).network
        #expect(plain.ties.allSatisfy { $0.ratings.isEmpty })
    }

    @Test func aRepeatedTieKeepsTheFirstRatingAndSaysWhenTheyDisagree() throws {
        let network = try load("""
            respondent,contact,theme,trust,value
            Ann,Bob,work,,2
            Ann,Bob,work,3,2
            Ann,Bob,work,4,1
            J. Smith,Ann,work,2,
            John Smith,Ann,work,2,

            """, aliases: "alias,name\nJ. Smith,John Smith\n").network
        // The first value given on each item is kept: trust from line 3, value from line 2.
        #expect(tie(network, "Ann", "Bob", "work")?.ratings == [3, 2])
        let conflicts = network.warnings.filter { $0.code == "survey.conflicting-rating" }
        #expect(conflicts.map { $0.location?.line } == [4, 4])
        #expect(conflicts.map(\.value) == ["4", "1"])
        #expect(conflicts[0].message.contains("the first rating, 3, is kept"))
        // An alias merges two spellings into one tie; equal ratings are no conflict.
        #expect(tie(network, "John Smith", "Ann", "work")?.ratings == [2, nil])
        #expect(network.warnings.filter { $0.code == "survey.duplicate-tie" }.count == 3)
    }

    @Test func offScaleAndNonNumericRatingsAreErrorsWithTheirPlace() {
        let problems = diagnostics("""
            respondent,contact,theme,trust,value
            Ann,Bob,work,5,2
            Ann,Cat,work,3,high
            Ann,Dan,work,"2,5",1
            Ann,Eve,work,0.5,1
            Ann,Fay,work,2.5,4

            """).filter { $0.severity == .error }
        #expect(problems.map(\.code) == Array(repeating: "survey.bad-rating", count: 4))
        #expect(problems.map { $0.location?.line } == [2, 3, 4, 5])
        #expect(problems.map { $0.location?.column } == [4, 5, 4, 4])
        #expect(problems.map { $0.location?.columnName } == ["trust", "value", "trust", "trust"])
        #expect(problems.map(\.value) == ["5", "high", "2,5", "0.5"])
        #expect(problems[0].message == "the trust rating is off its scale of 1-4")
        #expect(problems[1].message == "the value rating is not a number")
        #expect(problems[0].fix?.contains("a number from 1 to 4") == true)
        #expect(problems[0].inputs == [.ratings])
        // The whole import fails with a bad-data error: nothing half-read.
        #expect(throws: InputError.self) { try load("respondent,contact,trust\nAnn,Bob,9\n") }
    }

    @Test func presetColumnsReadWithoutRatingsAreNamedInAWarning() throws {
        let network = try load("respondent,contact,trust_openness,trust_reliability,notes\nAnn,Bob,3,4,x\n", ratings: .none).network
        let warning = try #require(network.warnings.first { $0.code == "survey.rating-columns-ignored" })
        #expect(warning.message.contains("'trust_openness', 'trust_reliability'"))
        #expect(warning.inputs == [.ratings])
        let ignored = try #require(network.warnings.first { $0.code == "survey.ignored-columns" })
        #expect(ignored.message.contains("'notes'") && !ignored.message.contains("trust"))
    }

    // MARK: Reading, wide layout

    static let wide = """
        respondent,organisation,work_1,work_1_trust,work_2,work_2_trust,strategy,trust [Ann],trust [Cat]
        Ann,A,Bob,2,Cat,3,Bob,,4
        Bob,B,Ann,1,,3,,2,
        Cat,C,Ann,,,,Ann; Bob,3,

        """

    @Test func wideRatingsPerContactColumnAndInAGrid() throws {
        let survey = try load(Self.wide)
        let network = survey.network
        #expect(tie(network, "Ann", "Bob", "work")?.ratings == [2, nil])
        #expect(tie(network, "Ann", "Cat", "work")?.ratings == [3, nil])
        #expect(tie(network, "Ann", "Bob", "strategy")?.ratings == [nil, nil])
        // The grid rates the respondent's ties to the person in every theme they were named in.
        #expect(tie(network, "Cat", "Ann", "work")?.ratings == [3, nil])
        #expect(tie(network, "Cat", "Ann", "strategy")?.ratings == [3, nil])
        #expect(tie(network, "Cat", "Bob", "strategy")?.ratings == [nil, nil])
        let codes = network.warnings.map(\.code)
        // Ann's grid rating of Cat (4) disagrees with work_2_trust (3); Bob's of Ann (2) with work_1_trust (1).
        #expect(codes.filter { $0 == "survey.conflicting-rating" }.count == 2)
        let orphan = try #require(network.warnings.first { $0.code == "survey.rating-without-tie" })
        #expect(orphan.location?.line == 3 && orphan.location?.column == 6)
        // How each column was read is recorded.
        let columns = survey.reading.columns
        #expect(columns[3].role == .rating(item: "trust", contactColumn: "work_1", roster: nil))
        #expect(columns[7].role == .rating(item: "trust", contactColumn: nil, roster: "Ann"))
        let json = SurveyReadingOutput.json(survey.reading).rendered()
        #expect(json.contains("\"rating_item\": \"trust\""))
        #expect(json.contains("\"rates_column\": \"work_1\""))
    }

    @Test func wideGridOfSomeoneNotNamedAndBadCellsAreReported() {
        let problems = diagnostics("""
            respondent,work,trust [Dan],work_trust_x
            Ann,Bob,2,
            Bob,Ann,seven,

            """)
        #expect(problems.contains { $0.code == "survey.rating-without-tie" && $0.location?.line == 2 && $0.message.contains("'Dan'") })
        let bad = problems.filter { $0.code == "survey.bad-rating" }
        #expect(bad.count == 1 && bad.first?.location?.line == 3 && bad.first?.location?.column == 3 && bad.first?.value == "seven")
    }

    @Test func aLooseRatingColumnInAWideSurveyIsReported() throws {
        let network = try load("respondent,work,trust\nAnn,Bob,3\n").network
        #expect(network.warnings.contains { $0.code == "survey.rating-without-contact" && $0.message.contains("3 'trust'") })
        #expect(network.ties.first?.ratings == [nil, nil])
    }

    @Test func aColumnMappingFileNamesRatingColumns() throws {
        let survey = try CSVReader.parse(text: "respondent,Colleague,Score A,work_1,work_1 how far trusted\nAnn,Bob,3,Cat,2\n", file: "m.csv")
        let mapping = try CSVReader.parse(text: "column,role\n2,strategy\n3,trust\n5,trust\n", file: "columns.csv")
        let imported = try SurveyImporter.load(survey: survey, columns: mapping, options: SurveyImportOptions(ratings: try RatingSet.parse(declaration: "trust:1-4=how far trusted")))
        let columns = imported.reading.columns
        // A mapped rating column whose header names a contact column rates that column's contacts.
        #expect(columns[4].role == .rating(item: "trust", contactColumn: "work_1", roster: nil))
        #expect(tie(imported.network, "Ann", "Cat", "work")?.ratings == [2])
        // One that names none is not used, and says so.
        #expect(columns[2].role == .rating(item: "trust", contactColumn: nil, roster: nil))
        #expect(imported.network.warnings.contains { $0.code == "survey.rating-without-contact" })
        // A role that is no rating item is an error that lists the items.
        let bad = try CSVReader.parse(text: "column,role\n3,trusted\n", file: "columns.csv")
        do {
            _ = try ColumnMapping.read(bad, themes: .standard, ratings: Self.trustValue)
            Issue.record("read a mapping with an unknown role")
        } catch {
            #expect(error.diagnostics.first?.fix?.contains("a rating item (trust, value)") == true)
        }
    }

    @Test func twoColumnsOfOneRatingInALongSurveyAreAnError() {
        let problems = diagnostics("respondent,contact,trust,Trust\nAnn,Bob,1,2\n")
        #expect(problems.contains { $0.code == "survey.duplicate-column" && $0.message.contains("both the trust rating (columns 3 and 4)") })
    }

    // MARK: Aggregation

    @Test func meansPerPersonOrganisationAndPairByHand() throws {
        let network = try load(Self.long).network
        let all = try #require(network.ratingSummary(.all))
        let person = { (name: String) in network.personIndex(named: name)! }
        let org = { (name: String) in network.organisationIndex(named: name)! }
        // In all, Ann -> Bob is one pair rated 2 (work) and 4 (strategy): one rating of 3.
        #expect(all.values(from: person("Ann"), to: person("Bob")) == [3, 3])
        // Trust over the pairs: 3, 1, 3, 4, 2, 1.
        #expect(all.overall[0].count == 6 && abs(all.overall[0].mean! - 14.0 / 6) < 1e-12)
        #expect(all.personReceived[0][person("Ann")].mean == 2)      // Bob 1, Cat 3
        #expect(all.personReceived[0][person("Ann")].count == 2)
        #expect(all.personGiven[0][person("Ann")].mean == 3)         // Bob 3 (Cat unrated)
        #expect(all.personGiven[1][person("Ann")].mean == 2.5)       // value: Bob 3, Cat 2
        #expect(all.personReceived[0][person("Dan")].mean == 4)
        // Organisations: ratings across their boundary only (Bob -> Dan, inside B, is left out).
        #expect(all.organisationReceived[0][org("B")].mean == 2)    // Ann 3, Cat 1
        #expect(all.organisationGiven[0][org("B")].mean == 1.5)     // Bob -> Ann 1, Dan -> Cat 2
        #expect(all.organisationGiven[0][org("B")].count == 2)
        // Pairs, directed, with each organisation with itself.
        #expect(all.pair(from: org("A"), to: org("B"))?.means[0].mean == 3)
        #expect(all.pair(from: org("B"), to: org("B"))?.means[0].mean == 4)
        #expect(all.pair(from: org("A"), to: org("C"))?.means.map(\.count) == [0, 1])
        // One theme: its own ties only.
        let work = try #require(network.ratingSummary(.theme(network.themes.firstIndex { $0.id == "work" }!)))
        #expect(work.values(from: person("Ann"), to: person("Bob")) == [2, 3])
        #expect(work.overall[0].count == 5 && work.overall[0].mean == 12.0 / 5)
        let unrated = try load(Self.long, ratings: .none).network
        #expect(unrated.ratingSummary(.all) == nil)
    }

    @Test func presetMeasuresAreMeansOfTheirItems() throws {
        let network = try load("""
            respondent,contact,trust_openness,trust_reliability,trust_mission,value_power
            Ann,Bob,1,2,3,4
            Cat,Bob,4,4,,

            """, ratings: .partnershipTrustValue).network
        let all = try #require(network.ratingSummary(.all))
        let trust = try #require(network.ratingSet.score(id: "trust"))
        let bob = network.personIndex(named: "Bob")!
        // Ann's trust is (1+2+3)/3 = 2, Cat's (4+4)/2 = 4: Bob receives 3.
        #expect(all.personReceived[trust][bob].mean == 3)
        #expect(all.personReceived[network.ratingSet.score(id: "value")!][bob].count == 1)
    }

    // MARK: Findings

    @Test func lowTrustLinksAndDistrustedGatekeepers() throws {
        let analysis = PartnershipAnalysis(network: try load(Self.long).network)
        let links = analysis.findings.filter { $0.kind == .lowTrustLink }
        #expect(links.map(\.subjectNames) == [["B", "C"], ["A", "B"]])
        guard case .trust(let e) = links[1].evidence else { Issue.record("no trust evidence"); return }
        #expect(e.mean == 2 && e.ratings == 2 && e.directions == [3, 1] && e.directionRatings == [1, 1])
        #expect(e.threshold == 2.5 && e.ties == 3 && e.expectedLink == nil && e.gatekeeper == nil)
        #expect(abs(e.networkMean! - 14.0 / 6) < 1e-12)
        // A and C have one trust rating only: not judged (at least 2 by default).
        let gatekeepers = analysis.findings.filter { $0.kind == .distrustedGatekeeper }
        #expect(gatekeepers.map(\.subjectNames) == [["Ann"], ["Bob"]])
        guard case .trust(let g) = gatekeepers[0].evidence else { Issue.record("no trust evidence"); return }
        #expect(g.mean == 2 && g.ratings == 2 && g.gatekeeper != nil)
        // The words come from the data.
        #expect(FindingWording.headline(links[1]) == "A and B are tied but rate each other low on trust: 2 on a 1-4 scale.")
        #expect(FindingWording.evidence(links[1]).contains("A rates B 3 (1 rating); B rates A 1 (1 rating)"))
        #expect(FindingWording.headline(gatekeepers[0]).hasPrefix("Ann is a gatekeeper whom others trust little"))
    }

    @Test func trustThresholdsAndExpectedLinksAreHonoured() throws {
        let network = try load(Self.long).network
        var options = AnalysisOptions()
        options.thresholds.lowTrust = 1.8
        #expect(PartnershipAnalysis(network: network, options: options).findings.filter { $0.kind == .lowTrustLink }.map(\.subjectNames) == [["B", "C"]])
        options.thresholds.lowTrust = nil
        options.thresholds.lowTrustMinimumRatings = 3
        #expect(!PartnershipAnalysis(network: network, options: options).findings.contains { $0.kind == .lowTrustLink || $0.kind == .distrustedGatekeeper })
        options.thresholds.lowTrustMinimumRatings = 1
        options.thresholds.trustScore = "value"
        let byValue = PartnershipAnalysis(network: network, options: options).findings.filter { $0.kind == .lowTrustLink }
        #expect(byValue.map(\.subjectNames) == [["B", "C"]])
        options.thresholds.trustScore = "nothing"
        #expect(!PartnershipAnalysis(network: network, options: options).findings.contains { $0.kind == .lowTrustLink })
        // With expected links, only the pairs that should work together.
        options = AnalysisOptions(expectedLinks: [ExpectedLink("A", "B", note: "joint tasking")])
        let expected = PartnershipAnalysis(network: network, options: options).findings.filter { $0.kind == .lowTrustLink }
        #expect(expected.map(\.subjectNames) == [["A", "B"]])
        guard case .trust(let e) = expected[0].evidence else { Issue.record("no trust evidence"); return }
        #expect(e.expectedLink?.note == "joint tasking")
        #expect(FindingWording.headline(expected[0]).hasSuffix("although they should work together."))
    }

    // MARK: Outputs

    @Test func everyOutputCarriesTheRatings() throws {
        let survey = try load(Self.long)
        let analysis = PartnershipAnalysis(network: survey.network)
        let output = AnalysisOutput(analysis: analysis, survey: survey)
        let json = output.json().rendered()
        for key in ["\"trust_received_mean\"", "\"trust_given_mean\"", "\"value_received_count\"", "\"trust_rating\"",
                    "\"ratings\"", "\"low-trust-link\"", "\"distrusted-gatekeeper\"", "\"trust_mean\""] {
            #expect(json.contains(key), "\(key)")
        }
        // The streamed JSON is the same document.
        var streamed = ""
        try output.writeJSON { streamed += $0 }
        #expect(streamed == json)
        let tables = Dictionary(uniqueKeysWithValues: output.csvTables().map { ($0.name, $0.contents) })
        let people = try #require(tables["people.csv"])
        #expect(people.split(separator: "\r\n")[0].hasSuffix("trust_received_mean,trust_received_count,trust_given_mean,trust_given_count,value_received_mean,value_received_count,value_given_mean,value_given_count"))
        #expect(tables["ties.csv"]?.split(separator: "\r\n")[0].hasSuffix("bridge,trust_rating,value_rating") == true)
        #expect(tables["organisations.csv"]?.contains("trust_received_mean") == true)
        #expect(tables["ratings.csv"]?.contains("all,trust,trust,1,4,2.3333333333333335,6") == true)
        #expect(tables["rating_pairs.csv"]?.contains("all,A,B,3,1,3,1") == true)
        let text = output.text()
        #expect(text.contains("Tie ratings (all themes"))
        #expect(text.contains("Partners tied but with low trust (2)"))
        // Unrated surveys have none of it.
        let plain = try load(Self.long, ratings: .none)
        let plainOutput = AnalysisOutput(analysis: PartnershipAnalysis(network: plain.network), survey: plain)
        #expect(!plainOutput.json().rendered().contains("_received_mean"))
        #expect(!plainOutput.csvTables().contains { $0.name == "ratings.csv" })
        #expect(!plainOutput.text().contains("Tie ratings"))
    }

    @Test func organisationLevelRowsUseTheOrganisationMeans() throws {
        let survey = try load(Self.long)
        let analysis = PartnershipAnalysis(network: survey.network, options: AnalysisOptions(level: .organisations))
        let rows = AnalysisOutput(analysis: analysis, survey: survey).tieRows(analysis.judgedSelection!, themes: [:])
        let ab = try #require(rows.first { $0[1].1.json == .string("A") && $0[2].1.json == .string("B") })
        #expect(ab.first { $0.0 == "trust_rating" }?.1.json == .number(3))
    }

    @Test func exportsCarryARatingPerEdge() throws {
        let survey = try load(Self.long)
        let network = InterchangeNetwork(analysis: PartnershipAnalysis(network: survey.network))
        #expect(network.ratingNames == ["trust", "value"])
        #expect(network.edgeColumns.map(\.name).suffix(4) == ["trust_rating", "value_rating", "bridge", "weak_link"])
        let annBob = try #require(network.edges.first { network.nodes[$0.source].name == "Ann" && network.nodes[$0.target].name == "Bob" })
        #expect(annBob.ratings == [3, 3])
        let values = network.edgeValues(annBob, columns: network.edgeColumns)
        #expect(values.count == network.edgeColumns.count)
        let graphML = GraphMLWriter.document(network)
        #expect(graphML.contains("attr.name=\"trust_rating\""))
    }

    @Test func exportedRatingsReadBackWhenDeclared() throws {
        let survey = try load(Self.long)
        let files = TemporaryFiles()
        let exported = InterchangeNetwork(analysis: PartnershipAnalysis(network: survey.network))
        for (name, document) in [("n.graphml", GraphMLWriter.document(exported)), ("n.gexf", GEXFWriter.document(exported))] {
            let path = files.write(name, document)
            let back = try SurveyImporter.load(path: path, options: SurveyImportOptions(ratings: Self.trustValue))
            // Each edge's rating is its pair's mean over themes, so the all-themes means are the survey's.
            let before = try #require(survey.network.ratingSummary(.all)), after = try #require(back.network.ratingSummary(.all))
            for (a, b) in zip(before.overall, after.overall) {
                #expect(a.count == b.count, "\(name)")
                #expect(abs((a.mean ?? -1) - (b.mean ?? -1)) < 1e-9, "\(name)")
            }
            // Undeclared, they are not read; an off-scale one is an error at its edge.
            #expect(try SurveyImporter.load(path: path).network.ratingSet.items.isEmpty)
            let bad = files.write("bad-" + name, document.replacingOccurrences(of: ">3.0<", with: ">9.0<").replacingOccurrences(of: "value=\"3.0\"", with: "value=\"9.0\""))
            do {
                _ = try SurveyImporter.load(path: bad, options: SurveyImportOptions(ratings: Self.trustValue))
                Issue.record("read an off-scale rating in \(name)")
            } catch {
                #expect(error.errors.contains { $0.code == "survey.bad-rating" && $0.location?.file == bad })
            }
        }
    }
}
