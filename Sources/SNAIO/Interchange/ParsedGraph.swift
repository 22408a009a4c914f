import Foundation
import SNACore

/// A network file as its reader found it, before snatool's rules apply:
/// nodes and edges by the file's own ids, each with its attributes as text
/// and where it was written. ``network(file:options:people:aliases:)``
/// turns it into a ``PartnershipNetwork`` (rules in docs/interchange.md).
struct ParsedGraph {
    /// A node: its id in the file, its attributes and where it was declared.
    struct Node {
        var id: String
        var attributes: [String: String]
        var location: SourceLocation
    }

    /// An edge between two node ids, with its attributes and where it was written.
    struct Edge {
        var source: String
        var target: String
        var attributes: [String: String]
        var location: SourceLocation
        /// Whether it counts in both directions (an undirected edge).
        var undirected = false
    }

    var nodes: [Node] = []
    var edges: [Edge] = []
    /// Attributes of the graph itself (snatool writes `themes` and `level`).
    var graphAttributes: [String: String] = [:]
    /// Problems the reader found; errors stop the import.
    var problems: [Diagnostic] = []
    private var nodeIndex: [String: Int] = [:]

    /// Adds a node, or reports a repeated id.
    mutating func addNode(_ id: String, attributes: [String: String], at location: SourceLocation) {
        if let earlier = nodeIndex[id] {
            problems.append(Diagnostic(.error, code: "network.duplicate-node", at: location,
                                       "the node id '\(id)' is declared again (first at \(nodes[earlier].location.prefix))",
                                       value: id, fix: "give every node its own id"))
            return
        }
        nodeIndex[id] = nodes.count
        nodes.append(Node(id: id, attributes: attributes, location: location))
    }

    /// The position of the node with this id, or `nil`.
    func node(_ id: String) -> Int? { nodeIndex[id] }

    /// Attribute names that say what snatool itself wrote, never read as people-file attributes.
    static let ignoredAttributes: Set<String> = InterchangeNetwork.reservedNames
        .union(NodeMetricColumn.all.map(\.name))
        .union(["id", "label", "name", "x", "y", "z", "size", "color", "colour", "r", "g", "b", "timeset", "viz"])

