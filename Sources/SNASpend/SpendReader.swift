import Foundation
import SNACore
import SNAIO

/// Reads spend files: one row per amount, with the provider, the service and
/// the amount, and optionally sector, programme (or outcome), customer group,
/// year, kind (revenue or capital) and funding (mainstream or partnership).
///
/// Columns are found by their header in any spelling (`Service provider`,
/// `organisation`; `SeRCOP service`, `category`; `amount`, `spend`, `£m`); a
/// unit in the amount's header (`Amount (£m)`, `£bn`) applies to numbers
/// written without one. A row whose provider or service is `Total` (or
/// `Grand total`, `Total …`) is a stated total: it is checked against the
/// rows it covers (those that share its other cells) and a difference larger
/// than the rounding of the figure as written is a warning. Every problem is
/// an error with file, line, column, value and fix; all are collected before
/// the reader stops. docs/spend.md describes the format.
public enum SpendReader {
    /// What a column of a spend file holds.
    enum Role: String, CaseIterable {
        case provider, service, sector, programme, customerGroup = "customer group", year, kind, funding, amount, note
    }

    /// The header spellings of each role, as ``NameKey/label(_:)`` gives them.
    static let spellings: [Role: Set<String>] = [
        .provider: ["provider", "service provider", "organisation", "organization", "body", "partner", "agency", "spender", "who"],
        .service: ["service", "services", "service category", "sercop", "sercop service", "sercop category", "category", "service area"],
        .sector: ["sector", "provider sector"],
        .programme: ["programme", "program", "outcome", "outcome or programme", "programme or outcome", "project", "theme"],
        .customerGroup: ["customer group", "customer groups", "customer", "customers", "client group", "client"],
        .year: ["year", "financial year", "period"],
        .kind: ["kind", "revenue or capital", "revenue capital", "expenditure type"],
        .funding: ["funding", "money", "mainstream or partnership", "resource", "resources", "source of funds", "fund"],
        .amount: ["amount", "spend", "spending", "expenditure", "gross expenditure", "gross revenue expenditure", "value", "cost",
                  "budget", "total", "gbp", ""],
        .note: ["note", "notes", "comment", "comments", "source"],
    ]

    /// The words of a header that name a unit rather than the column.
    static let unitWords: Set<String> = ["m", "bn", "k", "000", "000s", "million", "millions", "billion", "billions", "thousand", "thousands", "gbp", "in"]

    /// What to name the columns when the header is not understood.
    static let headerFix = "name the columns provider, service and amount (optionally sector, programme, customer group, year, kind and funding); docs/spend.md"

    /// Reads a spend file (CSV, or the first sheet of an .xlsx workbook; `-` is standard input).
    ///
    /// - Throws: ``InputError``: `.missingInput` when the file cannot be read,
    ///   `.badData` with every problem when its content cannot be used.
    public static func read(path: String) throws(InputError) -> SpendFile {
        try read(table: try CSVReader.read(path: path))
    }

    /// Reads spend CSV text, for tests and in-memory data.
    public static func parse(text: String, file: String = "<text>") throws(InputError) -> SpendFile {
        try read(table: try CSVReader.parse(text: text, file: file))
    }

