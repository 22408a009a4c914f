import Foundation
import SNAAssessments
import SNACore
import SNAIO

/// The survey wave a report compares itself with (`report --previous`).
public struct PreviousWave: Sendable {
    /// The earlier wave's network, read with its own people and aliases files.
    public var network: PartnershipNetwork
    /// Its file's name, for the report.
    public var source: String

    /// Creates a previous wave.
    public init(network: PartnershipNetwork, source: String) {
        self.network = network
        self.source = source
    }
}

extension PartnershipReport {
    /// The "What changed" section: the comparison of the previous wave with
    /// this one (``WaveComparison``, every finding kept), then the maps of
    /// all themes before and after, side by side in the same places.
    ///
    /// The comparison is made on the names and, in an anonymised report,
    /// renamed with the pseudonyms of one key for both waves, as `snatool
    /// compare --anonymise` does; the maps are drawn from the anonymised waves.
    static func changes(since previous: PreviousWave, original: PartnershipNetwork, analysis: PartnershipAnalysis,
                        anonymised: AnonymisedNetwork?, options: ReportOptions, source: String) throws(PseudonymError) -> String {
        var compared = options.analysis
        compared.thresholds.maximumPerKind = .max
        let before = PartnershipAnalysis(network: previous.network, options: compared)
        let after = anonymised == nil && options.analysis.thresholds.maximumPerKind == .max
            ? analysis : PartnershipAnalysis(network: original, options: compared)
        var comparison = WaveComparison(before: before, after: after)
        var drawn = previous.network
        if let anonymised {
            let earlier = try previous.network.anonymised(with: options.pseudonymiser ?? Pseudonymiser())
            let pseudonyms = earlier.pseudonyms.merging(anonymised.pseudonyms) { _, later in later }
            comparison = comparison.renamed { pseudonyms[$0] ?? $0 }
            drawn = earlier.network
        }
        let earlierMap = PartnershipAnalysis(network: drawn, options: options.analysis)
        let output = WaveComparisonOutput(comparison, beforeFile: previous.source, afterFile: source)
        var html = "<p>This survey (\(e(source))) compared with the previous one (\(e(previous.source))): who joined and left, the ties gained and lost, and what became of the gatekeepers, weak links and bridges, theme by theme. People are matched by name across the two surveys, after each survey's aliases.</p>"
        html += "<h3>The network before and after</h3><p>Both maps show all themes, with each person in the same place on both: those who joined appear only on the right, those who left only on the left.</p>"
        html += ReportWaveMaps.pair(before: earlierMap, after: analysis, limit: options.personMapLimit)
        html += ComparisonPage.section(output, headingLevel: 3, title: "What changed")
        return html
    }
}
