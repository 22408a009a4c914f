import SNACore

/// How a survey file was read: the platform recognised, the header rows and
/// what each column was taken as. Recorded in ``ImportedSurvey`` and the JSON
/// output; the command line words it as notes.
public struct SurveyReading: Sendable, Equatable {
    /// The survey platform whose export shape was recognised, or `nil` for a plain file.
    public var platform: SurveyPlatform?
    /// Rows the header took.
    public var headerRows: Int
    /// The line (or sheet row) of the header's first row.
    public var headerLine: Int = 1
    /// The worksheet read, for a workbook.
    public var sheet: String?
    /// Every column, in file order.
    public var columns: [ColumnReading]

    /// Creates a reading.
    public init(platform: SurveyPlatform? = nil, headerRows: Int = 1, sheet: String? = nil, columns: [ColumnReading] = []) {
        self.platform = platform
        self.headerRows = headerRows
        self.sheet = sheet
        self.columns = columns
    }
}

/// What one column was taken as, and why.
public struct ColumnReading: Sendable, Equatable {
    /// The column's position, from 1.
    public var column: Int
    /// Its header as shown to the user: a question's text, with a
    /// sub-column's label after " - ".
    public var header: String
    /// The question's text without a sub-column's label; columns of one question share it.
    public var question: String
    /// What it holds.
    public var role: ColumnRole
    /// Which rule decided it.
    public var reason: ColumnReason

    /// Creates a column reading.
    public init(column: Int, header: String, question: String? = nil, role: ColumnRole, reason: ColumnReason) {
        self.column = column
        self.header = header
        self.question = question ?? header
        self.role = role
        self.reason = reason
    }
}

/// What a survey column holds.
public enum ColumnRole: Sendable, Hashable {
    /// Who answered.
    case respondent
    /// The respondent's organisation.
    case organisation
    /// The respondent's layer.
    case layer
    /// Whom a row names (long layout).
    case contact
    /// The contact's organisation (long layout).
    case contactOrganisation
    /// The theme of a row's tie (long layout).
    case theme
    /// The strength of a row's tie (long layout).
    case strength
    /// Contacts in a theme (wide layout), by theme id; `roster` is set when
    /// the column's sub-label names the contact and the cell answers about
    /// them (a grid or checkbox column).
    case contacts(theme: String, roster: String?)
    /// A rating of ties on an item of the rating set, by item id: in the long
    /// layout, of the row's tie; in the wide layout, of the contacts in the
    /// column headed `contactColumn` (`work_1_trust`), or of the ties to the
    /// person `roster` names (a grid, `trust [Jane Smith]`).
    case rating(item: String, contactColumn: String?, roster: String?)
    /// An attribute of the respondent, under the column's header.
    case attribute
    /// Not read: a platform's metadata, or ignored by a `--columns` file.
    case ignored
    /// A question no rule placed; not read (a warning names it).
    case unplaced

    /// The role as written in a `--columns` file: `respondent`, a theme id, `ignore` ...
    public var fileName: String {
        switch self {
        case .respondent: "respondent"
        case .organisation: "organisation"
        case .layer: "layer"
        case .contact: "contact"
        case .contactOrganisation: "contact_organisation"
        case .theme: "theme"
        case .strength: "strength"
        case .contacts(let theme, _): theme
        case .rating(let item, _, _): item
        case .attribute: "attribute"
        case .ignored, .unplaced: "ignore"
        }
    }
}

/// The rule that decided what a column holds.
public enum ColumnReason: Sendable, Equatable {
    /// The header names the role or theme ("respondent", "work_2").
    case heading
    /// The question's wording: the phrase that matched ("improve").
    case wording(String)
    /// The survey platform's own metadata column.
    case platformMetadata
    /// The platform's name column, used because no question asks the respondent's name.
    case platformName
    /// A line of the `--columns` file.
    case mappingFile(line: Int)
    /// A short header that names no role: kept as an attribute.
    case otherHeader
    /// No rule matched.
    case notPlaced
    /// The wording fits these themes equally.
    case ambiguous([String])

    /// A short phrase saying which rule it was, as `survey inspect` and the JSON write it.
    public var summary: String {
        switch self {
        case .heading: "header"
        case .wording(let phrase): "wording: '\(phrase)'"
        case .platformMetadata: "platform metadata"
        case .platformName: "platform's name column (no name question)"
        case .mappingFile(let line): "column mapping file, line \(line)"
        case .otherHeader: "other header"
        case .notPlaced: "no rule matched"
        case .ambiguous(let themes): "fits \(themes.joined(separator: " and ")) equally: write one"
        }
    }
}
