import Foundation
import SNACore

/// One line of a spend table: a name, its total and its share of all spending.
public struct SpendLine: Sendable, Hashable {
    /// The provider, service or sector, as first written in the file.
    public var name: String
    /// The total in pounds.
    public var total: Double
    /// The total as a fraction of all spending (0 when all spending is 0).
    public var share: Double
    /// For a provider: its sector when the file gives one.
    public var sector: String?
    /// For a provider: the service it spends most on.
    public var mainService: String?

    /// Creates a line.
    public init(name: String, total: Double, share: Double, sector: String? = nil, mainService: String? = nil) {
        self.name = name
        self.total = total
        self.share = share
        self.sector = sector
        self.mainService = mainService
    }
}

/// What one provider spends on one service.
public struct ProviderServiceLine: Sendable, Hashable {
    /// The provider.
    public var provider: String
    /// The service ("(not given)" when the file gives none).
    public var service: String
    /// The total in pounds.
    public var total: Double
}

/// The totals of a spend file: by provider, by service, by provider and
/// service, by sector, and mainstream against partnership money.
///
/// Names are matched with ``NameKey/key(_:)`` (case and spacing ignored) and
/// shown as first written. Every list is ordered by total, largest first,
/// then by name, so the same file always gives the same tables.
public struct SpendSummary: Sendable {
    /// The word used for a service a row does not name.
    public static let noService = "(not given)"

    /// The file the figures come from.
    public var file: String
    /// All spending.
    public var total: Double
    /// Mainstream spending (partners' own budgets).
    public var mainstream: Double
    /// Partnership money (area based grant, performance reward grant, pooled budgets).
    public var partnership: Double
    /// Revenue and capital spending, where rows say which.
    public var revenue: Double
    /// Capital spending, where rows say so.
    public var capital: Double
    /// One line per provider.
    public var providers: [SpendLine]
    /// One line per service.
    public var services: [SpendLine]
    /// One line per sector, when the file gives sectors; otherwise empty.
    public var sectors: [SpendLine]
    /// One line per provider and service with money.
    public var providerServices: [ProviderServiceLine]
    /// One line per provider and kind of funding with money, providers in
    /// ``providers`` order, mainstream first (what a bubble diagram coloured by funding draws).
    public var providerFunding: [(provider: String, funding: SpendFunding, total: Double)]
    /// One line per programme or outcome, when the file gives them.
    public var programmes: [SpendLine]
    /// The years the file covers, as written, in file order.
    public var years: [String]
    /// The totals the file states, each checked against its rows.
    public var statedTotals: [StatedTotal]
    /// The reader's warnings.
    public var warnings: [Diagnostic]
    /// The amounts added up, in file order.
    public var entries: [SpendEntry]

    /// Partnership money as a fraction of all spending (Figure 11's "less than 2 per cent").
    public var partnershipShare: Double { total == 0 ? 0 : partnership / total }

    /// Adds up a spend file.
    ///
    /// - Complexity: O(n log n) in the number of entries.
    public init(_ spend: SpendFile) {
        file = spend.file
        statedTotals = spend.statedTotals
        warnings = spend.warnings
        let entries = spend.entries
        self.entries = entries
        total = entries.reduce(0) { $0 + $1.amount.pounds }
        mainstream = entries.filter { $0.funding == .mainstream }.reduce(0) { $0 + $1.amount.pounds }
        partnership = entries.filter { $0.funding == .partnership }.reduce(0) { $0 + $1.amount.pounds }
        revenue = entries.filter { $0.kind == .revenue }.reduce(0) { $0 + $1.amount.pounds }
        capital = entries.filter { $0.kind == .capital }.reduce(0) { $0 + $1.amount.pounds }
        years = entries.compactMap(\.year).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let all = total

        /// Sums by a key, keeping the first spelling and the order of first appearance for ties.
        func lines(_ key: (SpendEntry) -> String?) -> [SpendLine] {
            var names: [String: String] = [:]
            var sums: [String: Double] = [:]
            var order: [String] = []
            for entry in entries {
                guard let name = key(entry) else { continue }
                let k = NameKey.key(name)
                if names[k] == nil { names[k] = name; order.append(k) }
                sums[k, default: 0] += entry.amount.pounds
            }
            return order.map { SpendLine(name: names[$0]!, total: sums[$0]!, share: all == 0 ? 0 : sums[$0]! / all) }
                .sorted { ($0.total, NameKey.key($1.name)) > ($1.total, NameKey.key($0.name)) }
        }
        var providerLines = lines { $0.provider }
        services = lines { $0.service ?? Self.noService }
        sectors = entries.contains { $0.sector != nil } ? lines { $0.sector ?? "(not given)" } : []
        programmes = entries.contains { $0.programme != nil } ? lines { $0.programme } : []

        // Provider by service, and each provider's sector and main service.
        var cells: [String: [String: (name: String, total: Double)]] = [:]
        var sectorOf: [String: String] = [:]
        for entry in entries {
            let p = NameKey.key(entry.provider)
            let service = entry.service ?? Self.noService
            cells[p, default: [:]][NameKey.key(service), default: (service, 0)].total += entry.amount.pounds
            if sectorOf[p] == nil, let sector = entry.sector { sectorOf[p] = sector }
        }
        var pairs: [ProviderServiceLine] = []
        for index in providerLines.indices {
            let p = NameKey.key(providerLines[index].name)
            providerLines[index].sector = sectorOf[p]
            let row = (cells[p] ?? [:]).values.sorted { ($0.total, NameKey.key($1.name)) > ($1.total, NameKey.key($0.name)) }
            providerLines[index].mainService = row.first?.name
            pairs += row.map { ProviderServiceLine(provider: providerLines[index].name, service: $0.name, total: $0.total) }
        }
        var byFunding: [String: [SpendFunding: Double]] = [:]
        for entry in entries { byFunding[NameKey.key(entry.provider), default: [:]][entry.funding, default: 0] += entry.amount.pounds }
        providerFunding = providerLines.flatMap { line in
            SpendFunding.allCases.compactMap { funding in
                byFunding[NameKey.key(line.name)]?[funding].map { (line.name, funding, $0) }
            }
        }
        providers = providerLines
        providerServices = pairs
    }
}
