import SNAAssessments

/// The report's page scaffolding, stylesheet and table-sorting script; the stylesheet is public so `snatool serve`'s pages share it.
public enum ReportStyle {
    /// A whole XHTML-compatible document.
    static func page(title: String, body: String) -> String {
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\" xml:lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>\(HTMLText.escape(title))</title>\n<style>\n\(css)\n</style>\n</head>\n<body>\n\(body)</body>\n</html>\n"
    }

    public static let css = """
        body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1d1d1d; margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.5; }
        header h1 { font-size: 2rem; margin: 0 0 0.2rem; color: #0b3d62; } .meta { color: #555; margin-top: 0; }
        nav ol { columns: 2; padding-left: 1.2rem; } nav a { color: #0b5c99; }
        h2 { font-size: 1.5rem; color: #0b3d62; border-bottom: 3px solid #0072B2; padding-bottom: 0.2rem; margin-top: 2.5rem; }
        h3 { font-size: 1.15rem; margin-top: 1.6rem; color: #123; }
        .figures { display: flex; flex-wrap: wrap; gap: 0.8rem; margin: 1rem 0; }
        .figure { background: #eef5fb; border-left: 4px solid #0072B2; padding: 0.6rem 0.9rem; min-width: 10rem; }
        .figure .value { display: block; font-size: 1.7rem; font-weight: bold; color: #0b3d62; } .figure .label { font-size: 0.85rem; color: #333; }
        table { border-collapse: collapse; width: 100%; margin: 0.8rem 0 1.2rem; font-size: 0.88rem; }
        caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
        th, td { border-bottom: 1px solid #dde3e8; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
        thead th { background: #f1f4f7; } table.sortable thead th { cursor: pointer; } table.sortable thead th::after { content: " ⇅"; color: #999; font-size: 0.8em; }
        td:not(:first-child) { font-variant-numeric: tabular-nums; }
        .scroll { overflow: auto; max-height: 85vh; } table.heat { width: auto; font-size: 0.75rem; border-collapse: separate; border-spacing: 0; }
        table.heat thead th { position: sticky; top: 0; z-index: 1; } table.heat th[scope=row] { position: sticky; left: 0; background: #f7f9fb; z-index: 1; }
        table.heat thead th:first-child { left: 0; z-index: 2; }
        details.omitted { font-size: 0.85rem; margin: -0.6rem 0 1rem; } details.omitted summary { cursor: pointer; color: #444; } table.heat td { text-align: center; min-width: 2.4rem; border: 1px solid #fff; }
        table.heat th[scope=row] { white-space: nowrap; } table.heat td.empty { color: #999; }
        table.heat.wrap { width: 100%; font-size: 0.85rem; } table.heat.wrap th[scope=row] { white-space: normal; font-weight: normal; }
        table.heat.wrap td { white-space: nowrap; width: 9rem; }
        td.rag { font-weight: bold; } td.rag.red { background: #fbe3dc; color: #8a2a00; } td.rag.amber { background: #fdf0d0; color: #6b4a00; } td.rag.green { background: #dff3ea; color: #00573f; }
        td.rag .word { font-weight: normal; font-size: 0.85em; }
        .caution { background: #fff4e5; border-left: 4px solid #E69F00; padding: 0.5rem 0.8rem; } .flag { background: #fff4e5; border: 1px solid #E69F00; font-size: 0.75rem; padding: 0 0.3rem; border-radius: 0.2rem; }
        ol.findings > li { margin-bottom: 0.7rem; } .headline { font-weight: bold; margin: 0; } .evidence { margin: 0.1rem 0 0; color: #333; font-size: 0.92rem; }
        .why { color: #444; font-style: italic; } .response { background: #eef7f1; border-left: 4px solid #009E73; padding: 0.5rem 0.8rem; }
        .map-pair { display: flex; gap: 1rem; } .map-pair figure { flex: 1 1 0; min-width: 0; }
        figure { margin: 1rem 0; } figure.map svg { width: 100%; height: auto; max-height: 52rem; border: 1px solid #e3e7eb; background: #fff; box-sizing: border-box; }
        figcaption { font-size: 0.85rem; color: #555; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.3rem 1rem; }
        dl.facts div { border-bottom: 1px dotted #ccc; } dl.facts dt { font-size: 0.8rem; color: #555; } dl.facts dd { margin: 0; font-weight: bold; }
        dl.definitions dt { font-weight: bold; margin-top: 0.4rem; } dl.definitions dd { margin-left: 1rem; }
        svg.chart { width: 100%; max-width: 40rem; height: auto; } svg.chart .grid { stroke: #e3e7eb; } svg.chart .line { fill: none; stroke: #0072B2; stroke-width: 3; }
        svg.chart .dot { fill: #0072B2; } svg.chart .tick { font-size: 11px; fill: #555; } svg.chart .axis { font-size: 12px; fill: #333; }
        @page { size: A4; margin: 14mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; } nav { display: none; }
          h2 { page-break-before: always; } section#summary h2 { page-break-before: auto; }
          figure, table, .theme > dl, ol.findings > li { page-break-inside: avoid; } figure.map svg { max-height: 24cm; }
          table.sortable thead th::after { content: ""; } a { color: inherit; text-decoration: none; }
          .scroll { overflow: visible; max-height: none; } table.heat th { position: static; } table.heat { font-size: 6pt; } table.heat td { min-width: 0; padding: 1px; } table.heat.wrap { font-size: 8.5pt; }
        }
        """ + "\n" + InteractiveMapAssets.css

    /// Sorts a table by the clicked column (numbers numerically); written without "<" or "&" so the page stays well-formed XML.
    static let script = """
        document.querySelectorAll("table.sortable").forEach(function (table) {
          table.querySelectorAll("thead th").forEach(function (header, column) {
            header.setAttribute("tabindex", "0");
            header.setAttribute("aria-sort", "none");
            function sort() {
              var body = table.tBodies[0];
              var ascending = header.getAttribute("aria-sort") !== "ascending";
              var rows = Array.prototype.slice.call(body.rows);
              function key(row) {
                var cell = row.cells[column];
                var text = cell.getAttribute("data-sort") || cell.textContent.trim();
                var number = parseFloat(text.replace(/[%,]/g, ""));
                return isNaN(number) ? text.toLowerCase() : number;
              }
              rows.sort(function (a, b) {
                var x = key(a), y = key(b);
                var order = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
              table.querySelectorAll("thead th").forEach(function (other) { other.setAttribute("aria-sort", "none"); });
              header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            }
            header.addEventListener("click", sort);
            header.addEventListener("keydown", function (event) { if (event.key === "Enter") { sort(); } });
          });
        });
        """
}
