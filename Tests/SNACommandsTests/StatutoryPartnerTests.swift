import Foundation
import Testing

/// `--organisations` and `--partnership` on the bundled crime and disorder
/// example (datasets/crime-and-disorder/README.md): the findings name the
/// designed missing, absent and unanswered kinds.
@Suite struct StatutoryPartnerTests {
    static let folder = "datasets/crime-and-disorder/"
    static let example = [folder + "survey.csv", "--people", folder + "people.csv", "--organisations", folder + "organisations.csv",
                          "--partnership", "crime-and-disorder", "--expected-links", folder + "expected-links.csv"]

    @Test func theFindingsNameTheDesignedKinds() throws {
        let run = try snatool(["analyse"] + Self.example + ["--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let findings = try #require(try JSON.parse(run.stdout)["findings"]?.array)
        func of(_ kind: String) -> [JSON] { findings.filter { $0["kind"]?.string == kind } }
        let missing = of("required-partner-missing")
        #expect(missing.map { $0["details"]?["kinds"]?.array?.first?.string } == ["Fire and rescue authorities"])
        #expect(missing.first?["details"]?["listed_outside_survey"]?.array?.first?.string == "Westshire Fire and Rescue Service")
        let absent = of("required-partner-absent")
        #expect(absent.map { $0["theme"]?.string } == ["decision-making"])
        #expect(absent.first?["subjects"]?.array?.map(\.string) == ["Westshire Police Authority"])
        let unanswered = of("required-partner-unanswered")
        #expect(unanswered.map { $0["subjects"]?.array?.first?.string } == ["Westshire Primary Care Trust"])
        let notInSurvey = of("expected-partner-not-in-survey")
        #expect(notInSurvey.first?["details"]?["not_in_survey"]?.array?.first?.string == "Westshire Fire and Rescue Service")
        // The unknown type is a warning listing the kinds, not an error, and it is in the JSON's warnings like every other.
        let warnings = try #require(try JSON.parse(run.stdout)["warnings"]?.array)
        let unknown = warnings.filter { $0["code"]?.string == "organisations.unknown-type" }
        #expect(unknown.contains { $0["value"]?.string == "Charity" && $0["fix"]?.string?.contains("Fire and rescue authorities") == true }, "\(warnings)")
        // It names the organisations file's type cell to mend (line 7, column 2 of organisations.csv).
        let charity = try #require(unknown.first { $0["value"]?.string == "Charity" })
        #expect(charity["file"]?.string?.hasSuffix("organisations.csv") == true && charity["line"]?.int == 7 && charity["column"]?.int == 2, "\(charity)")
        #expect(run.stderr.contains("listed in the JSON's warnings"))
    }

    @Test func theTextNamesThemInWords() throws {
        let run = try snatool(["analyse"] + Self.example)
        try #require(run.status == 0, "\(run.stderr)")
        let text = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // the text is wrapped
        #expect(text.contains("Fire and rescue authorities: a named partner of crime and disorder reduction partnerships, with nobody in the survey."))
        #expect(text.contains("Westshire Police Authority (police authorities), a named partner of crime and disorder reduction partnerships, has no decision-making ties"))
        #expect(text.contains("Westshire Primary Care Trust (primary care trusts)"))
        #expect(text.contains("'Westshire Fire and Rescue Service' is expected as a partner but not in the survey"))
        // The warning about the unknown type ends the text, as the import's warnings do.
        #expect(text.contains("organisations.unknown-type") || text.contains("is none of the organisation kinds snatool knows"))
    }

    @Test func aSurveyWithoutTypesIsOneWarningOnEveryPath() throws {
        let bolton = ["datasets/bolton/survey.csv", "--people", "datasets/bolton/people.csv", "--partnership", "lsp"]
        let json = try snatool(["analyse"] + bolton + ["--format", "json"])
        try #require(json.status == 0, "\(json.stderr)")
        let codes = try #require(try JSON.parse(json.stdout)["warnings"]?.array).compactMap { $0["code"]?.string }
        #expect(codes.filter { $0 == "organisations.no-types" }.count == 1)
        let text = try snatool(["analyse"] + bolton)
        #expect(text.stdout.contains("no organisation of the survey has a type") && text.stdout.contains("--organisations"))
        #expect(!text.stderr.contains("no organisation of the survey has a type"), "printed twice")
        let scratch = Scratch()
        let map = try snatool(["map"] + bolton + ["-o", scratch.path("map.svg")])
        #expect(map.status == 0 && map.stderr.contains("no organisation of the survey has a type"))
    }

    @Test func aUsersOwnPartnershipKindAndBadInput() throws {
        let scratch = Scratch()
        let kinds = scratch.write("kinds.csv", """
            partnership,partnership_name,statute,organisation_kind,spellings,note
            safeguarding,Local safeguarding partnerships,Children and Social Work Act 2017,Local authorities,,
            safeguarding,Local safeguarding partnerships,Children and Social Work Act 2017,Clinical commissioning groups,PCT,
            safeguarding,Local safeguarding partnerships,Children and Social Work Act 2017,Chief officer of police,police force,

            """)
        let run = try snatool(["analyse"] + Self.example.dropLast(4) + ["--partnership", "safeguarding", "--partnership-kinds", kinds, "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let findings = try #require(try JSON.parse(run.stdout)["findings"]?.array)
        #expect(!findings.contains { $0["kind"]?.string == "required-partner-missing" })
        #expect(findings.contains { $0["kind"]?.string == "required-partner-unanswered" })
        let unknown = try snatool(["analyse"] + Self.example.dropLast(4) + ["--partnership", "housing"])
        #expect(unknown.status == 64 && unknown.stderr.contains("crime-and-disorder"))
        let broken = scratch.write("broken.csv", "partnership,partnership_name,statute,organisation_kind\nx,X,,Councils\n")
        let bad = try snatool(["analyse"] + Self.example.dropLast(4) + ["--partnership", "x", "--partnership-kinds", broken])
        #expect(bad.status == 65 && bad.stderr.contains("broken.csv:2:3"))
        let noNames = scratch.write("organisations.csv", "kind,sector\nPCT,health\n")
        let badOrganisations = try snatool(["analyse", Self.folder + "survey.csv", "--organisations", noNames])
        #expect(badOrganisations.status == 65 && badOrganisations.stderr.contains("organisations.csv:1"))
    }
}
