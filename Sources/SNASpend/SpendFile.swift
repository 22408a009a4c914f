import Foundation
import SNACore

/// Whether money is a partner's own budget or a pot the partnership steers.
public enum SpendFunding: String, Sendable, Hashable, CaseIterable {
    /// A partner's own budget (the default).
    case mainstream
    /// Money the partnership itself influences: area based grant, performance
    /// reward grant, pooled budgets, LAA money.
    case partnership

    /// The funding a cell names, in any of the spellings people use.
    public init?(cell: String) {
        switch NameKey.label(cell) {
        case "", "mainstream", "main", "core", "own budget", "budget", "mainstream spend", "mainstream spending": self = .mainstream
        case "partnership", "partnership resources", "area based grant", "abg", "performance reward grant", "prg", "pooled",
             "pooled budget", "laa", "laa grant", "lsp", "grant": self = .partnership
        default: return nil
        }
    }
}

/// Revenue (day-to-day) or capital spending.
public enum SpendKind: String, Sendable, Hashable, CaseIterable {
    /// Day-to-day spending.
    case revenue
    /// Investment in assets.
    case capital

    /// The kind a cell names, or nil.
    public init?(cell: String) {
        switch NameKey.label(cell) {
        case "revenue", "rev", "gross revenue", "revenue expenditure": self = .revenue
        case "capital", "cap", "capital expenditure": self = .capital
        default: return nil
        }
    }
}

/// One amount of a spend file: what a provider spends on a service.
public struct SpendEntry: Sendable, Hashable {
    /// The organisation that spends the money, as written (cleaned).
    public var provider: String
    /// The service (a SeRCOP service category or the file's own), or nil when not given.
    public var service: String?
    /// The provider's sector (local government, health, police ...), when given.
    public var sector: String?
    /// The outcome or programme the money serves, when given.
    public var programme: String?
    /// The customer group served, when given.
    public var customerGroup: String?
    /// The year, as written (`2013-14`), when given.
    public var year: String?
    /// Revenue or capital, when given.
    public var kind: SpendKind?
    /// Mainstream or partnership money.
    public var funding: SpendFunding
    /// The amount.
    public var amount: SpendAmount
    /// Where the row is.
    public var location: SourceLocation

    /// Creates an entry.
    public init(provider: String, service: String? = nil, sector: String? = nil, programme: String? = nil, customerGroup: String? = nil,
                year: String? = nil, kind: SpendKind? = nil, funding: SpendFunding = .mainstream, amount: SpendAmount,
                location: SourceLocation) {
        self.provider = provider
        self.service = service
        self.sector = sector
        self.programme = programme
        self.customerGroup = customerGroup
        self.year = year
        self.kind = kind
        self.funding = funding
        self.amount = amount
        self.location = location
    }
}

/// A total that the file states (a row whose provider or service is "Total"),
/// with the sum of the rows it covers.
public struct StatedTotal: Sendable, Hashable {
    /// What the total covers, in words: "all spending", "mainstream spending",
    /// "Department for Work and Pensions".
    public var scope: String
    /// The amount the file states.
    public var stated: SpendAmount
    /// The sum of the rows it covers.
    public var computed: Double
    /// How many rows it covers.
    public var rows: Int
    /// Where the total row is.
    public var location: SourceLocation

    /// Whether the rows add up to the stated total, to the precision it is written in.
    public var agrees: Bool { abs(stated.pounds - computed) <= stated.precision + 1e-6 * abs(computed) }
}

/// A spend file read: its amounts, the totals it states, and the warnings.
public struct SpendFile: Sendable {
    /// The file's path as given.
    public var file: String
    /// The amounts, in file order (total rows left out).
    public var entries: [SpendEntry]
    /// The totals the file states, each checked.
    public var statedTotals: [StatedTotal]
    /// Warnings: stated totals that differ from their rows, ignored columns, several years.
    public var warnings: [Diagnostic]

    /// Creates a spend file from entries (for programs that build one without a file).
    public init(file: String, entries: [SpendEntry], statedTotals: [StatedTotal] = [], warnings: [Diagnostic] = []) {
        self.file = file
        self.entries = entries
        self.statedTotals = statedTotals
        self.warnings = warnings
    }
}
