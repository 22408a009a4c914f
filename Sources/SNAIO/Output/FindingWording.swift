import Foundation
import SNACore

/// The words of findings: every sentence text, CSV, JSON, the report and the
/// interactive map show is made here from a ``Finding``'s data, and nothing
/// reads these sentences back. Rules and thresholds: docs/findings.md.
public enum FindingWording {
    /// The heading of a kind's findings, e.g. "Gatekeepers the partnership depends on".
    public static func title(of kind: FindingKind) -> String {
        switch kind {
        case .gatekeeper: "Gatekeepers the partnership depends on"
        case .weakLink: "Weak links between partners"
        case .missingLink: "Expected partners with no ties"
        case .bridge: "Bridges the partnership hangs on"
        case .absentFromTheme: "Partners absent from a theme"
        case .isolatedPeople: "Isolated"
        case .layerGap: "Layers with no tie to the next"
        case .onlyLayerLink: "One person between two layers"
        case .confinedToLayer: "Decision-making confined to one layer"
        case .layersDecideApart: "Layers deciding apart"
        case .lowTrustLink: "Partners tied but with low trust"
        case .distrustedGatekeeper: "Gatekeepers who are little trusted"
        case .requiredPartnerMissing: "Named partners with nobody in the survey"
        case .requiredPartnerAbsent: "Named partners absent from strategy or decision-making"
        case .requiredPartnerUnanswered: "Named partners who mostly did not answer"
        case .expectedPartnerNotInSurvey: "Expected partners not in the survey"
        }
    }

    /// What a kind of finding means, in a sentence.
    public static func explanation(of kind: FindingKind) -> String {
        switch kind {
        case .gatekeeper: "People who control access to parts of the partnership: if they left, others would be cut off, or the links between organisations would thin sharply."
        case .weakLink: "Pairs of organisations with far fewer ties between them than their ties with everyone else would lead one to expect."
        case .missingLink: "Pairs named as partners who should work together, with no tie at all."
        case .bridge: "Single ties that alone hold a group of people to the rest of the network."
        case .absentFromTheme: "Organisations with no ties to other partners in a theme, although well connected in the others."
        case .isolatedPeople: "People with no ties in the network judged."
        case .layerGap: "Adjacent governance layers (strategic and executive, executive and operational) with no tie between their people: strategy cannot reach the front line, nor the front line report back."
        case .onlyLayerLink: "Every tie between two adjacent governance layers runs through one person, so the layers' link hangs on them."
        case .confinedToLayer: "Decision-making ties that all stay inside one governance layer, so the other layers have no part in decisions."
        case .layersDecideApart: "Decision-making ties that stay inside each governance layer: every layer decides, but the strategic, executive and operational decisions are seldom joined up."
        case .lowTrustLink: "Pairs of organisations that work together (or should) whose people rate each other low on trust."
        case .distrustedGatekeeper: "Gatekeepers whom the people tied to them rate low on trust: the partnership depends on a relationship it does not trust."
        case .requiredPartnerMissing: "Kinds of organisation the partnership's statute names as partners (seed 004, Appendix 3) of which no organisation is in the survey."
        case .requiredPartnerAbsent: "Named partners of the partnership's statute with no ties to other partners in strategy or decision-making."
        case .requiredPartnerUnanswered: "Named partners of the partnership's statute fewer than half of whose people answered the survey, so their own view of their ties is missing."
        case .expectedPartnerNotInSurvey: "Organisations named as expected partners that nobody in the survey works for or names."
        }
    }

