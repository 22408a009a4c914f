import SNAIO

/// A printable document (headings, paragraphs, tables, bullets) written once
/// and rendered as plain text, Markdown or HTML: the shape of instrument
/// sheets and assessment results.
struct AssessmentDocument {
    struct Bullet {
        var text: String
        var children: [String] = []
    }

    struct Table {
        var header: [String]
        var rows: [[String]]
        /// The column whose cells are coloured by status (met, partly, not met ...) in HTML.
        var statusColumn: Int?
    }

    struct Section {
        var heading: String
        var level = 2
        var paragraphs: [String] = []
        var table: Table?
        var bullets: [Bullet] = []
        var after: [String] = []
    }

    var title: String
    var intro: [String]
    var sections: [Section]

    // MARK: Text

    func text() -> String {
        var out = title + "\n" + String(repeating: "=", count: min(title.count, 78)) + "\n"
        for paragraph in intro { out += "\n" + Self.wrapped(paragraph, indent: "") }
        for section in sections {
            out += "\n" + (section.level <= 2 ? section.heading.uppercased() + "\n" : Self.wrapped(section.heading, indent: "", continuation: "  "))
            if section.level <= 2 { out += String(repeating: "-", count: min(section.heading.count, 78)) + "\n" }
            for paragraph in section.paragraphs { out += Self.wrapped(paragraph, indent: "") }
            if let table = section.table { out += Self.text(table) }
            for bullet in section.bullets {
                out += Self.wrapped(bullet.text, indent: "  - ", continuation: "    ")
                for child in bullet.children { out += Self.wrapped(child, indent: "      ", continuation: "      ") }
            }
            for paragraph in section.after { out += Self.wrapped(paragraph, indent: "") }
        }
        return out
    }

    /// A table padded into columns, or, when that would be wider than 110
    /// characters, one wrapped block per row.
    static func text(_ table: Table) -> String {
        let rows = table.rows.map { $0.map { $0.replacingOccurrences(of: "\n", with: " ") } }
        var rendered = TextTable(header: table.header, alignments: table.header.map { _ in .left })
        for row in rows { rendered.append(row) }
        let text = rendered.rendered(indent: "  ")
        if text.split(separator: "\n").allSatisfy({ $0.count <= 110 }) { return text }
        var out = ""
        // A short first cell (an id) leads its row; other cells are labelled by their column.
        let leads = table.header.count > 2 && rows.allSatisfy { ($0.first?.count ?? 0) <= 12 }
        for row in rows {
            if leads {
                out += wrapped(row.prefix(2).joined(separator: "  "), indent: "  ", continuation: "      ")
            }
            for (header, cell) in zip(table.header, row).dropFirst(leads ? 2 : 0) where !cell.isEmpty {
                out += wrapped("\(header.hasSuffix(":") ? header : header + ":") \(cell)", indent: leads ? "      " : "  ", continuation: "      ")
            }
            if !leads { out += "\n" }
        }
        return out
    }

    /// Wraps at 78 columns.
    static func wrapped(_ text: String, indent: String, continuation: String? = nil) -> String {
        TextWrap.wrap(text, first: indent, rest: continuation ?? indent)
    }

    // MARK: Markdown

    func markdown() -> String {
        var out = "# \(Self.md(title))\n"
        for paragraph in intro { out += "\n\(Self.md(paragraph))\n" }
        for section in sections {
            out += "\n\(String(repeating: "#", count: section.level)) \(Self.md(section.heading))\n"
            for paragraph in section.paragraphs { out += "\n\(Self.md(paragraph))\n" }
            if let table = section.table {
                out += "\n| " + table.header.map(Self.md).joined(separator: " | ") + " |\n"
                out += "|" + String(repeating: " --- |", count: table.header.count) + "\n"
                for row in table.rows { out += "| " + row.map(Self.md).joined(separator: " | ") + " |\n" }
            }
            if !section.bullets.isEmpty { out += "\n" }
            for bullet in section.bullets {
                out += "- \(Self.md(bullet.text))\n"
                for child in bullet.children { out += "  - \(Self.md(child))\n" }
            }
            for paragraph in section.after { out += "\n\(Self.md(paragraph))\n" }
        }
        return out
    }

    /// Markdown-safe text: no HTML, no table breaks, one line.
    static func md(_ text: String) -> String {
        MarkdownText.line(text)
    }

    // MARK: HTML

    func html() -> String {
        HTMLText.page(title: title, style: Self.style, body: "<h1>\(HTMLText.escape(title))</h1>\n" + htmlBody())
    }

    /// The document's intro and sections as HTML, without its title; headings
    /// start at `h\(2 + shift)` (a section of another page passes 1).
    func htmlBody(shift: Int = 0) -> String {
        let e = HTMLText.escape
        var body = ""
        for paragraph in intro { body += "<p>\(e(paragraph))</p>\n" }
        for section in sections {
            let tag = "h\(min(max(section.level, 2), 4) + shift)"
            body += section.level <= 2 && shift == 0 ? "<section>\n<\(tag)>\(e(section.heading))</\(tag)>\n" : "<\(tag)>\(e(section.heading))</\(tag)>\n"
            for paragraph in section.paragraphs { body += "<p>\(e(paragraph))</p>\n" }
            if let table = section.table {
                body += "<table>\n<thead><tr>" + table.header.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in table.rows {
                    body += "<tr>" + row.enumerated().map { n, cell in
                        n == 0 ? "<th scope=\"row\">\(e(cell))</th>"
                            : n == table.statusColumn ? "<td class=\"\(Self.cssClass(cell))\">\(e(cell))</td>" : "<td>\(e(cell))</td>"
                    }.joined() + "</tr>\n"
                }
                body += "</tbody>\n</table>\n"
            }
            if !section.bullets.isEmpty {
                body += "<ul>\n"
                for bullet in section.bullets {
                    body += "<li>\(e(bullet.text))"
                    if !bullet.children.isEmpty { body += "<ul>" + bullet.children.map { "<li>\(e($0))</li>" }.joined() + "</ul>" }
                    body += "</li>\n"
                }
                body += "</ul>\n"
            }
            for paragraph in section.after { body += "<p>\(e(paragraph))</p>\n" }
            if section.level <= 2 && shift == 0 { body += "</section>\n" }
        }
        return body
    }

    /// A class that colours a status cell.
    static func cssClass(_ cell: String) -> String {
        switch cell.lowercased() {
        case "met", "settled": "good"
        case "partly", "not known", "not settled": "warn"
        case "not met", "unanswered": "bad"
        default: ""
        }
    }

    static let style = """
        body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
        h1 { font-size: 1.6rem; border-bottom: 3px solid #0b4f8a; padding-bottom: .3rem; }
        h2 { font-size: 1.25rem; color: #0b4f8a; margin-top: 2rem; } h3 { font-size: 1.05rem; margin-bottom: .3rem; }
        table { border-collapse: collapse; margin: .6rem 0 1rem; width: 100%; font-size: .92rem; }
        th, td { border: 1px solid #b9c3cc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #e8eef4; } tbody th { font-weight: normal; white-space: nowrap; }
        td.good { background: #dcefdc; } td.warn { background: #fbefcf; } td.bad { background: #f6d5d3; }
        ul ul { margin: .2rem 0 .4rem; color: #333; }
        @media print { body { margin: 0; max-width: none; font-size: 10.5pt; } section { page-break-inside: avoid; } }
        """
}