    /// Reads a table already parsed.
    ///
    /// - Complexity: O(r × t) for r rows and t stated totals.
    public static func read(table: CSVTable) throws(InputError) -> SpendFile {
        var diagnostics: [Diagnostic] = []
        var columns: [Role: Int] = [:]
        var unit = 1.0
        let headerLocation = SourceLocation(file: table.file, line: table.headerLine, sheet: table.sheet)
        for (index, cell) in table.header.enumerated() {
            let words = NameKey.label(cell).split(separator: " ").map(String.init)
            let name = words.filter { !unitWords.contains($0) }.joined(separator: " ")
            let headerUnit = SpendAmount.unit(inHeader: cell)
            if NameKey.cleaned(cell).isEmpty { continue }
            guard let role = Role.allCases.first(where: { spellings[$0]!.contains(name) && ($0 != .amount || !name.isEmpty || headerUnit != nil) }) else {
                diagnostics.append(Diagnostic(.warning, code: "spend.unknown-column", at: table.location(line: table.headerLine, column: index + 1),
                                              "column not used", value: cell, fix: headerFix))
                continue
            }
            if columns[role] != nil {
                diagnostics.append(Diagnostic(.error, code: "spend.repeated-column", at: table.location(line: table.headerLine, column: index + 1),
                                              "a second \(role.rawValue) column", value: cell, fix: "keep one \(role.rawValue) column"))
                continue
            }
            columns[role] = index
            if role == .amount, let headerUnit { unit = headerUnit }
        }
        for role in [Role.provider, .amount] where columns[role] == nil {
            diagnostics.append(Diagnostic(.error, code: "spend.missing-column", at: headerLocation, "no \(role.rawValue) column",
                                          value: table.header.joined(separator: ","), fix: headerFix))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw InputError(.badData, diagnostics) }

        struct TotalRow { var entry: SpendEntry; var providerIsTotal: Bool; var serviceIsTotal: Bool; var fundingGiven: Bool; var written: String }
        var entries: [SpendEntry] = []
        var totals: [TotalRow] = []
        for record in table.records {
            func cell(_ role: Role) -> String? {
                guard let index = columns[role], index < record.fields.count else { return nil }
                let text = NameKey.cleaned(record.fields[index])
                return text.isEmpty ? nil : text
            }
            func location(_ role: Role) -> SourceLocation { table.location(line: record.line, column: columns[role].map { $0 + 1 }) }
            if record.fields.allSatisfy({ NameKey.cleaned($0).isEmpty }) { continue }
            let providerIsTotal = cell(.provider).map(isTotal) ?? false
            let serviceIsTotal = cell(.service).map(isTotal) ?? false
            var failed = false
            guard let amountText = cell(.amount) else {
                diagnostics.append(Diagnostic(.error, code: "spend.missing-amount", at: location(.amount), "no amount", fix: SpendAmount.fix))
                continue
            }
            let amount = SpendAmount.parse(amountText, unit: unit)
            if amount == nil {
                diagnostics.append(Diagnostic(.error, code: "spend.bad-amount", at: location(.amount), "not an amount", value: amountText,
                                              fix: SpendAmount.fix))
                failed = true
            }
            let provider = cell(.provider)
            if provider == nil && !serviceIsTotal {
                diagnostics.append(Diagnostic(.error, code: "spend.missing-provider", at: location(.provider), "no provider",
                                              fix: "name the organisation that spends the money, or write Total for a total row"))
                failed = true
            }
            var funding = SpendFunding.mainstream
            if let text = cell(.funding) {
                if let value = SpendFunding(cell: text) { funding = value } else {
                    diagnostics.append(Diagnostic(.error, code: "spend.bad-funding", at: location(.funding), "not a kind of funding", value: text,
                                                  fix: "write mainstream or partnership (area based grant, performance reward grant and pooled budgets are partnership)"))
                    failed = true
                }
            }
            var kind: SpendKind?
            if let text = cell(.kind) {
                kind = SpendKind(cell: text)
                if kind == nil {
                    diagnostics.append(Diagnostic(.error, code: "spend.bad-kind", at: location(.kind), "neither revenue nor capital", value: text,
                                                  fix: "write revenue or capital, or leave it empty"))
                    failed = true
                }
            }
            guard !failed, let amount else { continue }
            let entry = SpendEntry(provider: provider ?? "", service: cell(.service), sector: cell(.sector), programme: cell(.programme),
                                   customerGroup: cell(.customerGroup), year: cell(.year), kind: kind, funding: funding, amount: amount,
                                   location: table.location(line: record.line, column: nil))
            if providerIsTotal || serviceIsTotal {
                totals.append(TotalRow(entry: entry, providerIsTotal: providerIsTotal, serviceIsTotal: serviceIsTotal,
                                       fundingGiven: cell(.funding) != nil, written: amountText))
            } else {
                entries.append(entry)
            }
            if diagnostics.filter({ $0.severity == .error }).count >= CSVReader.maximumErrors { break }
        }
        if entries.isEmpty && !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(Diagnostic(.error, code: "spend.empty", at: SourceLocation(file: table.file, sheet: table.sheet), "no amounts",
                                          fix: "add one row per amount under the header"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw InputError(.badData, diagnostics) }

        // Stated totals: each covers the rows that share its other cells.
        var stated: [StatedTotal] = []
        for total in totals {
            let t = total.entry
            let covered = entries.filter { e in
                (total.providerIsTotal || NameKey.key(e.provider) == NameKey.key(t.provider))
                    && (total.serviceIsTotal || t.service == nil || e.service.map(NameKey.key) == NameKey.key(t.service!))
                    && (t.sector == nil || e.sector.map(NameKey.key) == NameKey.key(t.sector!))
                    && (t.programme == nil || e.programme.map(NameKey.key) == NameKey.key(t.programme!))
                    && (t.customerGroup == nil || e.customerGroup.map(NameKey.key) == NameKey.key(t.customerGroup!))
                    && (t.year == nil || e.year.map(NameKey.key) == NameKey.key(t.year!))
                    && (t.kind == nil || e.kind == t.kind)
                    && (!total.fundingGiven || e.funding == t.funding)
            }
            var scope: [String] = []
            if !total.providerIsTotal { scope.append(t.provider) }
            if !total.serviceIsTotal, let service = t.service { scope.append(service) }
            for part in [t.sector, t.programme, t.customerGroup, t.year] { if let part { scope.append(part) } }
            if let kind = t.kind { scope.append(kind.rawValue) }
            if total.fundingGiven { scope.append(t.funding.rawValue) }
            let words = scope.isEmpty ? "all spending" : scope.joined(separator: ", ")
            let check = StatedTotal(scope: words, stated: t.amount, computed: covered.reduce(0) { $0 + $1.amount.pounds }, rows: covered.count,
                                    location: t.location)
            stated.append(check)
            if covered.isEmpty {
                diagnostics.append(Diagnostic(.warning, code: "spend.total-covers-nothing", at: t.location, "a stated total (\(words)) that no row adds up to",
                                              value: SpendFormat.money(t.amount.pounds), fix: "check the total row's cells; only provider or service should say Total"))
            } else if !check.agrees {
                diagnostics.append(Diagnostic(.warning, code: "spend.total-differs", at: t.location,
                                              "the stated total of \(words), \(SpendFormat.money(t.amount.pounds)), differs from the sum of its \(covered.count) rows, \(SpendFormat.money(check.computed)), by \(SpendFormat.money(check.computed - t.amount.pounds))",
                                              value: total.written,
                                              fix: "correct the rows or the total; the rows' sum is what snatool uses"))
            }
        }
        let years = Set(entries.compactMap { $0.year.map(NameKey.key) })
        if years.count > 1 {
            diagnostics.append(Diagnostic(.warning, code: "spend.several-years", at: SourceLocation(file: table.file, sheet: table.sheet),
                                          "the file holds \(years.count) years, which the totals add together",
                                          value: entries.compactMap(\.year).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: ", "),
                                          fix: "keep one year per file to compare like with like"))
        }
        return SpendFile(file: table.file, entries: entries, statedTotals: stated, warnings: diagnostics)
    }

    /// Whether a provider or service cell marks a total row.
    static func isTotal(_ text: String) -> Bool {
        let label = NameKey.label(text)
        return label == "total" || label == "grand total" || label == "subtotal" || label == "sub total" || label.hasPrefix("total ")
            || label.hasPrefix("grand total ")
    }
}
