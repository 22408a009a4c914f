import SNACore

/// Which nodes carry a label.
public enum MapLabels: Sendable, Equatable {
    /// Every node.
    case all
    /// The N largest by the size metric (gatekeepers and the ego always).
    case top(Int)
    /// None (names stay in the SVG tooltips).
    case none
}

/// What a map can highlight.
public enum MapHighlight: String, CaseIterable, Sendable {
    /// Gatekeepers (double outline).
    case gatekeepers
    /// Weak links between organisations and bridges (dashed orange, thick black).
    case weakLinks = "weak-links"
    /// Nodes with no ties (dashed outline, gathered together).
    case isolates
}

/// The metric that sets node size.
public enum MapSizeMetric: String, CaseIterable, Sendable {
    case degree, betweenness, pagerank, eigenvector, harmonic
    case removalImpact = "removal-impact"
    case brokerage
    /// An organisation's number of people (organisation level).
    case people
    /// Money each node spends, from outside the survey (``MapOptions/externalSizes``;
    /// `snatool map --size-by spend --spend FILE`).
    case spend

    /// The catalogue column it reads (``NodeMetricColumn``); `nil` for `people`.
    public var column: NodeMetricColumn? {
        switch self {
        case .degree, .betweenness, .pagerank, .eigenvector, .harmonic: NodeMetricColumn.named(rawValue)
        case .removalImpact: NodeMetricColumn.named("removal_impact")
        case .brokerage: NodeMetricColumn.named("brokerage_total")
        case .people, .spend: nil
        }
    }
}

/// How to draw a map.
public struct MapOptions: Sendable {
    /// The theme, or `.all` for the combined map.
    public var selection: ThemeSelection = .all
    /// People, or organisations.
    public var level: AnalysisLevel = .people
    /// Draw only this node and its neighbourhood.
    public var ego: String?
    /// The neighbourhood's radius in steps (either direction).
    public var radius: Int = 1
    /// The layout engine; `nil` chooses: neato (deterministic) up to
    /// ``MapOptions/neatoLimit`` nodes, sfdp (scales further) above.
    public var engine: LayoutEngine?

    /// The most nodes the automatic choice lays out with neato.
    public static let neatoLimit = 1000
    /// The attribute that colours nodes; `nil`: organisation for people,
    /// sector (when known) for organisations.
    public var colourBy: String?
    /// The metric that sizes nodes; `nil` for betweenness (people) or people (organisations).
    public var sizeBy: MapSizeMetric?
    /// The sizes for ``MapSizeMetric/spend``, by node index (organisations at
    /// organisation level); nodes beyond the list, or with no list, size 0.
    public var externalSizes: [Double]?
    /// What to highlight.
    public var highlights: Set<MapHighlight> = Set(MapHighlight.allCases)
    /// Draw a box around each value of this attribute.
    public var clusterBy: String?
    /// Which nodes are labelled; `nil`: all up to 60 nodes, else the top 25.
    public var labels: MapLabels?
    /// The layout seed: the same input and seed give the same map.
    public var seed: Int = 1
    /// The map's title; `nil` for one naming the theme and the data.
    public var title: String?
    /// Node positions in points by node index, from an earlier layout
    /// (``LaidOutMap/positions``): nodes keep those places and the map is not
    /// laid out again (only its edges are drawn). Nodes without a position are left out.
    public var positions: [MapPoint?]?
    /// How much larger to draw text and lines than their usual sizes (at
    /// least 1): a large layout shown at page width is shrunk, and this keeps
    /// its labels readable (``LaidOutMap/textScale(toFitWidth:height:)``).
    public var textScale: Double = 1
    /// Scale the drawing down to fit this area (points) when it is larger, at
    /// `dpi` pixels per inch in PNG (``NetworkMap/fittedToPage(analysis:options:source:page:)``).
    public var page: MapPage?
    /// Leave out nodes with no ties in the selection, and small groups tied
    /// only among themselves, instead of gathering them beside the network:
    /// the legend counts them and ``NetworkMap/omitted`` and
    /// ``NetworkMap/fragments`` list them, so the connected network fills the map.
    public var omitIsolates = false
    /// Colour the organisations (or other groups) ranked by size over the
    /// whole network, not over the nodes drawn, so that every map of one
    /// network gives each group the same colour.
    public var colourRankingByNetwork = true

    /// The most nodes of a group apart from the rest that ``omitIsolates`` leaves out.
    public static let fragmentSize = 2

    /// The longest name drawn on a map, in characters; longer names are
    /// shortened with an ellipsis in labels and legends (tooltips keep up to
    /// ``MapOptions/longestTooltip``). This keeps any name from crashing or
    /// slowing Graphviz's layout.
    public static let longestLabel = 60
    /// The longest name in a tooltip, in characters.
    public static let longestTooltip = 500

    /// Creates options with the defaults.
    public init() {}
}

/// A page a map is drawn to fit.
public struct MapPage: Sendable, Equatable {
    /// The drawing area's width in points.
    public var width: Double
    /// The drawing area's height in points.
    public var height: Double
    /// Pixels per inch, for a PNG (`nil`: Graphviz's 96; leave it `nil` for
    /// SVG and PDF, whose sizes it would scale).
    public var dpi: Int?

    /// An A4 page in portrait with 15 mm margins.
    public static let a4 = MapPage(width: 510, height: 760)

    /// A drawing area of `width` by `height` points.
    public init(width: Double, height: Double, dpi: Int? = nil) {
        self.width = width
        self.height = height
        self.dpi = dpi
    }
}

/// What a grouping of the nodes is drawn for.
public enum MapGroupingUse: String, Sendable, Equatable {
    /// The fill colours (``MapOptions/colourBy``).
    case colour
    /// The boxes drawn round groups (``MapOptions/clusterBy``).
    case cluster
}

/// Why a map cannot be drawn.
public enum MapError: Error, Equatable, CustomStringConvertible {
    /// The map's centre (``MapOptions/ego``) names nobody in the network.
    case unknownEgo(String, suggestions: [String])
    /// An attribute no node has, asked for to colour or cluster by.
    case unknownAttribute(use: MapGroupingUse, attribute: String, available: [String])

    /// The problem in plain English.
    public var description: String {
        switch self {
        case .unknownEgo(let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean: \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
            return "the map's centre: nobody called '\(name)' is in the network\(hint)"
        case .unknownAttribute(let use, let attribute, let available):
            let purpose = use == .colour ? "to colour the map by" : "to cluster the map by"
            return "no one has the attribute '\(attribute)' \(purpose); attributes in this survey: \(available.joined(separator: ", "))"
        }
    }
}