    /// One sentence: what was found.
    public static func headline(_ finding: Finding) -> String {
        let names = finding.subjectNames
        let people = finding.nodesArePeople
        switch finding.evidence {
        case .gatekeeper(let e):
            if e.isCutPoint {
                var text = "\(names[0]) is a gatekeeper: if they left, \(count(e.cutOff.count, people ? "person" : "partner", people ? "people" : "partners")) would be cut off from the \(network(finding))"
                if !e.organisationsCutOff.isEmpty {
                    text += ", including all the connected members of \(list(e.organisationsCutOff.map(\.name)))"
                }
                return text + "."
            }
            return "\(names[0]) is a gatekeeper: they carry \(percent(e.brokerage?.share ?? 0)) of the brokerage between \(groupWord(e.groupedBy))."
        case .weakLink(let e):
            return "\(names[0]) and \(names[1]) are weakly linked: \(count(e.observed, e.themed ? "themed tie" : "tie", e.themed ? "themed ties" : "ties")) between them where about \(number(e.expected)) would be expected."
        case .missingLink:
            return "\(names[0]) and \(names[1]) should work together but have no ties in \(finding.theme == Theme.allID ? "any theme" : finding.themeLabel.lowercased())."
        case .bridge(let e):
            var text = "The tie between \(names[0]) and \(names[1]) is a bridge: it alone connects \(count(e.smallerSide.count, people ? "person" : "partner", people ? "people" : "partners"))"
            if !e.organisations.isEmpty { text += " (in \(list(e.organisations.map(\.name), limit: 3)))" }
            return text + " to the rest of the \(network(finding))."
        case .absentFromTheme:
            let theme = finding.themeLabel.lowercased()
            return names.count == 1
                ? "\(names[0]) has no \(theme) ties with other partners."
                : "\(names.count) organisations have no \(theme) ties with other partners: \(list(names, limit: 8))."
        case .isolatedPeople:
            let noun = people ? (names.count == 1 ? "person has" : "people have") : (names.count == 1 ? "partner has" : "partners have")
            let scope = finding.theme == Theme.allID ? "at all" : "in \(finding.themeLabel.lowercased())"
            return "\(names.count) \(noun) no ties \(scope): \(list(names, limit: 5))."
        case .layers(let e):
            switch finding.kind {
            case .layerGap:
                return "The \(e.layers[0].rawValue) and \(e.layers[1].rawValue) layers have no tie between them in the \(network(finding))."
            case .onlyLayerLink:
                let who = names.count == 1 ? "\(names[0]) is the only link" : "\(list(names)) are the only link"
                return "\(who) between the \(e.layers[0].rawValue) and \(e.layers[1].rawValue) layers: every one of the \(count(e.ties, "tie", "ties")) between them is \(names.count == 1 ? "theirs" : "the tie between them")."
            case .layersDecideApart:
                return "\(finding.themeLabel) stays within each layer: \(e.ties) of its \(e.totalTies) ties between people with a layer (\(percent(Double(e.ties) / Double(e.totalTies)))) join people of the same layer\(e.withinShareInAllThemes.map { ", against \(percent($0)) across all themes" } ?? "")."
            default:
                return "\(finding.themeLabel) stays inside the \(e.layers[0].rawValue) layer: \(e.ties == e.totalTies ? "all \(count(e.ties, "tie", "ties"))" : "\(e.ties) of its \(e.totalTies) ties (\(percent(Double(e.ties) / Double(e.totalTies))))") join \(e.layers[0].rawValue) people."
            }
        case .trust(let e):
            let measure = e.scoreLabel.lowercased()
            if e.gatekeeper != nil {
                return "\(names[0]) is a gatekeeper whom others trust little: \(measure) received \(rating(e.mean)) on a \(scale(e)) scale."
            }
            let expected = e.expectedLink != nil ? ", although they should work together" : ""
            return "\(names[0]) and \(names[1]) are tied but rate each other low on \(measure): \(rating(e.mean)) on a \(scale(e)) scale\(expected)."
        case .statutory(let e):
            let partnership = e.partnership.name.lowercased()
            switch finding.kind {
            case .requiredPartnerMissing:
                return "\(e.kinds[0].name): a named partner of \(partnership), with nobody in the survey."
            case .requiredPartnerAbsent:
                let theme = finding.themeLabel.lowercased()
                let named = zip(names, e.kinds).map { "\($0) (\(lowercasedFirst($1.name)))" }
                return names.count == 1
                    ? "\(named[0]), a named partner of \(partnership), has no \(theme) ties with other partners."
                    : "\(names.count) named partners of \(partnership) have no \(theme) ties with other partners: \(list(named, limit: 6))."
            default:
                return "\(names[0]) (\(lowercasedFirst(e.kinds[0].name))), a named partner of \(partnership): \(e.answered == 0 ? "none" : "only \(e.answered)") of its \(count(e.members, "person", "people")) in the survey answered."
            }
        case .expectedPartnerNotInSurvey(let e):
            return "\(list(e.notInSurvey.map { "'\($0)'" })) \(e.notInSurvey.count == 1 ? "is" : "are") expected \(e.notInSurvey.count == 1 ? "as a partner" : "as partners") but not in the survey: nobody in it works for \(e.notInSurvey.count == 1 ? "it" : "them") or names \(e.notInSurvey.count == 1 ? "it" : "them")."
        }
    }

