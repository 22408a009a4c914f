import SNAAssessments
import SNACore
import SNAIO

extension PartnershipReport {
    /// The governance layers (seed 004, paragraph 44): ties from each layer to
    /// each, in all themes and in decision-making, and the layer findings;
    /// `nil` when nobody has a layer.
    static func layers(_ analysis: PartnershipAnalysis) -> String? {
        guard let whole = analysis.judgedSelection, whole.layerBlocks != nil else { return nil }
        var html = "<p>Joint working has three layers (strategic, executive and operational; seed 004, paragraph 44), each with its own part to play. Each table counts the ties from the row's layer to the column's; the E-I index runs from -1 (all of a layer's ties stay inside it) to +1 (all reach other layers). Only people with a layer count.</p>"
        var selections = [whole]
        if let decisions = analysis.selection("decision-making"), decisions.id != whole.id { selections.append(decisions) }
        for selection in selections {
            guard let blocks = selection.layerBlocks else { continue }
            html += "<table><caption>Ties between the layers, \(e(selection.label.lowercased()))</caption><thead><tr><th scope=\"col\">From \\ to</th>"
            html += blocks.groups.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "<th scope=\"col\">People</th><th scope=\"col\">E-I index</th></tr></thead><tbody>"
            for a in blocks.groups.indices {
                html += "<tr><th scope=\"row\">\(e(blocks.groups[a]))</th>"
                html += blocks.groups.indices.map { "<td>\(Int(blocks.ties[a][$0]))</td>" }.joined()
                html += "<td>\(blocks.sizes[a])</td><td>\(number(blocks.eiIndex(a), places: 2))</td></tr>"
            }
            html += "</tbody></table>"
        }
        // Every finding about the layers, whatever its kind: those with layer evidence.
        let found = analysis.findings.filter { if case .layers = $0.evidence { true } else { false } }
        if found.isEmpty {
            html += "<p>No finding about the layers passes the thresholds set (docs/findings.md).</p>"
        } else {
            html += "<p>What the layers show (also under Key findings):</p><ul class=\"findings\">"
            html += found.map { "<li><p class=\"headline\">\(e(FindingWording.headline($0)))</p><p class=\"response\">\(e(FindingWording.response($0)))</p></li>" }.joined()
            html += "</ul>"
        }
        return html
    }

    /// The delivery chain workshops set against the network (``DCANetwork``):
    /// who was in the room, how they are tied, and who was not there.
    static func deliveryChainNetwork(_ chain: DCANetwork) -> String {
        func decimal(_ value: Double?) -> String { number(value, places: 2) }
        func whole(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value) }
        var html = "<p>Each workshop's organisations set against the survey (ties in \(e(chain.themes.isEmpty ? "the survey's one relation" : chain.themes.joined(separator: ", "))), counted once per theme in either direction between people of different organisations). The shared-plan (question 4) and communication (question 6) scores sit beside the ties observed between the organisations in the room.</p>"
        for outcome in chain.outcomes {
            html += "<h3>\(e(outcome.outcome))</h3>"
            let share = outcome.pairs > 0 ? " (\(percent(Double(outcome.pairsTied) / Double(outcome.pairs))))" : ""
            html += "<p>Scored: shared plan \(decimal(outcome.sharedPlan)), communication \(decimal(outcome.communication)) (1 not in place … 4 fully in place). Observed: \(outcome.pairsTied) of the \(outcome.pairs) pairs of organisations in the room are tied\(share).</p>"
            let others = max(outcome.room.filter(\.inSurvey).count - 1, 0)
            html += "<table class=\"sortable\"><caption>The organisations in the room</caption><thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">Participants</th><th scope=\"col\">Shared plan</th><th scope=\"col\">Communication</th><th scope=\"col\">Tied to others in the room</th><th scope=\"col\">Ties in the room</th><th scope=\"col\">Decision-making ties</th><th scope=\"col\">Note</th></tr></thead><tbody>"
            for o in outcome.room {
                var notes: [String] = []
                if !o.inSurvey { notes.append("not in the survey") }
                if o.weaklyLinked { notes.append("weakly linked") }
                if o.decisionTies == 0 { notes.append("absent from decision-making") }
                html += "<tr><td>\(e(o.name))</td><td>\(o.participants)</td><td>\(decimal(o.sharedPlan))</td><td>\(decimal(o.communication))</td>"
                html += "<td>\(o.inSurvey ? "\(o.linkedInRoom) of \(others)" : "–")</td><td>\(o.inSurvey ? whole(o.tiesInRoom) : "–")</td>"
                html += "<td>\(o.decisionTies.map(whole) ?? "–")</td><td>\(e(notes.joined(separator: ", ")))</td></tr>"
            }
            html += "</tbody></table>"
            if outcome.invitees.isEmpty {
                html += "<p>No partner outside the room is tied to the organisations in it.</p>"
            } else {
                html += "<p>Partners central to the outcome's network who were not in the room (suggested invitees, most tied to the room first):</p><ol>"
                for invitee in outcome.invitees {
                    html += "<li>\(e(invitee.name)): \(whole(invitee.tiesWithRoom)) ties with \(invitee.linkedInRoom) of the organisations in the room; \(whole(invitee.ties)) ties in all.</li>"
                }
                html += "</ol>"
            }
        }
        return html
    }
}
