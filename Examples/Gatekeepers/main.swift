// Loads a survey with the snatool library and prints the gatekeepers the
// partnership depends on, with the reason for each.
//
//     swift run gatekeepers datasets/bolton/survey.csv datasets/bolton/people.csv

import Foundation
import SNACore
import SNAIO

let arguments = Array(CommandLine.arguments.dropFirst())
guard let surveyPath = arguments.first else {
    print("usage: gatekeepers SURVEY.csv [PEOPLE.csv]")
    exit(64)
}
do {
    let survey = try SurveyImporter.load(path: surveyPath, options: .init(peoplePath: arguments.dropFirst().first))
    let analysis = PartnershipAnalysis(network: survey.network, options: .init(selections: [.all]))
    let gatekeepers = analysis.findings.filter { $0.kind == .gatekeeper }
    print("\(gatekeepers.count) gatekeepers in \(survey.network.people.count) people:\n")
    for finding in gatekeepers {
        // The finding is data; FindingWording makes the sentences snatool prints.
        guard case .gatekeeper(let evidence) = finding.evidence else { continue }
        print("- \(FindingWording.headline(finding))\n  cut off: \(evidence.cutOff.count), removal impact \(evidence.removalImpact)\n")
    }
} catch {
    print(error)
    exit(65)
}
