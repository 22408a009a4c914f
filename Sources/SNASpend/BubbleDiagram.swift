import Foundation
import SNACore
import SNAMaps

/// What colours the bubbles of a ``BubbleDiagram``.
public enum BubbleColouring: String, Sendable, CaseIterable {
    /// The provider's sector (the default when the file gives sectors).
    case sector
    /// The service the provider spends most on.
    case service
    /// Mainstream against partnership money: a provider with both has a bubble
    /// for each (the default when the file has partnership money).
    case funding
    /// No grouping: every bubble one colour.
    case none
}

/// A bubble diagram of a spend summary: one bubble per provider, its area in
/// proportion to what it spends, labelled with its name and amount, coloured
/// by sector or main service, with a title, a legend and the source.
///
/// The bubbles are placed by ``CirclePacking`` (largest first, so the largest
/// sits in the middle) and the picture is drawn by Graphviz with every place
/// fixed (`nop2`), so the same file always gives the same picture. A bubble
/// too small for its label has the label beside it with a leader line.
public struct BubbleDiagram: Sendable {
    /// The generated graph (DOT), with every place fixed.
    public let dot: String
    /// Providers not drawn because their total is zero or negative.
    public let leftOut: [String]

    /// At most this many bubbles too small for their label are labelled beside
    /// (the largest); the others keep their name in the SVG tooltip.
    public static let outsideLabelLimit = 30

    /// The radius, in points, of a circle with the area of all the bubbles together.
    static let totalRadius = 190.0

