import SNACore

/// Reads a people file: an `id` column (also `name`, `person`, `respondent`,
/// `participant`) and any attributes. `organisation` (or `org`, `agency`,
/// `partner`) and `layer` are recognised; every other column is kept as an
/// attribute under its header, e.g. `sector`, `role`.
enum PeopleFileReader {
    static let idSpellings: Set<String> = ["id", "name", "person", "person id", "respondent", "participant", "member", "node"]
    static let organisationSpellings: Set<String> = [
        "organisation", "organization", "org", "agency", "partner", "organisation name", "organization name", "org name",
        "agency name", "partner name", "employer", "organisation id", "organization id",
    ]

    static func read(_ table: CSVTable, into builder: inout NetworkBuilder) {
        builder.markPeopleFileGiven()
        let labels = table.header.map { NameKey.label($0) }
        guard let idColumn = labels.firstIndex(where: idSpellings.contains) else {
            builder.report(Diagnostic(.error, code: "people.missing-id", at: SourceLocation(file: table.file, line: table.headerLine, sheet: table.sheet),
                                      "the people file has no id column",
                                      fix: "head the column of names 'id' (also accepted: name, person, respondent)"))
            return
        }
        let organisationColumn = labels.firstIndex(where: organisationSpellings.contains)
        let layerColumn = labels.firstIndex(of: "layer")
        let attributeColumns = table.header.indices.filter { column in
            column != idColumn && column != organisationColumn && column != layerColumn && !labels[column].isEmpty
        }
        var seen: [String: Int] = [:]
        seen.reserveCapacity(table.records.count)
        builder.reserveCapacity(people: table.records.count)
        for record in table.records {
            let id = NameKey.cleaned(record.fields[idColumn])
            guard !id.isEmpty else {
                builder.report(Diagnostic(.error, code: "people.missing-id", at: table.location(line: record.line, column: idColumn + 1),
                                          "the id is empty", fix: "fill in the person's name, or delete the row"))
                continue
            }
            let key = NameKey.key(id)
            if let first = seen[key] {
                builder.report(Diagnostic(.warning, code: "people.duplicate-id", at: table.location(line: record.line, column: idColumn + 1),
                                          "'\(id)' is listed again (first on line \(first)); the rows are merged",
                                          fix: "keep one row per person"))
            } else {
                seen[key] = record.line
            }
            let layer = layerColumn.flatMap { layerCell($0, of: record, in: table, into: &builder) }
            var attributes: [String: String] = [:]
            for column in attributeColumns { attributes[table.header[column]] = record.fields[column] }
            builder.addPerson(id, organisation: organisationColumn.map { record.fields[$0] }, layer: layer,
                              attributes: attributes, origin: .peopleFile,
                              at: table.location(line: record.line, column: nil))
        }
    }
}

/// The layer in a cell: `nil` when empty; an error reported when no layer has that spelling.
func layerCell(_ column: Int, of record: CSVRecord, in table: CSVTable, into builder: inout NetworkBuilder) -> Layer? {
    let raw = NameKey.cleaned(record.fields[column])
    guard !raw.isEmpty else { return nil }
    guard let layer = Layer(spelling: raw) else {
        builder.report(Diagnostic(.error, code: "people.unknown-layer", at: table.location(line: record.line, column: column + 1),
                                  "unknown layer", value: raw, fix: "write strategic, executive or operational, or leave it empty"))
        return nil
    }
    return layer
}

/// Reads an aliases file: columns `alias` (also `variant`, `spelling`, `from`)
/// and `name` (also `canonical`, `preferred`, `to`).
enum AliasFileReader {
    static let aliasSpellings: Set<String> = ["alias", "variant", "spelling", "from", "other spelling"]
    static let nameSpellings: Set<String> = ["name", "canonical", "preferred", "to", "canonical name"]

    static func read(_ table: CSVTable, into builder: inout NetworkBuilder) {
        let labels = table.header.map { NameKey.label($0) }
        guard let aliasColumn = labels.firstIndex(where: aliasSpellings.contains),
              let nameColumn = labels.firstIndex(where: nameSpellings.contains) else {
            builder.report(Diagnostic(.error, code: "aliases.missing-columns", at: SourceLocation(file: table.file, line: table.headerLine),
                                      "the aliases file needs an alias column and a name column",
                                      fix: "start the file with the header line: alias,name"))
            return
        }
        for record in table.records {
            let alias = record.fields[aliasColumn], name = record.fields[nameColumn]
            guard !NameKey.cleaned(alias).isEmpty, !NameKey.cleaned(name).isEmpty else {
                builder.report(Diagnostic(.error, code: "aliases.empty", at: table.location(line: record.line, column: nil),
                                          "an alias line needs both a variant spelling and the name it stands for",
                                          fix: "fill in both cells, or delete the line"))
                continue
            }
            builder.addAlias(variant: alias, name: name, at: table.location(line: record.line, column: nil))
        }
    }
}
