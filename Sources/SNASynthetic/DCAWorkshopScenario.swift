import SNACore
import SNAIO

/// Delivery chain workshop scores for two Local Area Agreement outcomes, as a
/// facilitator would type them in: one row per participant and question.
///
/// Each outcome has 14 participants from strategic and operational
/// backgrounds. Every question has a designed mean per outcome (the weak links
/// of the chain score low) and a gap between the layers (operational staff
/// score leadership and communication lower than strategic leads); scores are
/// those means plus noise, rounded and clamped to 1-4; about 4% are "don't
/// know". A few participants add a comment.
public struct DCAWorkshopScenario: Sendable {
    /// The seed.
    public var seed: UInt64

    /// Creates the scenario.
    public init(seed: UInt64 = 1) { self.seed = seed }

    /// The twelve question keys, in the order of seed 004's Table 5.
    public static let questionKeys = [
        "outcome-defined", "evidence", "capacity", "shared-plan", "funding", "communication",
        "levers", "risks", "performance", "leadership", "learning", "efficiency",
    ]

    struct Outcome {
        var name: String
        var means: [Double]
        var operationalGap: [String: Double]
        var participants: [(role: String, organisation: String, layer: Layer)]
        var comments: [String: [String]]
    }

    static let outcomes: [Outcome] = [
        Outcome(
            name: "Reduce childhood obesity (NI 56)",
            means: [3.4, 2.9, 2.1, 1.8, 1.6, 2.4, 1.7, 2.2, 2.0, 2.8, 2.3, 1.9],
            operationalGap: ["communication": -0.9, "leadership": -0.8, "shared-plan": -0.5],
            participants: [
                ("Director of Public Health", "Bolton Primary Care Trust", .strategic),
                ("Assistant Director, Children's Services", "Bolton Council", .strategic),
                ("Head of Leisure Services", "Bolton Council", .strategic),
                ("Commissioning Manager", "Bolton Primary Care Trust", .strategic),
                ("Chair", "Bolton Community and Voluntary Services", .strategic),
                ("Head Teacher", "Bolton Secondary Schools Partnership", .strategic),
                ("Health Improvement Manager", "Bolton Primary Care Trust", .operational),
                ("School Nurse", "Bolton Primary Care Trust", .operational),
                ("Healthy Schools Coordinator", "Bolton Council", .operational),
                ("Sports Development Officer", "Bolton Council", .operational),
                ("Community Dietitian", "Royal Bolton Hospital NHS Foundation Trust", .operational),
                ("Children's Centre Manager", "Bolton Council", .operational),
                ("Project Worker", "Bolton Wanderers Community Trust", .operational),
                ("Health Trainer", "Bolton Primary Care Trust", .operational),
            ],
            comments: [
                "funding": ["Funding is year to year; nothing pooled across partners.", "Every project bids for its own money.",
                            "We never know next year's budget until March."],
                "levers": ["No shared incentive for schools to take part.", "Schools get nothing back for joining in.",
                           "We rely on goodwill, not incentives."],
                "shared-plan": ["Each partner has its own plan; no joint operational plan.", "Nobody has the whole picture of who does what.",
                                "Plans are written separately and never joined up."],
                "communication": ["Front-line staff hear about decisions late.", "Information does not reach the schools."],
            ]),
        Outcome(
            name: "Increase the number of affordable homes delivered (NI 155)",
            means: [3.6, 3.2, 2.4, 2.9, 2.2, 2.7, 2.5, 1.9, 3.1, 3.0, 2.0, 2.6],
            operationalGap: ["communication": -0.6, "risks": -0.5],
            participants: [
                ("Director of Development", "Bolton Council", .strategic),
                ("Chief Executive", "Bolton at Home", .strategic),
                ("Head of Strategic Housing", "Bolton Council", .strategic),
                ("Development Director", "Bolton Community Homes", .strategic),
                ("Area Manager", "Homes and Communities Agency", .strategic),
                ("Head of Planning", "Bolton Council", .strategic),
                ("Development Manager", "Irwell Valley Homes", .operational),
                ("Planning Officer", "Bolton Council", .operational),
                ("Housing Enabling Officer", "Bolton Council", .operational),
                ("Project Manager", "Bolton at Home", .operational),
                ("Quantity Surveyor", "Bolton Community Homes", .operational),
                ("Tenancy Support Officer", "Bolton at Home", .operational),
                ("Regeneration Officer", "Bolton Council", .operational),
                ("Land and Property Officer", "Bolton Council", .operational),
            ],
            comments: [
                "risks": ["No shared risk register across the development partners.", "Each landlord manages its own risks.",
                          "When a site falls through nobody else knows until late."],
                "learning": ["Schemes are not reviewed together once they are finished.", "We repeat the same mistakes on each site."],
            ]),
    ]

    /// The responses file: outcome, participant, organisation, layer, question, score, comment.
    public func files() -> [(name: String, contents: String)] {
        var random = SeededGenerator(seed: seed)
        var table = CSVWriter(header: ["outcome", "participant", "organisation", "layer", "question", "score", "comment"])
        for outcome in Self.outcomes {
            for participant in outcome.participants {
                let name = "\(participant.role), \(participant.organisation)"
                for (question, key) in Self.questionKeys.enumerated() {
                    var mean = outcome.means[question]
                    if participant.layer == .operational { mean += (outcome.operationalGap[key] ?? 0) / 2 } else { mean -= (outcome.operationalGap[key] ?? 0) / 2 }
                    // Sum of three uniforms: a bell-shaped noise of standard deviation 0.5.
                    let noise = (random.nextUnit() + random.nextUnit() + random.nextUnit() - 1.5)
                    let score: CSVWriter.Cell = random.chance(0.04)
                        ? "don't know"
                        : .integer(min(4, max(1, Int((mean + noise).rounded()))))
                    var comment = ""
                    if let texts = outcome.comments[key], participant.layer == .operational, random.chance(0.3) { comment = random.pick(texts) }
                    table.append([.text(outcome.name), .text(name), .text(participant.organisation), .text(participant.layer.rawValue),
                                  .text(key), score, .text(comment)])
                }
            }
        }
        return [("responses.csv", table.output)]
    }
}