    /// Builds the diagram.
    ///
    /// - Parameters:
    ///   - summary: the spend totals.
    ///   - colouring: what colours the bubbles; nil chooses sector when the file gives sectors, else service.
    ///   - title: the title (default: "Public spending by provider" and the file's years).
    ///   - source: the source line (default: the file's name).
    public init(summary: SpendSummary, colouring: BubbleColouring? = nil, title: String? = nil, source: String? = nil) {
        let colouring = colouring ?? (summary.partnership > 0 ? .funding : summary.providers.contains { $0.sector != nil } ? .sector : .service)
        let all = summary.total
        let lines = colouring != .funding ? summary.providers : summary.providerFunding.map { line in
            SpendLine(name: line.funding == .partnership ? "\(line.provider) (partnership money)" : line.provider, total: line.total,
                      share: all == 0 ? 0 : line.total / all, sector: line.funding == .partnership ? "Partnership money" : "Mainstream")
        }
        let drawn = lines.filter { $0.total > 0 }.sorted { ($0.total, $1.name) > ($1.total, $0.name) }
        leftOut = lines.filter { $0.total <= 0 }.map(\.name)
        let positiveTotal = drawn.reduce(0) { $0 + $1.total }
        let k = positiveTotal > 0 ? Self.totalRadius / positiveTotal.squareRoot() : 0
        let radii = drawn.map { max(0.5, k * $0.total.squareRoot()) }
        let padding = 3.0
        var circles = CirclePacking.pack(radii.map { $0 + padding })
        for index in circles.indices { circles[index].r = radii[index] }
        // Centre the picture on the packing's bounding box.
        if !circles.isEmpty {
            let minX = circles.map { $0.x - $0.r }.min()!, maxX = circles.map { $0.x + $0.r }.max()!
            let minY = circles.map { $0.y - $0.r }.min()!, maxY = circles.map { $0.y + $0.r }.max()!
            for index in circles.indices {
                circles[index].x -= (minX + maxX) / 2
                circles[index].y -= (minY + maxY) / 2
            }
        }

        // Colours: groups ranked by money, the seven largest in Okabe and Ito's colours.
        func group(_ line: SpendLine) -> String {
            switch colouring {
            case .sector, .funding: return line.sector ?? "Sector not given"
            case .service: return line.mainService ?? SpendSummary.noService
            case .none: return ""
            }
        }
        var groupTotals: [String: Double] = [:]
        var groupOrder: [String] = []
        for line in drawn {
            let g = group(line)
            if groupTotals[g] == nil { groupOrder.append(g) }
            groupTotals[g, default: 0] += line.total
        }
        let ranked = groupOrder.sorted { (groupTotals[$0]!, $1) > (groupTotals[$1]!, $0) }
        let colours = [Palette.groups[4], Palette.groups[0], Palette.groups[2], Palette.groups[1], Palette.groups[6], Palette.groups[5], Palette.groups[3]]
        var colourOf: [String: String] = [:]
        for (index, g) in ranked.enumerated() { colourOf[g] = index < colours.count ? colours[index] : Palette.other }
        if colouring == .none { colourOf[""] = "#4A90C2" }

        let font = "DejaVu Sans"
        func f(_ value: Double) -> String { String(format: "%.2f", value) }
        var out = "graph \"snatool spend\" {\n"
        let years = summary.years.isEmpty ? "" : ", " + summary.years.joined(separator: ", ")
        let heading = title ?? "Public spending by provider\(years)"
        let sourceText = source ?? URL(fileURLWithPath: summary.file).lastPathComponent
        out += "  graph [id=\"spend_diagram\", fontname=\"\(font)\", splines=line, outputorder=edgesfirst, pad=0.35, bgcolor=white, labelloc=t, labeljust=l, "
        out += "label=<<table border=\"0\" cellspacing=\"0\" cellpadding=\"2\"><tr><td align=\"left\"><font point-size=\"17\"><b>\(DOTText.html(heading))</b></font></td></tr>"
        out += "<tr><td align=\"left\"><font point-size=\"12\" color=\"#444444\">Total \(DOTText.html(SpendFormat.money(summary.total))) from \(summary.providers.count) provider\(summary.providers.count == 1 ? "" : "s")\(summary.partnership != 0 ? DOTText.html(", of which partnership money " + SpendFormat.money(summary.partnership) + " (" + SpendFormat.share(summary.partnershipShare) + ")") : ""). Bubble area is in proportion to spending.</font></td></tr></table>>];\n"
        out += "  node [fontname=\"\(font)\", shape=circle, fixedsize=true, style=filled, penwidth=1.2, color=white];\n"
        out += "  edge [color=\"#777777\", penwidth=0.8];\n"

        // Rectangles already taken (labels outside bubbles), to keep labels apart.
        var taken: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        func overlaps(_ r: (x0: Double, y0: Double, x1: Double, y1: Double)) -> Bool {
            if taken.contains(where: { r.x0 < $0.x1 && $0.x0 < r.x1 && r.y0 < $0.y1 && $0.y0 < r.y1 }) { return true }
            return circles.contains { c in
                let nx = min(max(c.x, r.x0), r.x1), ny = min(max(c.y, r.y0), r.y1)
                return (nx - c.x) * (nx - c.x) + (ny - c.y) * (ny - c.y) < (c.r + 2) * (c.r + 2)
            }
        }
        var extent = (x0: circles.map { $0.x - $0.r }.min() ?? 0, y0: circles.map { $0.y - $0.r }.min() ?? 0,
                      x1: circles.map { $0.x + $0.r }.max() ?? 0, y1: circles.map { $0.y + $0.r }.max() ?? 0)
        var outsideLabels = 0
        var unlabelled = 0
        for (index, line) in drawn.enumerated() {
            let c = circles[index]
            let fill = colourOf[group(line)] ?? Palette.other
            let ink = Self.isDark(fill) ? "white" : "#1A1A1A"
            let name = DOTText.shortened(line.name, to: 60)
            let amount = SpendFormat.money(line.total)
            let tooltip = "\(line.name): \(amount) (\(SpendFormat.share(line.share)))"
            var attributes = ["id=\"spend_b\(index)\"", "pos=\"\(f(c.x)),\(f(c.y))!\"", "width=\(f(2 * c.r / 72))", "fillcolor=\"\(fill)\"", "tooltip=" + DOTText.tooltip(tooltip)]
            if let fit = Self.insideLabel(name: name, amount: amount, radius: c.r) {
                let nameLines = fit.lines.map { DOTText.html($0) }.joined(separator: "<br/>")
                let share = DOTText.html(SpendFormat.share(line.share))
                attributes.append("label=<<font color=\"\(ink)\" point-size=\"\(f(fit.size))\">\(nameLines)<br/><b><font point-size=\"\(f(fit.size * 1.25))\">\(DOTText.html(amount))</font></b><br/><font point-size=\"\(f(fit.size * 0.85))\">\(share)</font></font>>")
                out += "  b\(index) [\(attributes.joined(separator: ", "))];\n"
            } else if outsideLabels >= Self.outsideLabelLimit {
                unlabelled += 1
                attributes.append("label=\"\"")
                out += "  b\(index) [\(attributes.joined(separator: ", "))];\n"
            } else {
                outsideLabels += 1
                attributes.append("label=\"\"")
                out += "  b\(index) [\(attributes.joined(separator: ", "))];\n"
                // The label beside the bubble, away from the middle, moved out until it is clear.
                let lines = Self.wrap(name, width: 24)
                let size = 9.5
                let width = Double((lines + [amount + " 00.0%"]).map(\.count).max()!) * size * 0.6 + 6
                let height = Double(lines.count + 1) * size * 1.25 + 4
                let length = (c.x * c.x + c.y * c.y).squareRoot()
                let base = length > 1 ? atan2(c.y, c.x) : Double.pi / 4
                var placed: (x: Double, y: Double)?
                search: for step in 0..<60 {
                    for turn in [0.0, 0.35, -0.35, 0.7, -0.7, 1.05, -1.05] {
                        let angle = base + turn
                        let distance = c.r + 8 + Double(step) * 5
                        let dx = cos(angle), dy = sin(angle)
                        // The label's nearest edge at `distance` from the centre.
                        let x = c.x + dx * (distance + width / 2 * abs(dx)), y = c.y + dy * (distance + height / 2 * abs(dy))
                        let box = (x0: x - width / 2, y0: y - height / 2, x1: x + width / 2, y1: y + height / 2)
                        if !overlaps(box) {
                            taken.append(box)
                            placed = (x, y)
                            break search
                        }
                    }
                }
                let spot = placed ?? (c.x + c.r + width / 2 + 8, c.y)
                extent = (min(extent.x0, spot.x - width / 2), min(extent.y0, spot.y - height / 2),
                          max(extent.x1, spot.x + width / 2), max(extent.y1, spot.y + height / 2))
                let text = lines.map { DOTText.html($0) }.joined(separator: "<br/>")
                out += "  l\(index) [id=\"spend_l\(index)\", shape=plaintext, style=\"\", fixedsize=false, width=0, height=0, margin=0, pos=\"\(f(spot.x)),\(f(spot.y))!\", "
                out += "label=<<font point-size=\"\(f(size))\" color=\"#1A1A1A\">\(text)<br/><b>\(DOTText.html(amount))</b> \(DOTText.html(SpendFormat.share(line.share)))</font>>];\n"
                out += "  l\(index) -- b\(index) [id=\"spend_e\(index)\"];\n"
            }
        }

        // The legend, to the right; the source, below.
        if colouring != .none, !ranked.isEmpty {
            var rows = "<tr><td colspan=\"3\" align=\"left\"><font point-size=\"11\"><b>\(colouring == .sector ? "Sector" : colouring == .funding ? "Money" : "Main service")</b></font></td></tr>"
            for g in ranked {
                rows += "<tr><td bgcolor=\"\(colourOf[g]!)\" width=\"14\" height=\"14\"></td><td align=\"left\"><font point-size=\"10.5\">\(DOTText.html(DOTText.shortened(g, to: 40)))</font></td>"
                rows += "<td align=\"right\"><font point-size=\"10.5\">\(DOTText.html(SpendFormat.money(groupTotals[g]!)))</font></td></tr>"
            }
            let legendWidth = 200.0
            let legendHeight = Double(ranked.count + 1) * 19
            out += "  legend [id=\"spend_legend\", shape=plaintext, style=\"\", fixedsize=false, width=0, height=0, margin=0, pos=\"\(f(extent.x1 + 30 + legendWidth / 2)),\(f(extent.y1 - legendHeight / 2))!\", "
            out += "label=<<table border=\"0\" cellspacing=\"3\" cellpadding=\"1\">\(rows)</table>>];\n"
        }
        var note = "Source: \(sourceText)."
        if unlabelled > 0 { note += " \(unlabelled) smaller bubbles are not labelled (their names are in the SVG's tooltips)." }
        if !leftOut.isEmpty { note += " Not drawn (zero or negative): \(leftOut.prefix(10).joined(separator: "; "))\(leftOut.count > 10 ? " and \(leftOut.count - 10) more" : "")." }
        // Graphviz centres a plaintext node on its place: the source line starts at the left edge.
        let noteWidth = Double(min(note.count, 200)) * 9.5 * 0.55
        out += "  source [id=\"spend_source\", shape=plaintext, style=\"\", fixedsize=false, width=0, height=0, margin=0, pos=\"\(f(extent.x0 + noteWidth / 2)),\(f(extent.y0 - 22))!\", "
        out += "label=<<font point-size=\"9.5\" color=\"#555555\">\(DOTText.html(DOTText.shortened(note, to: 200)))</font>>, labeljust=l];\n"
        out += "}\n"
        dot = out
    }

