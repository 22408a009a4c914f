/// An input a diagnostic's fix asks for. The library words the fix without
/// knowing how a program takes its inputs; the program names them
/// (``InputNaming``): the command line as its options, a web form as its fields.
public enum DiagnosticInput: String, Sendable, Hashable, CaseIterable {
    /// A people file: one row per person, with organisation, layer and attributes.
    case peopleFile
    /// An aliases file: a wrong spelling and the right one on each line.
    case aliasesFile
    /// A column mapping file: what each column of a survey holds.
    case columnMapping
    /// Which worksheet of a workbook holds the responses.
    case sheet
    /// Whether the survey is long (a row per tie) or wide (a row per respondent).
    case layout
    /// The survey's own themes, declared.
    case themes
    /// How many header rows an export has.
    case headerRows
    /// The items ties are rated on, with their scales, declared.
    case ratings
    /// An organisations file: one row per organisation, with its type and attributes.
    case organisationsFile
    /// A file of partnership kinds and the organisation kinds each requires.
    case partnershipKinds
}

/// How a program names the inputs a fix asks for.
public struct InputNaming: Sendable {
    private let name: @Sendable (DiagnosticInput) -> String?

    /// Names each input with `name` (`nil`: say nothing of it).
    public init(_ name: @escaping @Sendable (DiagnosticInput) -> String?) { self.name = name }

    /// Says nothing beyond the fix's own words: what the library prints.
    public static let plain = InputNaming { _ in nil }

    /// " (A, B)" naming the inputs, or nothing when none has a name.
    public func advice(for inputs: [DiagnosticInput]) -> String {
        let names = inputs.compactMap(name)
        return names.isEmpty ? "" : " (" + names.joined(separator: ", ") + ")"
    }
}
