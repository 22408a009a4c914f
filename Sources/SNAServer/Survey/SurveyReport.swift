import Foundation
import SNACore
import SNAIO
import SNAReports

/// The report of a survey's submitted answers, made as `snatool report
/// responses.csv --people people.csv` makes it: the long CSV and the people
/// file are written to a private temporary folder and read by the same importer.
enum SurveyReport {
    static func html(_ survey: NetworkSurvey, store: SurveyStore) async throws -> String {
        let csv = try await store.longCSV(survey)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snatool-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let responses = folder.appendingPathComponent("responses.csv"), people = folder.appendingPathComponent("people.csv")
        try Data(csv.utf8).write(to: responses)
        try Data(survey.peopleCSV.utf8).write(to: people)
        var importing = SurveyImportOptions()
        importing.layout = .long
        importing.peoplePath = people.path
        importing.ratings = survey.ratings
        let imported: ImportedSurvey
        do throws(InputError) {
            imported = try SurveyImporter.load(path: responses.path, options: importing)
        } catch {
            throw ReportFailure(message: error.diagnostics.map(\.description).joined(separator: "\n"))
        }
        var options = ReportOptions()
        options.title = survey.title
        options.date = Responses.day()
        return try PartnershipReport(network: imported.network, source: "responses to \(survey.title)", layout: "long", rows: imported.rows, options: options).html
    }

    /// The survey's answers could not be read back (a bug, or nothing submitted).
    struct ReportFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
