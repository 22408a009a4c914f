import Foundation
import SNACore

/// The rows and figures of an analysis, shared by the JSON, CSV and text
/// renderings (AnalysisOutput+JSON, +CSV, +Text).
public struct AnalysisOutput: Sendable {
    /// The version of the JSON layout; raised when a key changes meaning or goes.
    public static let schemaVersion = 1

    /// The analysis.
    public var analysis: PartnershipAnalysis
    /// The survey as read.
    public var survey: ImportedSurvey
    /// How the fixes of warnings name the inputs they ask for (a command line names its options).
    public var inputNaming: InputNaming = .plain

    /// The names of the analysed nodes.
    let names: [String]
    /// Each selection's tie ratings summed up, by id, worked out once (empty without ratings).
    let ratingSummaries: [String: RatingSummary]

    /// Creates the output of an analysis.
    public init(analysis: PartnershipAnalysis, survey: ImportedSurvey) {
        self.analysis = analysis
        self.survey = survey
        names = analysis.nodeNames
        var summaries: [String: RatingSummary] = [:]
        let network = analysis.network
        for selection in analysis.selections {
            if let found = network.selection(id: selection.id), let summary = network.ratingSummary(found) { summaries[selection.id] = summary }
        }
        ratingSummaries = summaries
    }

    var network: PartnershipNetwork { analysis.network }

    /// The brokerage roles in output order, with their JSON keys.
    static let roles: [(BrokerageRole, String)] = BrokerageRole.allCases.map { ($0, $0.rawValue) }

    /// The organisation of each analysed node, by name.
    var nodeOrganisationNames: [String?] {
        switch analysis.options.level {
        case .people: return network.people.indices.map { network.organisation(ofPerson: $0).map { network.organisations[$0].name } }
        case .organisations: return network.organisations.map(\.name)
        }
    }

    /// The layer of each analysed node.
    var nodeLayers: [Layer?] {
        analysis.options.level == .people ? network.people.map(\.layer) : network.organisations.map { _ in nil }
    }

    /// Every directed tie of a selection with its themes: (source, target, edge position).
    func tieThemes() -> [Int64: [String]] {
        guard analysis.options.level == .people else { return [:] }
        var themes: [Int64: [String]] = [:]
        for tie in network.ties {
            let key = Int64(tie.source) << 32 | Int64(tie.target)
            themes[key, default: []].append(tie.theme.map { network.themes[$0].id } ?? Theme.allID)
        }
        for key in themes.keys {
            themes[key]!.sort { a, b in
                (network.themes.firstIndex { $0.id == a } ?? 0) < (network.themes.firstIndex { $0.id == b } ?? 0)
            }
        }
        return themes
    }

    /// The number of groups of the grouping attribute.
    var groupCount: Int { Set(analysis.groupNames.map(NameKey.key)).count }

    static func decimal(_ value: Double) -> String { String(format: "%.3f", value) }
    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
}
