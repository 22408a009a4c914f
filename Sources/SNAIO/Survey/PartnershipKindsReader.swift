import Foundation
import SNACore

/// The partnership kinds and the organisation kinds each requires: the three
/// of seed 004's Appendix 3 (bundled as `Resources/partnership-kinds.csv`),
/// and any a user declares in a file of the same shape (docs/input-formats.md).
///
/// One row per required kind of one partnership: `partnership` (the id),
/// `partnership_name`, `statute`, `organisation_kind` (as the source writes
/// it), optional `spellings` (other ways a type may say it, separated by `|`)
/// and `note` (why a spelling stands for the kind, e.g. a successor body).
/// A kind's spellings and note are shared by every partnership that requires it.
///
/// ```swift
/// let kinds = try PartnershipKindsReader.catalogue()
/// print(kinds.first { $0.id == "crime-and-disorder" }?.required.map(\.name) ?? [])
/// ```
public enum PartnershipKindsReader {
    static let columns = ["partnership", "partnership name", "statute", "organisation kind", "spellings", "note"]

    /// The bundled kinds, then those of `path` (a kind with a bundled id
    /// replaces it; an organisation kind the bundled file names keeps its spellings).
    ///
    /// - Throws: ``InputError`` naming each line of `path` with a missing or conflicting cell.
    public static func catalogue(adding path: String? = nil) throws(InputError) -> [PartnershipKind] {
        var kinds = try bundled()
        if let path {
            let known = kinds.flatMap(\.required)
            for declared in try read(try CSVReader.read(path: path)) {
                // A kind the bundled file knows keeps its spellings and note.
                let kind = PartnershipKind(id: declared.id, name: declared.name, statute: declared.statute, required: declared.required.map { given in
                    guard let same = known.first(where: { OrganisationKind.typeKey($0.name) == OrganisationKind.typeKey(given.name) }) else { return given }
                    return OrganisationKind(name: given.name, spellings: given.spellings + same.spellings.filter { !given.spellings.contains($0) },
                                            note: given.note ?? same.note)
                })
                if let index = kinds.firstIndex(where: { $0.id == kind.id }) { kinds[index] = kind } else { kinds.append(kind) }
            }
        }
        return kinds
    }

    /// The three partnership kinds of seed 004, Appendix 3.
    public static func bundled() throws(InputError) -> [PartnershipKind] {
        guard let url = Bundle.module.url(forResource: "partnership-kinds", withExtension: "csv"),
              let data = try? Data(contentsOf: url) else {
            throw InputError(.missingInput, [Diagnostic(.error, code: "partnership-kinds.missing-resource",
                                                    "the bundled partnership kinds (partnership-kinds.csv) are missing from this build",
                                                    fix: "rebuild snatool; the file is in Sources/SNAIO/Resources")])
        }
        return try read(try CSVReader.parse(data, file: "partnership-kinds.csv"))
    }

    /// The kinds a table of the documented shape declares, in order of first appearance.
    ///
    /// - Throws: ``InputError`` listing every missing column, empty cell and conflicting name or statute.
    public static func read(_ table: CSVTable) throws(InputError) -> [PartnershipKind] {
        let labels = table.header.map { NameKey.label($0) }
        let index = columns.map { labels.firstIndex(of: $0) }
        guard let id = index[0], let name = index[1], let statute = index[2], let kind = index[3] else {
            throw InputError(.badData, [Diagnostic(.error, code: "partnership-kinds.missing-columns", at: SourceLocation(file: table.file, line: table.headerLine),
                                                   "a partnership kinds file needs the columns partnership, partnership_name, statute and organisation_kind",
                                                   fix: "start it with the header line: partnership,partnership_name,statute,organisation_kind,spellings,note",
                                                   inputs: [.partnershipKinds])])
        }
        var problems: [Diagnostic] = []
        var order: [String] = []
        var heads: [String: (name: String, statute: String, line: Int)] = [:]
        var required: [String: [String]] = [:]
        var spellings: [String: [String]] = [:], notes: [String: String] = [:], kindNames: [String: String] = [:]
        for record in table.records {
            let cells = [id, name, statute, kind].map { NameKey.cleaned(record.fields[$0]) }
            if let empty = cells.firstIndex(where: \.isEmpty) {
                let column = [id, name, statute, kind][empty]
                problems.append(Diagnostic(.error, code: "partnership-kinds.empty", at: table.location(line: record.line, column: column + 1),
                                           "the \(table.header[column]) is empty", fix: "fill it in, or delete the line"))
                continue
            }
            let key = NameKey.label(cells[0]).replacingOccurrences(of: " ", with: "-")
            if let head = heads[key] {
                for (position, (given, first)) in [(cells[1], head.name), (cells[2], head.statute)].enumerated() where given != first {
                    problems.append(Diagnostic(.error, code: "partnership-kinds.conflict",
                                               at: table.location(line: record.line, column: [name, statute][position] + 1),
                                               "partnership '\(key)' is given another \(position == 0 ? "name" : "statute") on line \(head.line)",
                                               value: given, fix: "write it as on line \(head.line): \(first)"))
                }
            } else {
                heads[key] = (cells[1], cells[2], record.line)
                order.append(key)
            }
            let kindKey = OrganisationKind.typeKey(cells[3])
            if kindNames[kindKey] == nil { kindNames[kindKey] = cells[3] }
            if !(required[key] ?? []).contains(kindKey) { required[key, default: []].append(kindKey) }
            if let column = index[4] {
                for spelling in record.fields[column].split(separator: "|").map(NameKey.cleaned) where !spelling.isEmpty {
                    if !(spellings[kindKey] ?? []).contains(spelling) { spellings[kindKey, default: []].append(spelling) }
                }
            }
            if let column = index[5], notes[kindKey] == nil, !NameKey.cleaned(record.fields[column]).isEmpty {
                notes[kindKey] = NameKey.cleaned(record.fields[column])
            }
        }
        if !problems.isEmpty { throw InputError(.badData, problems) }
        return order.map { key in
            let head = heads[key]!
            let kinds = (required[key] ?? []).map { OrganisationKind(name: kindNames[$0]!, spellings: spellings[$0] ?? [], note: notes[$0]) }
            return PartnershipKind(id: key, name: head.name, statute: head.statute, required: kinds)
        }
    }

