import ArgumentParser
import Foundation
import SNACore
import SNAIO
import SNAMaps

/// `snatool export`: the network in another tool's file format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the network for Gephi, UCINET, Pajek, igraph, networkx, Kumu or Neo4j.",
        discussion: """
            Formats (docs/interchange.md): graphml, gexf (with the map's colours and sizes), \
            json (networkx node-link), pajek (FILE.net and its .clu partition by organisation), \
            dl (UCINET, one labelled matrix per theme), gephi-csv (FILE the edges table, \
            STEM.nodes.csv the nodes table), kumu (FILE the connections sheet, \
            STEM.elements.csv the elements) and neo4j (FILE the relationships, STEM.nodes.csv \
            the nodes, for neo4j-admin database import; docs/scale.md). STEM is FILE without \
            its extension, in FILE's folder; a format's files are written together or not at all. \
            Nodes carry organisation, layer, whether they answered, the gatekeeper flag, every \
            people-file attribute and every metric of the judged theme (--theme, default all); \
            one edge per pair carries its themes (the 'themes' attribute, ids joined by ';'), \
            its weight in each (theme_ID), multiplexity, and the bridge and weak_link flags. \
            analyse, map, report and export read GraphML, GEXF, Pajek, DL, node-link JSON and \
            the Gephi CSV pair back.
            """
    )

    @OptionGroup var input: SurveyOptions

    @OptionGroup var analysis: AnalysisArguments

    @Option(help: ArgumentHelp("The format: \(InterchangeFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: InterchangeFormat

    @OptionGroup(title: "Pseudonyms (docs/anonymisation.md)") var privacy: AnonymiseOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write ('-' for standard output, one-file formats only); pajek, gephi-csv, kumu and neo4j also write siblings named from it.", valueName: "file"))
    var output: String

    func validate() throws {
        if output == "-", format.paths(for: output).count > 1 {
            throw ValidationError("-o: \(format.rawValue) writes \(format.paths(for: "FILE").count) files; give a file name, not '-'")
        }
    }

    func run() throws {
        let original = try input.load()
        let pseudonymiser = try privacy.pseudonymiser()
        var (survey, options, _) = try privacy.applied(to: original, options: try analysis.options(for: original, input: input), with: pseudonymiser)
        if pseudonymiser == nil { printWarnings(PartnershipAnalysis.warnings(of: original.network, options: options)) }
        options.selections = options.selections ?? [.all]
        let partnership = PartnershipAnalysis(network: survey.network, options: options)
        var mapOptions = MapOptions()
        mapOptions.selection = options.selections?.first ?? .all
        mapOptions.level = options.level
        mapOptions.omitIsolates = false
        let map = try? NetworkMap(analysis: partnership, options: mapOptions, source: survey.file)
        let network = InterchangeNetwork(analysis: partnership, appearance: map.map { ($0.nodeColours, $0.nodeDiameters) })
        let files = InterchangeWriter.files(network, as: format)
        let paths = format.paths(for: output)
        let protected = input.inputPaths + analysis.inputPaths + privacy.inputPaths
        if paths.count == 1 {
            try writeFile(files[0], to: output, protecting: protected)
        } else {
            let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
            let named = zip(paths, files).map { (name: URL(fileURLWithPath: $0.0).lastPathComponent, contents: $0.1) }
            try writeFolders([OutputFolder(path: folder, files: named)], protecting: protected)
        }
        if output != "-" {
            printError("snatool: wrote \(format.title): \(paths.joined(separator: ", ")) (\(network.nodes.count) nodes, \(network.edges.count) edges)")
        }
    }
}

extension InterchangeFormat: ExpressibleByArgument {}