    /// Renders the diagram (the DOT text itself for `.dot`; PNG at 150 pixels per inch).
    public func render(as format: RenderFormat) throws -> Data {
        if format == .dot { return Data(dot.utf8) }
        // PNG at 150 pixels per inch, sharp enough to print.
        let text = format == .png ? dot.replacingOccurrences(of: "  graph [", with: "  graph [dpi=150, ") : dot
        return try Graphviz.shared.render(dot: text, engineName: "nop2", formatName: format.rawValue)
    }

    /// The name's lines and the font size that fit inside a bubble with the
    /// amount below, or nil when even 8 points do not fit.
    static func insideLabel(name: String, amount: String, radius: Double) -> (lines: [String], size: Double)? {
        var best: (lines: [String], size: Double)?
        for width in [12, 16, 20, 26, 34, 60] {
            let lines = wrap(name, width: width)
            guard lines.count <= 4 else { continue }
            // Characters average 0.6 of the font size; lines are 1.2 apart; the amount is 1.25 times larger.
            let widest = max(Double(lines.map(\.count).max() ?? 0), Double(amount.count) * 1.25)
            let rows = Double(lines.count) + 2.2
            // The text block's corners must lie inside the circle: (w/2)² + (h/2)² ≤ r² with a margin.
            let usable = radius * 0.9
            let size = min(15, usable / (((widest * 0.6 / 2) * (widest * 0.6 / 2) + (rows * 1.2 / 2) * (rows * 1.2 / 2)).squareRoot()))
            if best == nil || size > best!.size { best = (lines, size) }
        }
        guard let best, best.size >= 8 else { return nil }
        return best
    }

    /// Words wrapped into lines of at most `width` characters (a longer word keeps its own line).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= width { current += " " + word } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// Whether a `#RRGGBB` colour is dark enough to need white text (relative luminance below 0.35).
    static func isDark(_ hex: String) -> Bool {
        let digits = hex.dropFirst()
        guard digits.count >= 6, let value = Int(digits.prefix(6), radix: 16) else { return false }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0) < 0.35
    }
}