    /// The partnership kind `name` stands for (its id, or its name, compared loosely), or `nil`.
    public static func kind(_ name: String, in kinds: [PartnershipKind]) -> PartnershipKind? {
        let label = NameKey.label(name)
        return kinds.first { NameKey.label($0.id) == label }
            ?? kinds.first { OrganisationKind.typeKey($0.name) == OrganisationKind.typeKey(name) }
    }
}

/// Reads an organisations file: a `name` column (also `organisation`, `org`,
/// `partner`, `agency`) and `type`, with any other attributes, and sets
/// them on the survey's organisations.
public enum OrganisationsFileReader {
    /// The organisations file applied to `survey`'s network: each row's
    /// attributes set on the organisation of that name (a value given
    /// replaces the people's); the rows naming no organisation of the survey
    /// become its ``ImportedSurvey/listedOrganisations``; where each type was
    /// given is kept for the type warnings; near-duplicate names are warnings.
    ///
    /// - Throws: ``InputError`` for a missing name column or empty names.
    public static func apply(path: String, to survey: inout ImportedSurvey) throws(InputError) {
        let table = try CSVReader.read(path: path)
        let labels = table.header.map { NameKey.label($0) }
        let spellings = PeopleFileReader.organisationSpellings.union(["name"])
        guard let nameColumn = labels.firstIndex(where: spellings.contains) else {
            throw InputError(.badData, [Diagnostic(.error, code: "organisations.missing-name", at: SourceLocation(file: path, line: table.headerLine),
                                                   "the organisations file has no column of names",
                                                   fix: "head the column of organisation names 'name', and their kinds 'type'",
                                                   inputs: [.organisationsFile])])
        }
        var problems: [Diagnostic] = [], warnings: [Diagnostic] = []
        var attributes: [String: [String: String]] = [:]
        var listed: [ListedOrganisation] = []
        var typeLocations: [String: SourceLocation] = [:]
        var seen: [String: Int] = [:]
        let network = survey.network
        let typeColumn = labels.firstIndex { Organisation.typeAttributes.contains($0) }
        for record in table.records {
            let name = NameKey.cleaned(record.fields[nameColumn])
            guard !name.isEmpty else {
                problems.append(Diagnostic(.error, code: "organisations.empty-name", at: table.location(line: record.line, column: nameColumn + 1),
                                           "the name is empty", fix: "fill in the organisation's name, or delete the row"))
                continue
            }
            if let first = seen[NameKey.key(name)] {
                warnings.append(Diagnostic(.warning, code: "organisations.duplicate", at: table.location(line: record.line, column: nameColumn + 1),
                                           "'\(name)' is listed again (first on line \(first)); the later values are used",
                                           fix: "keep one row per organisation"))
            } else {
                seen[NameKey.key(name)] = record.line
            }
            var values: [String: String] = [:]
            for (column, header) in table.header.enumerated() where column != nameColumn && !NameKey.label(header).isEmpty {
                values[NameKey.label(header)] = record.fields[column]
            }
            let typeCell = table.location(line: record.line, column: (typeColumn ?? nameColumn) + 1)
            if network.organisationIndex(named: name) != nil {
                attributes[NameKey.key(name), default: [:]].merge(values) { $1 }
                typeLocations[NameKey.key(name)] = typeCell
            } else {
                let type = Organisation.typeAttributes.lazy.compactMap { values[$0] }.map(NameKey.cleaned).first { !$0.isEmpty }
                listed.removeAll { NameKey.key($0.name) == NameKey.key(name) }
                listed.append(ListedOrganisation(name: name, type: type, location: typeCell))
            }
        }
        if !problems.isEmpty { throw InputError(.badData, problems) }
        // A listed name close to one of the survey's is probably the same organisation spelt differently:
        // only the listed names carry a location, and a warning about a pair with one of them carries its location.
        let names = network.organisations.map(\.name) + listed.map(\.name)
        let locations: [SourceLocation?] = network.organisations.map { _ in nil }
            + listed.map { SourceLocation(file: path, line: seen[NameKey.key($0.name)], column: nameColumn + 1) }
        for near in NearDuplicateNames.warnings(forOrganisations: names, locations: locations) where near.location != nil {
            warnings.append(Diagnostic(.warning, code: "organisations.near-duplicate", at: near.location, near.message, value: near.value,
                                       fix: "write the name as the survey does, or list the spelling in an aliases file", inputs: [.aliasesFile]))
        }
        survey.network = network.settingOrganisationAttributes(attributes, warnings: warnings)
        survey.listedOrganisations = listed
        survey.organisationTypeLocations = typeLocations
    }
}
