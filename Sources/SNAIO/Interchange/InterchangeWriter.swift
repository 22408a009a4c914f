import Foundation
import SNACore

/// The files of an ``InterchangeFormat`` for an ``InterchangeNetwork``, in the
/// order of ``InterchangeFormat/paths(for:)``.
public enum InterchangeWriter {
    /// Each file's bytes, the main file first.
    public static func files(_ network: InterchangeNetwork, as format: InterchangeFormat) -> [Data] {
        let texts: [String]
        switch format {
        case .graphml: texts = [GraphMLWriter.document(network)]
        case .gexf: texts = [GEXFWriter.document(network)]
        case .json: texts = [NodeLinkJSONWriter.document(network)]
        case .dl: texts = [UCINETDLWriter.document(network)]
        case .pajek: texts = [PajekWriter.network(network), PajekWriter.partition(network)]
        case .gephiCSV:
            let tables = InterchangeCSV.gephi(network)
            texts = [tables.edges, tables.nodes]
        case .kumu:
            let sheets = InterchangeCSV.kumu(network)
            texts = [sheets.connections, sheets.elements]
        case .neo4j:
            let files = InterchangeCSV.neo4j(network)
            texts = [files.relationships, files.nodes]
        }
        return texts.map { Data($0.utf8) }
    }
}
