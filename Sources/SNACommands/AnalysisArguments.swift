import ArgumentParser
import Foundation
import SNACore
import SNAIO

/// What the analysis computes, with the same flags and meaning on `analyse`,
/// `map` and `report`: the theme, the level, symmetrisation, the expected
/// links and the finding thresholds.
struct AnalysisArguments: ParsableArguments {
    @Option(help: ArgumentHelp("One theme (its id or any accepted spelling) or 'all'; findings are judged on it. Default: every theme and all (map: all).", valueName: "theme"))
    var theme: String?

    @Option(help: "Analyse people, or organisations with their people's ties aggregated.")
    var level: AnalysisLevel = .people

    @Option(help: "Make ties undirected first: none (the survey as answered), either (a tie named by one counts both ways) or both (only ties named by both).")
    var symmetrise: Symmetrisation = .none

    @Option(help: ArgumentHelp("A CSV of pairs of organisations (or sectors) that should work together: organisation_a,organisation_b[,theme,note]. Missing ones become findings.", valueName: "file"))
    var expectedLinks: String?

    @Option(help: ArgumentHelp("Look for the named partners a statute requires (seed 004, Appendix 3): lsp, crime-and-disorder or childrens-trust, or a kind of --partnership-kinds. Organisations' types come from --organisations or the people file.", valueName: "kind"))
    var partnership: String?

    @Option(help: ArgumentHelp("A CSV of further partnership kinds, in the bundled shape: partnership,partnership_name,statute,organisation_kind,spellings,note (docs/input-formats.md).", valueName: "file"))
    var partnershipKinds: String?

    @OptionGroup(title: "Finding thresholds (docs/findings.md)") var thresholds: ThresholdOptions

    /// The selections `--theme` names (`nil`: every theme and all), or a usage error.
    func selections(in network: PartnershipNetwork) throws -> [ThemeSelection]? {
        try theme.map { [try resolveTheme($0, in: network)] }
    }

    /// The analysis options for `survey` read with `input`: the grouping
    /// checked against the survey at the chosen level, the expected links
    /// read; problems printed and thrown as the exit status.
    func options(for survey: ImportedSurvey, input: SurveyOptions, selections given: [ThemeSelection]? = nil) throws -> AnalysisOptions {
        try options(for: survey, groupBy: input.groupBy, threads: input.threads, selections: given)
    }

    /// The analysis options for `survey`, grouped by `groupBy` and computed
    /// with at most `threads` threads (`compare`, which reads two surveys).
    func options(for survey: ImportedSurvey, groupBy: String, threads: Int?, selections given: [ThemeSelection]? = nil) throws -> AnalysisOptions {
        let network = survey.network
        let grouping = Grouping(groupBy)
        if !grouping.isOrganisation, !network.hasValues(of: grouping, level: level) {
            let list = network.availableGroupings(level: level).joined(separator: ", ")
            throw usageFailure("--group-by: no \(level == .people ? "one" : "organisation") has the attribute '\(groupBy)' in \(survey.file); attributes in this survey: \(list)")
        }
        var expected: [ExpectedLink] = []
        if let expectedLinks {
            do throws(InputError) { expected = try ExpectedLinksReader.read(path: expectedLinks, network: network) } catch {
                throw report(error)
            }
        }
        var options = AnalysisOptions(
            level: level, grouping: grouping, selections: try given ?? selections(in: network), symmetrisation: symmetrise,
            thresholds: thresholds.thresholds, expectedLinks: expected, threads: threads)
        options.statutory = try statutoryCheck(for: survey)
        return options
    }

    /// The statutory partners `--partnership` asks for (`nil` without it);
    /// its warnings about organisation types are the analysis's
    /// (``PartnershipAnalysis/warnings``), listed with the import's.
    func statutoryCheck(for survey: ImportedSurvey) throws -> StatutoryCheck? {
        if partnershipKinds != nil && partnership == nil { throw usageFailure("--partnership-kinds declares kinds for --partnership: name one") }
        guard let partnership else { return nil }
        let kinds: [PartnershipKind]
        do throws(InputError) { kinds = try PartnershipKindsReader.catalogue(adding: partnershipKinds) } catch { throw report(error) }
        guard let kind = PartnershipKindsReader.kind(partnership, in: kinds) else {
            throw usageFailure("--partnership: '\(partnership)' is not a partnership kind; known: \(kinds.map(\.id).joined(separator: ", "))")
        }
        return StatutoryCheck(partnership: kind, listedOutsideSurvey: survey.listedOrganisations, knownKinds: kinds.flatMap(\.required),
                              typeLocations: survey.organisationTypeLocations)
    }

