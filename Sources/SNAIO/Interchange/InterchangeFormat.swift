import Foundation

/// The network file formats of other tools that snatool writes (and, but for
/// Kumu and Neo4j, reads): docs/interchange.md.
public enum InterchangeFormat: String, CaseIterable, Sendable {
    /// GraphML (networkx, igraph, Gephi, yEd, Cytoscape).
    case graphml
    /// GEXF 1.2 with viz colours and sizes (Gephi, networkx).
    case gexf
    /// Pajek `.net`, with a `.clu` partition by organisation (Pajek, networkx, igraph).
    case pajek
    /// UCINET DL, full matrices with labels, one per theme (UCINET, NetDraw).
    case dl
    /// networkx's node-link JSON (`networkx.node_link_graph`, d3).
    case json
    /// Gephi's spreadsheet import: an edges table and a nodes table.
    case gephiCSV = "gephi-csv"
    /// Kumu's import sheets: connections and elements.
    case kumu
    /// `neo4j-admin database import` CSVs: relationships and nodes.
    case neo4j

    /// The files a format writes for the output path `file`: `file` itself
    /// first (the ties, or the only file), then its siblings, named from
    /// `file` without its extension: `net.csv` gives `net.nodes.csv` (Gephi,
    /// Neo4j) or `net.elements.csv` (Kumu); `net.net` gives `net.clu` (Pajek).
    public func paths(for file: String) -> [String] {
        let url = URL(fileURLWithPath: file)
        let stem = url.deletingPathExtension().lastPathComponent
        let folder = url.deletingLastPathComponent()
        func sibling(_ name: String) -> String {
            file.contains("/") ? folder.appendingPathComponent(stem + name).path : stem + name
        }
        switch self {
        case .graphml, .gexf, .dl, .json: return [file]
        case .pajek: return [file, sibling(".clu")]
        case .gephiCSV, .neo4j: return [file, sibling(".nodes.csv")]
        case .kumu: return [file, sibling(".elements.csv")]
        }
    }

    /// The usual extension of the main file.
    public var fileExtension: String {
        switch self {
        case .graphml: return "graphml"
        case .gexf: return "gexf"
        case .pajek: return "net"
        case .dl: return "dl"
        case .json: return "json"
        case .gephiCSV, .kumu, .neo4j: return "csv"
        }
    }

    /// The format's name for people, e.g. "GraphML".
    public var title: String {
        switch self {
        case .graphml: return "GraphML"
        case .gexf: return "GEXF"
        case .pajek: return "Pajek"
        case .dl: return "UCINET DL"
        case .json: return "node-link JSON"
        case .gephiCSV: return "Gephi CSV"
        case .kumu: return "Kumu"
        case .neo4j: return "Neo4j import CSV"
        }
    }
}