    /// The network the file describes, read with the people and alias files
    /// as a survey is.
    ///
    /// - Throws: ``InputError`` listing every problem, when any is an error.
    func network(file: String, options: SurveyImportOptions, people: CSVTable?, aliases: CSVTable?) throws(InputError) -> PartnershipNetwork {
        var problems = self.problems
        if problems.contains(where: { $0.severity == .error }) { throw InputError(.badData, problems) }
        if nodes.isEmpty {
            throw InputError(.badData, problems + [Diagnostic(.error, code: "network.no-nodes", at: SourceLocation(file: file),
                                                              "the network has no nodes", fix: "export the network again with its nodes")])
        }
        // Names: the labels when every node has its own, else the ids.
        let labels = nodes.map { $0.attributes["label"] ?? $0.attributes["name"] }
        var names = nodes.map(\.id)
        let labelKeys = labels.map { $0.map(NameKey.key) ?? "" }
        if labels.allSatisfy({ $0 != nil }), !labelKeys.contains(""), Set(labelKeys).count == labelKeys.count {
            names = labels.map { $0! }
        } else if labels.contains(where: { $0 != nil }) {
            problems.append(Diagnostic(.warning, code: "network.labels-not-unique", at: SourceLocation(file: file),
                                       "some nodes have no label, or two share one; nodes are named by their ids",
                                       fix: "give every node its own label to see names instead of ids"))
        }
        let idKeys = names.map(NameKey.key)
        if Set(idKeys).count != idKeys.count {
            let repeated = Dictionary(grouping: names.indices, by: { idKeys[$0] }).values.first { $0.count > 1 }!
            throw InputError(.badData, problems + [Diagnostic(
                .error, code: "network.same-name", at: nodes[repeated[1]].location,
                "the nodes '\(names[repeated[0]])' and '\(names[repeated[1]])' differ only in case, spaces or punctuation, which snatool takes as one name",
                value: names[repeated[1]], fix: "make the names differ by more than case and punctuation")])
        }

        // Themes: the graph's declared order, then as met on the edges.
        var themeIDs: [String] = graphAttributes["themes"].map(Self.themeList) ?? []
        let edgeThemes: [[String]?] = edges.map { edge in
            if let list = edge.attributes["themes"] { return Self.themeList(list) }
            if let theme = edge.attributes["theme"] { return Self.themeList(theme) }
            return nil
        }
        for list in edgeThemes { for id in list ?? [] where !themeIDs.contains(id) { themeIDs.append(id) } }
        if let themed = edgeThemes.firstIndex(where: { !($0 ?? []).isEmpty }),
           let unthemed = edgeThemes.firstIndex(where: { ($0 ?? []).isEmpty }) {
            throw InputError(.badData, problems + [Diagnostic(
                .error, code: "network.mixed-themes", at: edges[unthemed].location,
                "this edge has no theme, but the edge at \(edges[themed].location.prefix) has one",
                fix: "give every edge a theme (the themes or theme attribute), or none")])
        }
        let themeSet: ThemeSet
        if themeIDs.allSatisfy({ options.themes.resolve($0) != nil }) {
            themeSet = options.themes
        } else {
            do throws(ThemeSetError) { themeSet = try ThemeSet(themeIDs.map { Theme(id: $0, label: $0) }) } catch {
                throw InputError(.badData, problems + [Diagnostic(.error, code: "network.themes", at: SourceLocation(file: file),
                                                                  "the edges' themes cannot be used: \(error)", fix: "give each theme one spelling")])
            }
        }
        var readOptions = options
        readOptions.themes = themeSet
        var builder = SurveyImporter.builder(people: people, aliases: aliases, options: readOptions)
        for problem in problems { builder.report(problem) }
        for id in themeIDs { if let index = themeSet.index(of: id) { builder.declareTheme(index) } }

        // Nodes.
        let answered = nodes.contains { $0.attributes["responded"] != nil }
        if nodes.contains(where: { $0.attributes["organisation"] != nil }) { builder.markPeopleSurvey() }
        var positions: [Int?] = []
        for (index, node) in nodes.enumerated() {
            var layer: Layer?
            if let spelling = node.attributes["layer"], !NameKey.cleaned(spelling).isEmpty {
                layer = Layer(spelling: spelling)
                if layer == nil {
                    builder.report(Diagnostic(.warning, code: "network.layer", at: node.location, "'\(spelling)' is not a layer; it was ignored",
                                              value: spelling, fix: "use strategic, operational or frontline (docs/input-formats.md)"))
                }
            }
            let attributes = node.attributes.filter { key, _ in !Self.ignoredAttributes.contains(NameKey.label(key)) && !key.hasPrefix("viz") }
            let responded = !answered || ["true", "1", "yes"].contains(NameKey.label(node.attributes["responded"] ?? ""))
            positions.append(builder.addPerson(names[index], organisation: node.attributes["organisation"], layer: layer, attributes: attributes,
                                               origin: responded ? .respondent : .contact, at: node.location))
        }

        // Edges.
        for (position, edge) in edges.enumerated() {
            guard let s = node(edge.source), let t = node(edge.target) else {
                let missing = node(edge.source) == nil ? edge.source : edge.target
                builder.report(Diagnostic(.error, code: "network.unknown-node", at: edge.location,
                                          "the edge \(edge.source) -> \(edge.target) names the node '\(missing)', which is not declared",
                                          value: missing, fix: "declare every node the edges name, or remove the edge"))
                continue
            }
            guard let source = positions[s], let target = positions[t] else { continue }
            let ours = edge.attributes["multiplexity"] != nil
            func number(_ key: String) -> Double? {
                guard let text = edge.attributes[key] else { return nil }
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                    builder.report(Diagnostic(.error, code: "network.number", at: edge.location, "the edge's \(key) is not a number",
                                              value: text, fix: "write the \(key) as a number, e.g. 2 or 0.5"))
                    return nil
                }
                return value
            }
            let themes = edgeThemes[position]
            var ties: [(theme: Int?, strength: Double?)] = []
            if let themes, !themes.isEmpty {
                for id in themes {
                    let strength = number("strength_\(id)") ?? (ours || themes.count > 1 ? nil : number("strength") ?? number("weight"))
                    ties.append((themeSet.index(of: id), strength))
                }
            } else {
                ties.append((nil, number("strength") ?? number("weight")))
            }
            // Tie ratings, as snatool's export writes them (`ID_rating`), for the items declared: each of the edge's themes gets them.
            let ratings: [Double?] = readOptions.ratings.items.map { item in
                guard let text = edge.attributes["\(item.id)_rating"] else { return nil }
                switch LongSurveyReader.Session.ratingCell(text, item: item) {
                case .empty: return nil
                case .value(let value): return value
                case .invalid(let message, let text):
                    builder.report(LongSurveyReader.Session.badRating("the edge's \(message)", value: text, item: item, at: edge.location))
                    return nil
                }
            }
            for tie in ties {
                builder.addTie(source: source, target: target, theme: tie.theme, strength: tie.strength, ratings: ratings, at: edge.location)
                if edge.undirected, source != target {
                    builder.addTie(source: target, target: source, theme: tie.theme, strength: tie.strength, ratings: ratings, at: edge.location)
                }
            }
        }
        return try builder.build()
    }

    /// Theme ids written in one attribute: separated by `;` (or `,`), blanks dropped.
    static func themeList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "," }).map { NameKey.cleaned($0) }.filter { !$0.isEmpty }
    }
}
