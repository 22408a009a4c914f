/// What groups the nodes of an analysis: for brokerage, colours, clusters and
/// the findings' words. Parsed once from a name (`--group-by`, `--colour-by`,
/// `--cluster-by`) and then used by every path: the full analysis,
/// `--metrics`, maps, the report and the outputs.
///
/// `organisation`, `organization` and `org` name the organisation; `layer`
/// the layer; any other name an attribute from the survey or the people file
/// (compared as ``NameKey/label(_:)`` compares headers).
public enum Grouping: Sendable, Hashable, CustomStringConvertible {
    /// The node's organisation (at organisation level, the node itself).
    case organisation
    /// The person's layer (strategic, executive, operational).
    case layer
    /// An attribute, by its label (lower-cased, spaces single).
    case attribute(String)

    /// The grouping a name stands for.
    public init(_ name: String) {
        switch NameKey.label(name) {
        case "organisation", "organization", "org", "organisations", "organizations": self = .organisation
        case "layer", "layers": self = .layer
        case let label: self = .attribute(label)
        }
    }

    /// The name as written in outputs: `organisation`, `layer` or the attribute's label.
    public var description: String {
        switch self {
        case .organisation: "organisation"
        case .layer: "layer"
        case .attribute(let label): label
        }
    }

    /// Whether this is the organisation.
    public var isOrganisation: Bool { self == .organisation }
}

extension PartnershipNetwork {
    /// A node's value of `grouping` at `level`, or `nil` when unknown.
    ///
    /// At people level: the person's organisation, layer or attribute. At
    /// organisation level: the organisation's own name for `.organisation`,
    /// its attribute (from the people or organisations file) otherwise; an
    /// organisation has no layer.
    public func value(of grouping: Grouping, node: Int, level: AnalysisLevel) -> String? {
        switch (level, grouping) {
        case (.people, .organisation): return organisation(ofPerson: node).map { organisations[$0].name }
        case (.people, .layer): return people[node].layer?.rawValue
        case (.people, .attribute(let label)): return people[node].attributes[label]
        case (.organisations, .organisation): return organisations[node].name
        case (.organisations, .layer): return nil
        case (.organisations, .attribute(let label)): return organisations[node].attributes[label]
        }
    }

    /// Each node's group at `level` under `grouping`: the group names in
    /// order of first appearance (nodes with no value share one group named
    /// `(none)`), and each node's position among them. Names that differ only
    /// as ``NameKey/key(_:)`` ignores are one group.
    ///
    /// - Complexity: O(V) for V nodes.
    public func groups(by grouping: Grouping, level: AnalysisLevel) -> (names: [String], ofNode: [Int]) {
        let count = level == .people ? people.count : organisations.count
        var names: [String] = []
        var index: [String: Int] = [:]
        var ofNode: [Int] = []
        ofNode.reserveCapacity(count)
        for node in 0..<count {
            let name = value(of: grouping, node: node, level: level) ?? "(none)"
            let key = NameKey.key(name)
            if let position = index[key] {
                ofNode.append(position)
            } else {
                index[key] = names.count
                ofNode.append(names.count)
                names.append(name)
            }
        }
        return (names, ofNode)
    }

    /// Whether any node at `level` has a value for `grouping`.
    public func hasValues(of grouping: Grouping, level: AnalysisLevel) -> Bool {
        let count = level == .people ? people.count : organisations.count
        return (0..<count).contains { value(of: grouping, node: $0, level: level) != nil }
    }

    /// The groupings a user can choose at `level`: `organisation` when any
    /// is known, `layer` when any is known (people level), then every attribute.
    public func availableGroupings(level: AnalysisLevel) -> [String] {
        var available: [String] = []
        if !organisations.isEmpty { available.append("organisation") }
        if level == .people && people.contains(where: { $0.layer != nil }) { available.append("layer") }
        let attributes = level == .people ? people.flatMap(\.attributes.keys) : organisations.flatMap(\.attributes.keys)
        return available + Set(attributes).sorted()
    }
}
