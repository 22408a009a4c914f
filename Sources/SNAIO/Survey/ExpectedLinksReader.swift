import SNACore

/// Reads an expected-links file: pairs of organisations (or of sectors or
/// types of organisation) that should work together.
///
/// Columns: `organisation_a` and `organisation_b` (also accepted: a/b,
/// first/second, from/to, partner_a/partner_b, organisation/partner);
/// optional `theme` (any spelling of one of the survey's themes) and `note`.
/// Each name is an organisation of the survey, or a value of the
/// organisations' `sector` or `type` attribute; a name that is neither is
/// kept, and the analysis reports it as an expected partner not in the survey.
public enum ExpectedLinksReader {
    static let firstSpellings: Set<String> = ["organisation a", "organization a", "a", "first", "from", "partner a", "organisation", "organization", "partner 1", "organisation 1"]
    static let secondSpellings: Set<String> = ["organisation b", "organization b", "b", "second", "to", "partner b", "partner", "with", "partner 2", "organisation 2"]

    /// Reads and checks the file against `network`.
    ///
    /// - Throws: ``InputError`` for missing columns and for each line whose theme is not the survey's.
    public static func read(path: String, network: PartnershipNetwork) throws(InputError) -> [ExpectedLink] {
        let table = try CSVReader.read(path: path)
        let labels = table.header.map { NameKey.label($0) }
        guard let a = labels.firstIndex(where: firstSpellings.contains),
              let b = labels.indices.first(where: { $0 != a && secondSpellings.contains(labels[$0]) }) else {
            throw InputError(.badData, [Diagnostic(.error, code: "expected-links.missing-columns",
                                                   at: SourceLocation(file: path, line: table.headerLine),
                                                   "the expected-links file needs two columns of organisations",
                                                   fix: "start it with the header line: organisation_a,organisation_b,theme,note")])
        }
        let themeColumn = labels.firstIndex(of: "theme"), noteColumn = labels.firstIndex(where: { $0 == "note" || $0 == "reason" || $0 == "why" })
        var links: [ExpectedLink] = []
        var problems: [Diagnostic] = []
        for record in table.records {
            let first = NameKey.cleaned(record.fields[a]), second = NameKey.cleaned(record.fields[b])
            // A name that matches nothing is an expected partner not in the survey: a finding, not an error.
            var theme: String?
            if let themeColumn, !NameKey.cleaned(record.fields[themeColumn]).isEmpty {
                let raw = record.fields[themeColumn]
                if NameKey.label(raw) == Theme.allID {
                    theme = nil
                } else if let resolved = network.themeSet.resolve(raw), network.themes.contains(resolved) {
                    theme = resolved.id
                } else {
                    problems.append(Diagnostic(.error, code: "expected-links.unknown-theme",
                                               at: table.location(line: record.line, column: themeColumn + 1),
                                               "not a theme of this survey", value: NameKey.cleaned(raw),
                                               fix: "write one of: \((network.themes.map(\.id) + [Theme.allID]).joined(separator: ", ")), or leave it empty"))
                }
            }
            let note = noteColumn.map { NameKey.cleaned(record.fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
            links.append(ExpectedLink(first, second, theme: theme, note: note))
        }
        if !problems.isEmpty { throw InputError(.badData, problems) }
        return links
    }
}
