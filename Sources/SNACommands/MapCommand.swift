import ArgumentParser
import Foundation
import SNACore
import SNAIO
import SNAMaps
import SNAReports
import SNASpend

/// `snatool map`: draw a network map with Graphviz.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a network map: a theme, all themes, organisations, or one person's neighbourhood.",
        discussion: """
            The format follows the output file's extension: .svg, .png, .pdf, .dot (the \
            generated graph, to edit), or .html: the same map as an interactive page (pan and \
            zoom, search, filters, a panel per node with its findings; inline, works offline). Node colour: organisation (or --colour-by); size: \
            betweenness (or --size-by); gatekeepers have a double outline, bridges are thick \
            black, weak links between organisations dashed orange, isolates dashed and set apart; \
            every map has a title and a legend (docs/maps.md). The same data and --seed give the \
            same map.
            """
    )

    @OptionGroup var input: SurveyOptions

    @OptionGroup var analysis: AnalysisArguments

    @OptionGroup(title: "Pseudonyms (docs/anonymisation.md)") var privacy: AnonymiseOptions

    @Option(help: ArgumentHelp("Draw only this person (or organisation) and their neighbourhood.", valueName: "name"))
    var ego: String?

    @Option(help: "With --ego: how many steps out to draw.")
    var radius: Int = 1

    @Option(help: "Layout engine: sfdp, neato, fdp, dot, circo or twopi (default: neato up to 1,000 nodes, sfdp above).")
    var engine: LayoutEngine?

    @Option(name: [.customLong("colour-by"), .customLong("color-by")], help: ArgumentHelp("The attribute that colours nodes (default: organisation; sector for organisation maps when known).", valueName: "attribute"))
    var colourBy: String?

    @Option(help: ArgumentHelp("The metric that sizes nodes: \(MapSizeMetric.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "metric"))
    var sizeBy: MapSizeMetric?

    @Option(help: ArgumentHelp("With --size-by spend: the spend file (provider, service, amount; docs/spend.md) whose providers are matched to the organisations by name and --aliases.", valueName: "file"))
    var spend: String?

    @Option(help: ArgumentHelp("What to mark, comma-separated: gatekeepers, weak-links, isolates; or none.", valueName: "list"))
    var highlight: String = "gatekeepers,weak-links,isolates"

    @Option(help: ArgumentHelp("People with no ties in the map, and small groups tied only among themselves: omit (counted in the legend, named in a note, so the network fills the map) or gather (drawn beside the network).", valueName: "omit|gather"))
    var isolates: IsolatesDrawing = .omit

    @Option(help: ArgumentHelp("Draw a box around each value of this attribute (uses fdp or dot).", valueName: "attribute"))
    var clusterBy: String?

    @Option(help: ArgumentHelp("Which nodes to label: all, none, or 'top N' (default: all up to 60 nodes, else the top 20).", valueName: "labels"))
    var labels: String?

    @Option(help: "The layout seed.")
    var seed: Int = 1

    @Option(help: ArgumentHelp("The map's title (default: the theme and the data).", valueName: "text"))
    var title: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The map file: .svg, .png, .pdf, .dot, or .html (interactive).", valueName: "file"))
    var output: String

    func validate() throws {
        guard MapFile.format(of: output) != nil || Self.isPage(output) else {
            throw ValidationError("-o: '\(output)' must end in .svg, .png, .pdf, .dot or .html")
        }
        guard radius >= 0 else { throw ValidationError("--radius must not be negative") }
        if sizeBy == .spend && spend == nil { throw ValidationError("--size-by spend needs --spend FILE") }
        if spend != nil && sizeBy != .spend { throw ValidationError("--spend goes with --size-by spend") }
        if radius != 1 && ego == nil { throw ValidationError("--radius goes with --ego") }
        _ = try parsedLabels()
        _ = try parsedHighlights()
    }

    func parsedLabels() throws -> MapLabels? {
        guard let labels else { return nil }
        let words = NameKey.label(labels).split(separator: " ")
        switch words.first {
        case "all": return .all
        case "none": return MapLabels.none
        case "top":
            if words.count == 2, let n = Int(words[1]), n >= 0, !labels.contains("-") { return .top(n) }
        default:
            if words.count == 1, let n = Int(words[0]), n >= 0 { return .top(n) }
        }
        throw ValidationError("--labels: write all, none, or top N (e.g. 'top 20')")
    }

    func parsedHighlights() throws -> Set<MapHighlight> {
        if NameKey.label(highlight) == "none" { return [] }
        var result = Set<MapHighlight>()
        for part in highlight.split(separator: ",") {
            let key = NameKey.label(part).replacingOccurrences(of: " ", with: "-")
            guard let item = MapHighlight(rawValue: key) ?? MapHighlight(rawValue: key + "s") else {
                throw ValidationError("--highlight: '\(part)' is not one of gatekeepers, weak-links, isolates")
            }
            result.insert(item)
        }
        return result
    }

    func run() throws {
        let pseudonymiser = try privacy.pseudonymiser()
        let original = try input.load()
        let selection = try resolveTheme(analysis.theme ?? Theme.allID, in: original.network)
        let (survey, analysisOptions, anonymised) = try privacy.applied(
            to: original, options: try analysis.options(for: original, input: input, selections: [selection]), with: pseudonymiser)
        let network = survey.network
        printWarnings(PartnershipAnalysis.warnings(of: network, options: analysisOptions))
        var options = MapOptions()
        options.selection = selection
        options.level = analysisOptions.level
        // The ego is named as in the survey; an anonymised map finds them by their pseudonym.
        options.ego = ego.map { name in anonymised?.pseudonym(of: name) ?? name }
        options.radius = radius
        options.engine = engine
        options.colourBy = colourBy
        options.sizeBy = sizeBy
        options.highlights = try parsedHighlights()
        options.clusterBy = clusterBy
        options.labels = try parsedLabels()
        options.seed = seed
        options.title = title
        options.omitIsolates = isolates == .omit && ego == nil
        let analysis = PartnershipAnalysis(network: network, options: analysisOptions)
        if let spend { options.externalSizes = try spendSizes(spend, analysis: analysis, survey: survey) }
        if Self.isPage(output) {
            try drawPage(analysis: analysis, options: options, source: URL(fileURLWithPath: survey.file).lastPathComponent)
            return
        }
        let map = try renderMap(analysis: analysis, options: options, source: URL(fileURLWithPath: survey.file).lastPathComponent,
                                format: MapFile.format(of: output)!)
        try writeFile(map, to: output, protecting: input.inputPaths + self.analysis.inputPaths + privacy.inputPaths + [spend].compactMap { $0 })
    }

    /// Each node's spending (its organisation's, matched by name and aliases), for `--size-by spend`;
    /// the providers matching no organisation are named in a note.
    func spendSizes(_ path: String, analysis: PartnershipAnalysis, survey: ImportedSurvey) throws -> [Double] {
        let network = survey.network
        if self.analysis.level == .people && network.unit == .people {
            throw usageFailure("--size-by spend sizes organisations: add --level organisations")
        }
        let file: SpendFile
        do throws(InputError) { file = try SpendReader.read(path: path) } catch { throw report(error) }
        printWarnings(file.warnings)
        var aliasTable: CSVTable?
        if let aliases = input.aliases {
            do throws(InputError) { aliasTable = try CSVReader.read(path: aliases) } catch { throw report(error) }
        }
        let join = SpendNetworkFindings(summary: SpendSummary(file), network: network, survey: survey.file, aliases: aliasTable)
        var byOrganisation: [String: Double] = [:]
        for match in join.matches { if let organisation = match.organisation { byOrganisation[NameKey.key(organisation), default: 0] += match.total } }
        let unmatched = join.unmatched
        if !unmatched.isEmpty {
            let names = unmatched.prefix(12).map { "\($0.provider) (\(SpendFormat.money($0.total)))" }.joined(separator: "; ")
            printError("snatool: note: \(unmatched.count) provider\(unmatched.count == 1 ? "" : "s") in \(path) \(unmatched.count == 1 ? "matches" : "match") no organisation of the survey and are not drawn: \(names)\(unmatched.count > 12 ? " ..." : ""); --aliases can map their names")
        }
        return analysis.nodeNames.map { byOrganisation[NameKey.key($0)] ?? 0 }
    }
}

/// Whether a map leaves out the people with no ties in it or gathers them beside the network.
enum IsolatesDrawing: String, ExpressibleByArgument, CaseIterable {
    case omit, gather
}

extension MapCommand {
    /// Whether `path` asks for the interactive page.
    static func isPage(_ path: String) -> Bool {
        ["html", "htm"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// Draws the map once and writes it as an interactive page.
    func drawPage(analysis: PartnershipAnalysis, options: MapOptions, source: String) throws {
        let map: NetworkMap
        do throws(MapError) { map = try NetworkMap(analysis: analysis, options: options, source: source) } catch {
            throw usageFailure(error.commandLineDescription)
        }
        for note in map.notes { printError("snatool: note: \(note)") }
        let svg: Data
        do throws(GraphvizError) { svg = try map.render(as: .svg) } catch {
            printError("snatool: error: \(error)")
            throw ExitStatus.internalError
        }
        let label = options.title ?? "Map of \(analysis.selections[0].label.lowercased()) ties, \(source)"
        let view = InteractiveMap(analysis: analysis, selectionID: analysis.selections[0].id, map: map, svg: svg, label: label)
        try writeFile(InteractiveMap.page(title: label, view: view), to: output, protecting: input.inputPaths + self.analysis.inputPaths + privacy.inputPaths)
    }
}

/// The selection a `--theme` value names, or a usage error listing the themes.
/// `file` names the survey in the message when a command reads more than one.
func resolveTheme(_ theme: String, in network: PartnershipNetwork, file: String? = nil) throws -> ThemeSelection {
    if NameKey.label(theme) == Theme.allID || NameKey.label(theme) == "all themes" { return .all }
    if let index = network.themes.firstIndex(where: { network.themeSet.resolve(theme) == $0 }) { return .theme(index) }
    let available = (network.themes.map(\.id) + [Theme.allID]).joined(separator: ", ")
    throw usageFailure("--theme: '\(theme)' is not a theme of \(file ?? "this survey"); choose one of: \(available)")
}

/// Draws one map in `format`; prints notes and errors, throws the exit status.
func renderMap(analysis: PartnershipAnalysis, options: MapOptions, source: String, format: RenderFormat) throws -> Data {
    // Cluster and organisation maps spread wide: drawn to fit an A4 page, with readable labels.
    let fit = format != .dot && (options.clusterBy != nil || options.level == .organisations)
    let map: NetworkMap
    do throws(MapError) {
        var page = MapPage.a4
        if format == .png { page.dpi = 200 }
        map = fit ? try NetworkMap.fittedToPage(analysis: analysis, options: options, source: source, page: page)
            : try NetworkMap(analysis: analysis, options: options, source: source)
    } catch {
        throw usageFailure(error.commandLineDescription)
    }
    for note in map.notes { printError("snatool: note: \(note)") }
    if !map.omitted.isEmpty || !map.fragments.isEmpty {
        let names = map.omitted.prefix(12).map { analysis.nodeNames[$0] }.joined(separator: "; ")
        let more = map.omitted.count > 12 ? " and \(map.omitted.count - 12) more" : ""
        printError("snatool: note: not drawn, so that the network fills the map: \(map.omitted.count) with no ties on it (\(names)\(more)) and \(map.fragments.count) small group\(map.fragments.count == 1 ? "" : "s") tied only among themselves; --isolates gather draws them")
    }
    do throws(GraphvizError) { return try map.render(as: format) } catch {
        printError("snatool: error: \(error)")
        throw ExitStatus.internalError
    }
}

extension LayoutEngine: ExpressibleByArgument {}
extension MapSizeMetric: ExpressibleByArgument {}
