import Foundation
import SNAAssessments
import SNACore
import SNAIO

/// A spend summary as text, JSON, CSV and HTML (docs/spend.md).
public enum SpendOutput {
    /// The version of the JSON document; keys are only added within one version.
    public static let schemaVersion = 1

    /// The summary for a terminal: the totals, then tables by provider, by
    /// service and by provider and service, the stated totals and the warnings.
    public static func text(_ summary: SpendSummary, findings: SpendNetworkFindings? = nil) -> String {
        let source = URL(fileURLWithPath: summary.file).lastPathComponent
        var out = "Public spending: \(source)\(summary.years.isEmpty ? "" : " (\(summary.years.joined(separator: ", ")))")\n"
        out += "Total \(SpendFormat.money(summary.total)) from \(summary.providers.count) provider\(summary.providers.count == 1 ? "" : "s")"
        let services = summary.services.filter { $0.name != SpendSummary.noService }
        if !services.isEmpty { out += " on \(services.count) service\(services.count == 1 ? "" : "s")" }
        out += ".\n"
        if summary.partnership != 0 {
        out += "Mainstream \(SpendFormat.money(summary.mainstream)); partnership money \(SpendFormat.money(summary.partnership))"
        out += " (\(SpendFormat.share(summary.partnershipShare)) of the total\(ratio(summary)))\n"
        }
        if summary.capital != 0 { out += "Revenue \(SpendFormat.money(summary.revenue)); capital \(SpendFormat.money(summary.capital))\n" }

        func table(_ title: String, _ heading: String, _ lines: [SpendLine], sector: Bool = false) -> String {
            let unit = SpendFormat.tableUnit(for: lines.map(\.total) + [summary.total])
            var t = TextTable(header: sector ? [heading, "sector", unit.heading, "share"] : [heading, unit.heading, "share"],
                              alignments: sector ? [.left, .left, .right, .right] : [.left, .right, .right])
            for line in lines {
                t.append(sector ? [line.name, line.sector ?? "", unit.format(line.total), SpendFormat.share(line.share)]
                    : [line.name, unit.format(line.total), SpendFormat.share(line.share)])
            }
            t.append(sector ? ["Total", "", unit.format(summary.total), SpendFormat.share(summary.total == 0 ? 0 : 1)]
                : ["Total", unit.format(summary.total), SpendFormat.share(summary.total == 0 ? 0 : 1)])
            return "\n\(title)\n" + t.rendered(indent: "  ")
        }
        out += table("By provider", "provider", summary.providers, sector: summary.providers.contains { $0.sector != nil })
        if !services.isEmpty { out += table("By service", "service", summary.services) }
        if summary.sectors.count > 1 { out += table("By sector", "sector", summary.sectors) }
        if !summary.programmes.isEmpty { out += table("By programme or outcome", "programme", summary.programmes) }
        if !services.isEmpty, summary.providerServices.count > summary.providers.count {
            let unit = SpendFormat.tableUnit(for: summary.providerServices.map(\.total))
            var t = TextTable(header: ["provider", "service", unit.heading], alignments: [.left, .left, .right])
            var last = ""
            for line in summary.providerServices {
                t.append([line.provider == last ? "" : line.provider, line.service, unit.format(line.total)])
                last = line.provider
            }
            out += "\nProvider by service\n" + t.rendered(indent: "  ")
        }
        if !summary.statedTotals.isEmpty {
            out += "\nStated totals\n"
            for total in summary.statedTotals {
                out += "  line \(total.location.line ?? 0): \(total.scope) \(SpendFormat.money(total.stated.pounds)); the \(total.rows) rows add up to \(SpendFormat.money(total.computed))"
                out += total.agrees ? " (agrees)\n" : " (DIFFERS by \(SpendFormat.money(total.computed - total.stated.pounds)))\n"
            }
        }
        if let findings { out += findings.text }
        out += AnalysisOutput.warningsText(summary.warnings)
        return out
    }

    /// The summary as a fragment of XHTML for a page or a report's section:
    /// the totals, the bubble diagram (inline SVG, when given), the tables,
    /// the join to the survey and the warnings, with headings at `headingLevel`.
    public static func section(_ summary: SpendSummary, diagram svg: Data? = nil, findings: SpendNetworkFindings? = nil,
                               headingLevel: Int = 3) -> String {
        let e = HTMLText.escape
        let h = "h\(headingLevel)"
        var body = ""
        body += "<p class=\"total\">Total <strong>\(e(SpendFormat.money(summary.total)))</strong>\(summary.years.isEmpty ? "" : " in " + e(summary.years.joined(separator: ", "))) from \(summary.providers.count) providers. "
        body += "Mainstream \(e(SpendFormat.money(summary.mainstream))); partnership money \(e(SpendFormat.money(summary.partnership))) (\(e(SpendFormat.share(summary.partnershipShare))) of the total\(e(ratio(summary)))).</p>\n"
        if let svg, var text = String(data: svg, encoding: .utf8) {
            if let start = text.range(of: "<svg") { text = String(text[start.lowerBound...]) }
            body += "<figure>\(text)</figure>\n"
        }
        func table(_ heading: String, _ lines: [SpendLine]) -> String {
            let unit = SpendFormat.tableUnit(for: lines.map(\.total) + [summary.total])
            var t = "<table>\n<thead><tr><th>\(e(heading))</th><th class=\"n\">\(e(unit.heading))</th><th class=\"n\">share</th></tr></thead>\n<tbody>\n"
            for line in lines {
                t += "<tr><td>\(e(line.name))</td><td class=\"n\">\(e(unit.format(line.total)))</td><td class=\"n\">\(e(SpendFormat.share(line.share)))</td></tr>\n"
            }
            t += "<tr class=\"sum\"><td>Total</td><td class=\"n\">\(e(unit.format(summary.total)))</td><td class=\"n\">100.0%</td></tr>\n</tbody>\n</table>\n"
            return t
        }
        body += "<\(h)>By provider</\(h)>\n" + table("provider", summary.providers)
        if summary.services.contains(where: { $0.name != SpendSummary.noService }) { body += "<\(h)>By service</\(h)>\n" + table("service", summary.services) }
        if summary.sectors.count > 1 { body += "<\(h)>By sector</\(h)>\n" + table("sector", summary.sectors) }
        if let findings { body += findings.html(headingLevel: headingLevel) }
        if !summary.warnings.isEmpty {
            body += "<\(h)>Warnings</\(h)>\n<ul>\n" + summary.warnings.map { "<li>\(e($0.description))</li>\n" }.joined() + "</ul>\n"
        }
        return body
    }

