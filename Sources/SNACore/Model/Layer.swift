/// The layer of joint working a person works at.
public enum Layer: String, CaseIterable, Sendable, Codable, Comparable {
    /// Board members, chief officers: set direction.
    case strategic
    /// Managers who turn strategy into programmes.
    case executive
    /// Front-line staff who deliver.
    case operational

    /// The layer a spelling names ("Strategic", "exec", "front line"), or `nil`.
    public init?(spelling: String) {
        switch NameKey.label(spelling) {
        case "strategic", "strategy", "strategic layer", "board": self = .strategic
        case "executive", "exec", "management", "managerial", "tactical": self = .executive
        case "operational", "operations", "front line", "frontline", "delivery": self = .operational
        default:
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
