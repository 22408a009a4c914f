// Loads a survey with the snatool library and prints each theme's size,
// the way another tool would use snatool without its command line.
//
//     swift run survey-summary datasets/bolton/survey.csv datasets/bolton/people.csv

import Foundation
import SNACore
import SNAIO

let arguments = CommandLine.arguments.dropFirst()
guard let surveyPath = arguments.first else {
    print("usage: survey-summary SURVEY.csv [PEOPLE.csv]")
    exit(64)
}
do {
    let survey = try SurveyImporter.load(path: surveyPath, options: .init(peoplePath: arguments.dropFirst().first))
    let network = survey.network
    print("\(network.people.count) people in \(network.organisations.count) organisations; \(network.respondentCount) answered")
    for theme in PartnershipSummary(network: network).themes {
        let density = String(format: "%.3f", theme.graph.density)
        print("\(theme.label): \(theme.graph.ties) ties, density \(density), \(theme.graph.weakComponents) components")
    }
} catch {
    print(error)
    exit(65)
}
