/// The layer of joint working a person works at.
public enum Layer: String, CaseIterable, Sendable, Codable, Comparable {
    /// Board members, chief officers: set direction.
    case strategic
    /// Managers who turn strategy into programmes.
    case executive
    /// Front-line staff who deliver.
    case operational

    /// The other spellings of each layer (besides its name), as ``NameKey/label(_:)`` writes them:
    /// the one list that survey, people-file, workshop and instrument readers accept.
    public static let spellings: [Layer: [String]] = [
        .strategic: ["strategy", "strategic layer", "board"],
        .executive: ["exec", "management", "managerial", "tactical"],
        .operational: ["operations", "front line", "frontline", "delivery"],
    ]

    /// The layer a spelling names ("Strategic", "exec", "front line"), or `nil`.
    public init?(spelling: String) {
        let label = NameKey.label(spelling)
        if let layer = Layer.allCases.first(where: { $0.rawValue == label || Layer.spellings[$0]!.contains(label) }) {
            self = layer
        } else {
            // A survey's choice text: "Strategic (Director / Head of Service)", "Operational - front line".
            let words = Set(NameKey.label(spelling).split(separator: " "))
            let named = [(Layer.strategic, "strategic"), (.executive, "executive"), (.operational, "operational")].filter { words.contains(Substring($0.1)) }
            guard named.count == 1 else { return nil }
            self = named[0].0
        }
    }

    /// Strategic before executive before operational.
    public static func < (a: Layer, b: Layer) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
