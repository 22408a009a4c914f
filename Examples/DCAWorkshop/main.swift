// Scores a delivery chain workshop with the snatool library and prints, for
// each outcome, the three weakest links of the chain and what the source's
// case studies suggest doing about the weakest.
//
//     swift run dca-workshop datasets/dca/responses.csv

import Foundation
import SNAAssessments

guard let path = CommandLine.arguments.dropFirst().first else {
    print("usage: dca-workshop RESPONSES.csv")
    exit(64)
}
do {
    let scores = DCAScores(responses: try DCAResponseReader.read(path: path))
    for outcome in scores.outcomes {
        print("\(outcome.outcome): \(outcome.participants.count) participants")
        for id in outcome.priorities.prefix(3) {
            let question = outcome.question(id)!
            let mean = question.mean.map { String(format: "%.2f", $0) } ?? "-"
            print("  \(question.question.key): mean \(mean), \(question.rating?.rawValue ?? "not scored")")
        }
        if let weakest = outcome.priorities.first.flatMap(outcome.question) {
            print("  Suggested for \(weakest.question.key): \(weakest.question.actions.joined(separator: "; "))")
        }
    }
} catch {
    print(error)
    exit(65)
}