    /// "; £1 of partnership money to every £49 of mainstream", when there is partnership money.
    static func ratio(_ summary: SpendSummary) -> String {
        guard summary.partnership > 0, summary.mainstream > 0 else { return "" }
        return "; £1 of partnership money to every £\(SpendFormat.grouped(SpendFormat.trimmed(summary.mainstream / summary.partnership, places: 0))) of mainstream"
    }

    /// The summary as JSON: `schema_version`, `source`, `years`, `total`,
    /// `mainstream`, `partnership`, `partnership_share`, `revenue`, `capital`,
    /// `providers` and `services` (lists of `{name, total, share}`, providers
    /// with `sector` and `main_service`), `sectors`, `programmes`,
    /// `provider_services` (`{provider, service, total}`), `stated_totals`,
    /// then `network` when joined to a survey, and `warnings`.
    public static func json(_ summary: SpendSummary, findings: SpendNetworkFindings? = nil) -> String {
        func lines(_ lines: [SpendLine], provider: Bool = false) -> JSONValue {
            .array(lines.map { line in
                var fields: [(String, JSONValue)] = [("name", .string(line.name)), ("total", .number(line.total)), ("share", .number(line.share))]
                if provider { fields += [("sector", .string(line.sector)), ("main_service", .string(line.mainService))] }
                return .object(fields)
            })
        }
        var fields: [(String, JSONValue)] = [
            ("schema_version", .int(schemaVersion)),
            ("source", .string(summary.file)),
            ("years", .array(summary.years.map { .string($0) })),
            ("total", .number(summary.total)),
            ("mainstream", .number(summary.mainstream)),
            ("partnership", .number(summary.partnership)),
            ("partnership_share", .number(summary.partnershipShare)),
            ("revenue", .number(summary.revenue)),
            ("capital", .number(summary.capital)),
            ("providers", lines(summary.providers, provider: true)),
            ("services", lines(summary.services)),
            ("sectors", lines(summary.sectors)),
            ("programmes", lines(summary.programmes)),
            ("provider_services", .array(summary.providerServices.map {
                .object([("provider", .string($0.provider)), ("service", .string($0.service)), ("total", .number($0.total))])
            })),
            ("stated_totals", .array(summary.statedTotals.map {
                .object([("scope", .string($0.scope)), ("stated", .number($0.stated.pounds)), ("computed", .number($0.computed)),
                         ("rows", .int($0.rows)), ("agrees", .bool($0.agrees)), ("line", $0.location.line.map { .int($0) } ?? .null)])
            })),
        ]
        if let findings { fields.append(("network", findings.json)) }
        fields.append(("warnings", .array(summary.warnings.map(AnalysisOutput.diagnosticJSON))))
        return JSONValue.object(fields).rendered() + "\n"
    }

    /// The tables as CSV: one row per provider and service, with the
    /// provider's and the service's totals (`provider,sector,service,amount,provider_total,service_total,share`).
    public static func csv(_ summary: SpendSummary) -> String {
        var writer = CSVWriter(header: ["provider", "sector", "service", "amount", "provider_total", "service_total", "share_of_total"])
        let providers = Dictionary(summary.providers.map { (NameKey.key($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        let services = Dictionary(summary.services.map { (NameKey.key($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        for line in summary.providerServices {
            let provider = providers[NameKey.key(line.provider)]
            writer.append([.text(line.provider), .text(provider?.sector ?? ""), .text(line.service), .number(line.total),
                           .number(provider?.total), .number(services[NameKey.key(line.service)]?.total),
                           .number(summary.total == 0 ? nil : line.total / summary.total)])
        }
        return writer.output
    }

    /// The summary as a page for a board paper: the totals, the bubble
    /// diagram (inline SVG, when given), and the tables.
    public static func html(_ summary: SpendSummary, diagram svg: Data? = nil, findings: SpendNetworkFindings? = nil) -> String {
        let e = HTMLText.escape
        let source = URL(fileURLWithPath: summary.file).lastPathComponent
        let title = "Public spending: \(source)"
        let body = "<h1>\(e(title))</h1>\n" + self.section(summary, diagram: svg, findings: findings, headingLevel: 2)
        let style = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; color: #222; max-width: 60em; margin: 2em auto; padding: 0 1em; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
            table { border-collapse: collapse; margin: 0.5em 0; } th, td { padding: 0.25em 0.8em; border-bottom: 1px solid #ddd; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; } tr.sum td { font-weight: bold; border-top: 2px solid #555; }
            figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; }
            """
        return HTMLText.page(title: title, style: style, body: body)
    }
}
