import Foundation
import SNAAssessments

/// Small charts drawn as inline SVG or HTML, each with a text alternative.
enum ReportCharts {
    static func e(_ text: String) -> String { HTMLText.escape(text) }

    static func number(_ value: Double?, places: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(places)f", value)
    }

    /// A heat-map table: rows × columns of values in 0...1 (or nil), each
    /// cell shaded by its value and showing the number, so colour is never the
    /// only signal.
    static func heatMap(caption: String, rows: [String], columns: [String], columnAbbreviations: [String]? = nil,
                        values: [[Double?]], places: Int = 2, scaleMax: Double? = nil) -> String {
        let top = scaleMax ?? max(values.flatMap { $0.compactMap { $0 } }.max() ?? 1, 1e-9)
        var html = "<div class=\"scroll\"><table class=\"heat\"><caption>\(e(caption))</caption><thead><tr><th scope=\"col\"></th>"
        for (index, column) in columns.enumerated() {
            let short = columnAbbreviations?[index] ?? column
            html += "<th scope=\"col\"><abbr title=\"\(e(column))\">\(e(short))</abbr></th>"
        }
        html += "</tr></thead><tbody>"
        for (r, row) in rows.enumerated() {
            html += "<tr><th scope=\"row\">\(e(row))</th>"
            for value in values[r] {
                guard let value else { html += "<td class=\"empty\">–</td>"; continue }
                let level = min(1, max(0, value / top))
                let light = 97 - Int(level * 55)
                let text = light < 62 ? "#fff" : "#111"
                html += "<td style=\"background:hsl(205,70%,\(light)%);color:\(text)\">\(number(value, places: places))</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// A line chart of "if these people left": connectivity after each removal.
    static func resilience(points: [(label: String, value: Double)], title: String) -> String {
        let width = 640.0, height = 260.0, left = 56.0, bottom = 40.0, top = 20.0, right = 20.0
        let steps = Double(max(points.count, 1))
        func x(_ i: Int) -> Double { left + (width - left - right) * Double(i) / steps }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - v) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"resilience-title resilience-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"resilience-title\">\(e(title))</title>"
        let description = "Starting from 100% of connected pairs, " + points.enumerated().map { "after removing \($0.offset + 1) \($0.offset == 0 ? "person" : "people"): \(Int(($0.element.value * 100).rounded()))%" }.joined(separator: "; ") + "."
        svg += "<desc id=\"resilience-desc\">\(e(description))</desc>"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" class=\"grid\"/>"
            svg += "<text x=\"\(left - 8)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\" class=\"tick\">\(Int(tick * 100))%</text>"
        }
        var path = "M \(x(0)) \(y(1))"
        for (index, point) in points.enumerated() { path += " L \(x(index + 1)) \(y(point.value))" }
        svg += "<path d=\"\(path)\" class=\"line\"/>"
        svg += "<circle cx=\"\(x(0))\" cy=\"\(y(1))\" r=\"4\" class=\"dot\"/>"
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(x(index + 1))\" cy=\"\(y(point.value))\" r=\"4\" class=\"dot\"><title>\(e(point.label)): \(Int((point.value * 100).rounded()))%</title></circle>"
            svg += "<text x=\"\(x(index + 1))\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\" class=\"tick\">\(index + 1)</text>"
        }
        svg += "<text x=\"\((left + width - right) / 2)\" y=\"\(height - 6)\" text-anchor=\"middle\" class=\"axis\">people removed, most damaging first</text>"
        svg += "<text x=\"14\" y=\"\((top + height - bottom) / 2)\" text-anchor=\"middle\" class=\"axis\" transform=\"rotate(-90 14 \((top + height - bottom) / 2))\">pairs still connected</text>"
        return svg + "</svg>"
    }

    /// Short column headers: the initials of each word ("Bolton Council" -> "BC"), made unique.
    static func abbreviations(_ names: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return names.map { name in
            let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            var short = String(words.filter { $0.first?.isUppercase ?? false || $0.first?.isNumber ?? false }.compactMap(\.first))
            if short.count < 2 { short = String(name.prefix(4)) }
            seen[short, default: 0] += 1
            return seen[short]! > 1 ? "\(short)\(seen[short]!)" : short
        }
    }

    /// An inline SVG made by Graphviz, ready to sit inside HTML: its XML
    /// declaration, DOCTYPE and comments removed, every `id` attribute
    /// prefixed (so ids stay unique across the page), and sized by CSS.
    ///
    /// - Complexity: one pass over the SVG's bytes, O(n).
    static func inline(svg: String, label: String, prefix: String) -> String {
        var bytes = Array(svg.utf8)
        let start = firstIndex(of: Array("<svg".utf8), in: bytes, from: 0) ?? bytes.count
        let tagEnd = bytes[start...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
        // Let CSS size the map; keep the viewBox.
        var tag = String(decoding: bytes[start..<tagEnd], as: UTF8.self)
        if let size = tag.range(of: #"width="[0-9.]+pt" height="[0-9.]+pt""#, options: .regularExpression) {
            tag.replaceSubrange(size, with: "role=\"img\" aria-label=\"\(e(label))\"")
        }
        var out = Array(tag.utf8)
        out.reserveCapacity(bytes.count - start)
        let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8), id = Array(" id=\"".utf8)
        let prefixed = Array(" id=\"\(prefix)-".utf8)
        var inTag = true, inValue = false
        var i = tagEnd
        bytes.append(0)  // a sentinel, so look-aheads need no bounds check
        let end = bytes.count - 1
        while i < end {
            let byte = bytes[i]
            if inValue {
                if byte == UInt8(ascii: "\"") { inValue = false }
            } else if inTag {
                if byte == UInt8(ascii: ">") {
                    inTag = false
                } else if byte == UInt8(ascii: "\"") {
                    inValue = true
                } else if byte == UInt8(ascii: " "), matches(id, in: bytes, at: i) {
                    out += prefixed
                    i += id.count
                    inValue = true
                    continue
                }
            } else if byte == UInt8(ascii: "<") {
                if matches(commentOpen, in: bytes, at: i) {
                    i = firstIndex(of: commentClose, in: bytes, from: i + commentOpen.count).map { $0 + commentClose.count } ?? end
                    continue
                }
                inTag = true
            }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `pattern` occurs in `bytes` at `index`.
    private static func matches(_ pattern: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for k in pattern.indices where bytes[index + k] != pattern[k] { return false }
        return true
    }

    /// The first index at or after `from` where `pattern` starts, or `nil`.
    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], matches(pattern, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }
}