    /// The input files this adds, which output must never overwrite.
    var inputPaths: [String] { [expectedLinks, partnershipKinds].compactMap { $0 } }
}

/// The finding thresholds as options.
struct ThresholdOptions: ParsableArguments {
    @Option(help: "A cut-point is a gatekeeper when its departure cuts off at least this many people.")
    var gatekeeperCutOff: Int = FindingThresholds().gatekeeperMinimumCutOff

    @Option(help: "A person is a gatekeeper when they carry at least this share (0-1) of the brokerage between groups.")
    var brokerShare: Double = FindingThresholds().brokerMinimumShare

    @Option(help: "Weak link: at least this many ties expected between two organisations...")
    var weakLinkExpected: Double = FindingThresholds().weakLinkMinimumExpected

    @Option(help: "...and at most this share (0-1) of them observed.")
    var weakLinkRatio: Double = FindingThresholds().weakLinkMaximumRatio

    @Option(help: "Report a bridge when its smaller side holds at least this many people.")
    var bridgeSide: Int = FindingThresholds().bridgeMinimumSide

    @Option(help: "Report an organisation absent from a theme when it has at least this many ties (and the median) in all themes.")
    var absenceTies: Double = FindingThresholds().isolationMinimumOtherTies

    @Option(help: "Decision-making is confined to a layer when at least this share (0-1) of its ties join people of that layer.")
    var layerConfinedShare: Double = FindingThresholds().layerConfinedShare

    @Option(help: "At most this many findings of each kind.")
    var findingsPerKind: Int = FindingThresholds().maximumPerKind

    @Option(help: ArgumentHelp("The tie rating (an item or measure of --ratings) the trust findings read.", valueName: "id"))
    var trustRating: String = FindingThresholds().trustScore

    @Option(help: ArgumentHelp("Trust is low below this rating (default: the middle of its scale, 2.5 on 1-4).", valueName: "value"))
    var lowTrust: Double?

    @Option(help: "Judge trust on at least this many ratings (of a pair, both directions; of a gatekeeper, received).")
    var lowTrustRatings: Int = FindingThresholds().lowTrustMinimumRatings

    func validate() throws {
        guard gatekeeperCutOff >= 1 else { throw ValidationError("--gatekeeper-cut-off must be at least 1") }
        guard (0...1).contains(brokerShare) else { throw ValidationError("--broker-share must be between 0 and 1") }
        guard weakLinkExpected >= 0, weakLinkExpected.isFinite else { throw ValidationError("--weak-link-expected must be a number of zero or more") }
        guard (0...1).contains(weakLinkRatio) else { throw ValidationError("--weak-link-ratio must be between 0 and 1") }
        guard bridgeSide >= 1 else { throw ValidationError("--bridge-side must be at least 1") }
        guard absenceTies >= 0, absenceTies.isFinite else { throw ValidationError("--absence-ties must be a number of zero or more") }
        guard (0...1).contains(layerConfinedShare) else { throw ValidationError("--layer-confined-share must be between 0 and 1") }
        guard findingsPerKind >= 0 else { throw ValidationError("--findings-per-kind must not be negative") }
        if let lowTrust { guard lowTrust.isFinite else { throw ValidationError("--low-trust must be a number") } }
        guard lowTrustRatings >= 1 else { throw ValidationError("--low-trust-ratings must be at least 1") }
    }

    /// The thresholds the flags set.
    var thresholds: FindingThresholds {
        var t = FindingThresholds()
        t.gatekeeperMinimumCutOff = gatekeeperCutOff
        t.brokerMinimumShare = brokerShare
        t.weakLinkMinimumExpected = weakLinkExpected
        t.weakLinkMaximumRatio = weakLinkRatio
        t.bridgeMinimumSide = bridgeSide
        t.isolationMinimumOtherTies = absenceTies
        t.layerConfinedShare = layerConfinedShare
        t.maximumPerKind = findingsPerKind
        t.trustScore = trustRating
        t.lowTrust = lowTrust
        t.lowTrustMinimumRatings = lowTrustRatings
        return t
    }
}

extension Symmetrisation: ExpressibleByArgument {}