    /// A rating to two places, or as a whole number.
    static func rating(_ value: Double) -> String { number(value, places: 2) }

    /// A trust finding's scale, e.g. "1-4".
    static func scale(_ e: TrustEvidence) -> String { "\(number(e.minimum))-\(number(e.maximum))" }

    /// Why: the figures behind the finding, as sentences.
    public static func evidence(_ finding: Finding) -> String {
        var text: String
        switch finding.evidence {
        case .gatekeeper(let e):
            var reasons: [String] = []
            if e.isCutPoint {
                var reason = "cut-point of the \(network(finding))"
                if !e.cutOffElsewhere.isEmpty {
                    reason += e.organisationsCutOff.isEmpty ? "; cut off: " : "; cut off besides: "
                    reason += list(e.cutOffElsewhere.map(\.name), limit: 4)
                }
                reasons.append(reason)
                reasons.append("removal impact \(String(format: "%.3f", e.removalImpact)) (\(percent(e.removalImpact)) of connected pairs of others would be disconnected)")
            }
            if let b = e.brokerage {
                reasons.append("brokers \(count(b.between, "pair", "pairs")) between \(groupWord(e.groupedBy)), \(percent(b.share)) of all (gatekeeper \(number(b.gatekeeper)), representative \(number(b.representative)), liaison \(number(b.liaison)))")
            }
            if e.betweenness > 0 {
                reasons.append("betweenness \(number(e.betweenness)), rank \(e.rank) of \(e.nodeCount)")
            } else {
                reasons.append("betweenness 0: following ties in the direction they were named, no shortest path between others runs through them")
            }
            text = reasons.joined(separator: "; ") + "."
        case .weakLink(let e):
            let ties = e.themed ? "themed ties" : "ties"
            text = "they have \(number(e.tiesWithOthers[0])) and \(number(e.tiesWithOthers[1])) \(ties) with other partners; between them, \(percent(e.expected > 0 ? e.observed / e.expected : 0)) of what that predicts."
        case .missingLink(let e):
            text = "named as expected partners (\(e.link.first) with \(e.link.second))" + (e.link.note.map { ": \($0)" } ?? "") + "; no tie in either direction."
        case .bridge(let e):
            text = "removing this one tie splits the \(network(finding))"
                + (e.organisations.isEmpty ? "; the smaller side: \(list(e.smallerSide.map(\.name), limit: 4))." : ".")
        case .absentFromTheme(let e):
            let least = e.tiesInAllThemes.min() ?? 0
            text = "each has at least \(count(least, "tie", "ties")) with other partners across all themes (the median organisation has \(number(e.medianTies))), but none in \(finding.themeLabel.lowercased())."
        case .isolatedPeople(let e):
            text = finding.theme == Theme.allID ? "no tie in or out in any theme" : "no tie in or out in \(finding.themeLabel.lowercased())"
            if let answered = e.answered {
                let missing = finding.subjects.count - answered
                text += "; \(answered) of them answered the survey naming nobody, \(missing) did not answer and nobody named them"
            }
            text += "."
        case .layers(let e):
            switch finding.kind {
            case .layersDecideApart:
                let crossing = e.totalTies - e.ties
                let members = zip(e.layers, e.activeMembers).map { "\(count($1, "person", "people")) of the \($0.rawValue) layer" }
                text = "\(list(members)) have ties across all themes; only \(count(crossing, "tie", "ties")) in \(finding.themeLabel.lowercased()) \(crossing == 1 ? "crosses" : "cross") from one layer to another."
            case .layerGap, .onlyLayerLink:
                text = "\(count(e.activeMembers[0], "person", "people")) of the \(e.layers[0].rawValue) layer and \(count(e.activeMembers[1], "person", "people")) of the \(e.layers[1].rawValue) layer have ties in the \(network(finding)); \(count(e.ties, "tie", "ties")) between the two layers."
            default:
                let outside = e.totalTies - e.ties
                text = "\(list(e.layersLeftOut.map { "the \($0.rawValue)" })) \(e.layersLeftOut.count == 1 ? "layer has" : "layers have") people with ties in other themes, and \(outside == 0 ? "none" : "only \(outside)") of the \(count(e.totalTies, "tie", "ties")) in \(finding.themeLabel.lowercased()) \(outside == 1 ? "reaches" : "reach") beyond the \(e.layers[0].rawValue) layer."
            }
        case .trust(let e):
            let measure = e.scoreLabel.lowercased()
            var parts: [String] = []
            if let why = e.gatekeeper {
                parts.append("\(measure) received \(rating(e.mean)) from \(count(e.ratings, "rating", "ratings")), below \(rating(e.threshold))")
                if why.isCutPoint { parts.append("their departure would cut off \(count(why.cutOff.count, finding.nodesArePeople ? "person" : "partner", finding.nodesArePeople ? "people" : "partners"))") }
                if let b = why.brokerage { parts.append("they carry \(percent(b.share)) of the brokerage between \(groupWord(why.groupedBy))") }
            } else {
                parts.append("\(measure) \(rating(e.mean)) from \(count(e.ratings, "rating", "ratings")) in both directions, below \(rating(e.threshold))")
                let names = finding.subjectNames
                for (index, mean) in e.directions.enumerated() where index < 2 && names.count == 2 {
                    let from = names[index], to = names[1 - index]
                    parts.append(mean.map { "\(from) rates \(to) \(rating($0)) (\(count(e.directionRatings[index], "rating", "ratings")))" } ?? "\(from) gave \(to) no rating")
                }
                parts.append("\(count(e.ties, "tie", "ties")) between them")
                if let link = e.expectedLink {
                    parts.append("named as expected partners (\(link.first) with \(link.second))" + (link.note.map { ": \($0)" } ?? ""))
                }
            }
            if let overall = e.networkMean { parts.append("the mean over all rated ties is \(rating(overall))") }
            text = parts.joined(separator: "; ") + "."
        case .statutory(let e):
            let source = "named in the \(e.partnership.statute.hasSuffix(".") ? String(e.partnership.statute.dropLast()) : e.partnership.statute) (seed 004, Appendix 3)"
            switch finding.kind {
            case .requiredPartnerMissing:
                text = e.listedOutsideSurvey.isEmpty
                    ? "\(source); no organisation of the survey has this type"
                    : "\(source); the organisations file lists \(list(e.listedOutsideSurvey, limit: 4)) with this type, but nobody in the survey works there or names \(e.listedOutsideSurvey.count == 1 ? "it" : "them")"
            case .requiredPartnerAbsent:
                let least = e.tiesInAllThemes.min() ?? 0
                text = least > 0
                    ? "\(source); \(finding.subjects.count == 1 ? "it has" : "each has at least") \(count(least, "tie", "ties")) with other partners across all themes, but none in \(finding.themeLabel.lowercased())"
                    : "\(source); no tie with other partners in \(finding.themeLabel.lowercased())"
            default:
                text = "\(source); \(e.members - e.answered) of its \(count(e.members, "person", "people")) in the survey did not answer"
            }
            text += "."
        case .expectedPartnerNotInSurvey(let e):
            text = "named as expected partners (\(e.link.first) with \(e.link.second))" + (e.link.note.map { ": \($0)" } ?? "")
                + "; no organisation, sector or type of the survey has \(e.notInSurvey.count == 1 ? "that name" : "those names")"
            let near = zip(e.notInSurvey, e.closest).compactMap { name, closest in closest.map { "'\(name)' may be the survey's '\($0)' written another way" } }
            text += (near.isEmpty ? "" : "; " + list(near)) + "."
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// What the partnership might do.
    public static func response(_ finding: Finding) -> String {
        let one = finding.nodesArePeople ? "person" : "partner"
        switch finding.evidence {
        case .gatekeeper(let e):
            return e.isCutPoint
                ? "Support this \(one) and plan for their absence: build a second route between the \(finding.nodesArePeople ? "people" : "partners") they connect and the rest of the partnership, so that access does not depend on one \(one)."
                : "Share the load: introduce the \(groupWord(e.groupedBy)) this \(one) brokers between to each other directly."
        case .weakLink: return "Ask why these partners work together so little; if they should, agree named contacts and a joint piece of work."
        case .missingLink: return "Find out what stops these partners working together and agree how they will."
        case .bridge: return "Strengthen this connection and add others alongside it, so the link does not hang on a single relationship."
        case .absentFromTheme: return "Check whether they should take part in the theme; if so, give them a place in it (a seat, a named contact, a standing invitation)."
        case .isolatedPeople: return "Check whether they are still part of the partnership; if they are, connect them to the people they should be working with."
        case .layers:
            switch finding.kind {
            case .layerGap: return "Agree how each layer reports to and hears from the next (seed 004, Table 8): named contacts, and the executive at the board or the operational leads at the executive."
            case .onlyLayerLink: return "Give the layers a second route: bring another person from each layer into regular contact, so the link does not depend on one person."
            case .layersDecideApart: return "Join decisions up across the layers (seed 004, paragraphs 44 and 103): let the board take its decisions on the executive's and the operational leads' reports, and give each layer a named route into the decisions of the others."
            default: return "Bring the other layers into decision-making where it touches their work: a seat, a standing invitation, or decisions taken on their reports."
            }
        case .trust(let e):
            return e.gatekeeper != nil
                ? "Find out why trust in this \(one) is low and act on it (clearer commitments, shared work with visible results), and build a second, trusted route to the people they connect."
                : "Talk with both partners about what would build trust (openness about plans, commitments kept, a shared aim), starting with a joint piece of work both value."
        case .statutory:
            switch finding.kind {
            case .requiredPartnerMissing: return "Find out whether this partner takes part; if it does, survey its people, and if it does not, invite it: the statute names it."
            case .requiredPartnerAbsent: return "Give these named partners a place where strategy is set and decisions are taken: a seat, a named contact, a standing invitation."
            default: return "Ask this partner's people to answer, so that its own view of its ties is counted, before relying on what the survey says of it."
            }
        case .expectedPartnerNotInSurvey(let e):
            if let index = e.closest.firstIndex(where: { $0 != nil }), let closest = e.closest[index] {
                return "Check the name: if '\(e.notInSurvey[index])' is '\(closest)', write it in the expected links as the survey does; if it is another partner, survey its people or find out why it is not part of the partnership."
            }
            return "Check the name; if the partner is right, survey its people or find out why it is not part of the partnership."
        }
    }

    // MARK: Pieces

    /// "network of all themes" or "decision-making network": what the finding was judged on.
    static func network(_ finding: Finding) -> String {
        finding.theme == Theme.allID ? "network of \(finding.themeLabel.lowercased())" : "\(finding.themeLabel.lowercased()) network"
    }

    /// "organisations", or "sector groups".
    static func groupWord(_ grouping: Grouping) -> String {
        grouping.isOrganisation ? "organisations" : "\(grouping) groups"
    }

    /// "Primary care trusts" as "primary care trusts"; a name with other capitals ("Jobcentre Plus", "NHS health trusts") kept.
    static func lowercasedFirst(_ text: String) -> String {
        guard text.dropFirst().allSatisfy({ !$0.isUppercase }) else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// "A", "A and B", "A, B and C", "A, B, C and 4 more".
    public static func list(_ items: [String], limit: Int = 6) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        if items.count > limit { return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// A whole number as an integer, else with `places` decimals.
    public static func number(_ value: Double, places: Int = 1) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.\(places)f", value)
    }

    /// "1 person", "3 people", "2.5 ties".
    public static func count(_ value: Double, _ singular: String, _ plural: String) -> String {
        value == 1 ? "1 \(singular)" : "\(number(value)) \(plural)"
    }

    /// "1 person", "3 people".
    public static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        value == 1 ? "1 \(singular)" : "\(value) \(plural)"
    }

    /// "12%", "under 1%".
    public static func percent(_ value: Double) -> String {
        value > 0 && value < 0.01 ? "under 1%" : String(format: "%.0f%%", value * 100)
    }
}
