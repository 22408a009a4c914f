import SNACore

extension ReportOptions {
    /// The options with the free text that could name someone dealt with, for
    /// an anonymised report: the notes of expected links are left out (they may
    /// name anyone, in or out of the survey), their names made pseudonyms when
    /// every node is renamed; delivery chain outcomes have the
    /// survey's people's names replaced by pseudonyms, participants are coded
    /// and comments left out.
    func anonymised(by network: AnonymisedNetwork) -> ReportOptions {
        var options = self
        options.analysis.expectedLinks = network.anonymised(analysis.expectedLinks)
        if var dca = options.dca {
            for o in dca.outcomes.indices {
                dca.outcomes[o].outcome = network.scrubbed(dca.outcomes[o].outcome)
                dca.outcomes[o].participants = dca.outcomes[o].participants.indices.map { "Participant \($0 + 1)" }
                for q in dca.outcomes[o].questions.indices { dca.outcomes[o].questions[q].comments = [] }
            }
            options.dca = dca
        }
        if var chain = options.dcaNetwork {
            for o in chain.outcomes.indices { chain.outcomes[o].outcome = network.scrubbed(chain.outcomes[o].outcome) }
            options.dcaNetwork = chain
        }
        return options
    }
}
