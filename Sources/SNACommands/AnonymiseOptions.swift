import ArgumentParser
import Foundation
import SNACore
import SNAIO

/// `--anonymise` and its key, with the same meaning on every command that
/// writes names (analyse, map, report, compare, export): people's names become
/// pseudonyms computed from the key (docs/anonymisation.md), organisations
/// keep their names.
struct AnonymiseOptions: ParsableArguments {
    @Flag(help: "Replace people's names with pseudonyms in every output (every node's name when the survey names no organisations); organisations keep their names. The import warnings, which quote names, are counted only.")
    var anonymise = false

    @Option(help: ArgumentHelp("With --anonymise: a file holding the secret key of the pseudonyms (at least 16 bytes), so that the same person gets the same pseudonym in every output and survey wave made with it. Default: the environment variable \(PseudonymKeyReader.environmentVariable), else a random key for this run only.", valueName: "file"))
    var pseudonymKeyFile: String?

    func validate() throws {
        if pseudonymKeyFile != nil && !anonymise { throw ValidationError("--pseudonym-key-file goes with --anonymise") }
    }

    /// The pseudonymiser of `--anonymise` (`nil` without it), its key read
    /// from the file or the environment; says on standard error when the key
    /// is random. Problems are printed and thrown as the exit status.
    func pseudonymiser() throws -> Pseudonymiser? {
        guard anonymise else { return nil }
        let pseudonymiser: Pseudonymiser
        do throws(InputError) { pseudonymiser = try PseudonymKeyReader.pseudonymiser(path: pseudonymKeyFile) } catch {
            throw report(error)
        }
        if pseudonymiser.keyIsRandom {
            printError("snatool: note: --anonymise without --pseudonym-key-file or \(PseudonymKeyReader.environmentVariable): the pseudonyms come from a random key for this run and match no other run")
        }
        return pseudonymiser
    }

    /// The survey with its network anonymised by `pseudonymiser`, and the
    /// column headers that could name people (roster columns) scrubbed. Prints
    /// how many import warnings there were (not the warnings: they quote names)
    /// and the organisations whose names contain a person's name.
    func anonymised(_ survey: ImportedSurvey, with pseudonymiser: Pseudonymiser, label: String? = nil) throws -> (survey: ImportedSurvey, anonymised: AnonymisedNetwork) {
        let anonymised: AnonymisedNetwork
        do throws(PseudonymError) { anonymised = try survey.network.anonymised(with: pseudonymiser) } catch {
            printError("snatool: error: \(label.map { "\($0): " } ?? "")\(error)")
            throw ExitStatus.badData
        }
        let prefix = label.map { "\($0): " } ?? ""
        let warnings = survey.network.warnings.count
        if warnings > 0 {
            printError("snatool: \(prefix)\(warnings) import warning\(warnings == 1 ? "" : "s") not shown under --anonymise (they quote names); run without it to read them")
        }
        if !anonymised.organisationsNamingPeople.isEmpty {
            printError("snatool: warning: \(prefix)organisations keep their names, and these contain a person's name: \(anonymised.organisationsNamingPeople.joined(separator: "; "))")
        }
        var copy = survey
        copy.network = anonymised.network
        copy.reading.columns = survey.reading.columns.map { column in
            var scrubbed = column
            scrubbed.header = anonymised.scrubbed(column.header)
            scrubbed.question = anonymised.scrubbed(column.question)
            if case let .contacts(theme, roster?) = column.role {
                scrubbed.role = .contacts(theme: theme, roster: anonymised.scrubbed(roster))
            }
            return scrubbed
        }
        return (copy, anonymised)
    }

    /// The survey and analysis options as a command's outputs see them: as
    /// given without `pseudonymiser`, else anonymised (the options are made
    /// from the original survey, so that grouping by an identifying attribute
    /// and expected links are checked against what the files say).
    func applied(to survey: ImportedSurvey, options: AnalysisOptions, with pseudonymiser: Pseudonymiser?,
                 label: String? = nil) throws -> (survey: ImportedSurvey, options: AnalysisOptions, anonymised: AnonymisedNetwork?) {
        guard let pseudonymiser else { return (survey, options, nil) }
        try refuseIdentifying(options.grouping)
        let (renamed, anonymised) = try self.anonymised(survey, with: pseudonymiser, label: label)
        var copy = options
        copy.expectedLinks = anonymised.anonymised(options.expectedLinks)
        return (renamed, copy, anonymised)
    }

    /// A usage error for `--group-by` an attribute that `--anonymise` removes (email, role, job title...).
    func refuseIdentifying(_ grouping: Grouping) throws {
        if case let .attribute(name) = grouping, PartnershipNetwork.identifyingAttributes.contains(name) {
            throw usageFailure("--group-by \(name): that attribute identifies people and is removed by --anonymise; group by organisation, layer or another attribute")
        }
    }

    /// The input files this adds, which output must never overwrite.
    var inputPaths: [String] { [pseudonymKeyFile].compactMap { $0 } }
}
