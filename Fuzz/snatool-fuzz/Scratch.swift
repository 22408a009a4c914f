import Foundation

/// The files a fuzz input is written to, in a private folder of the
/// temporary directory, so that the readers are fuzzed through the same
/// path-based entry points the commands use.
enum FuzzScratch {
    /// The folder, made once per process.
    static let folder: String = {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("snatool-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes `data` to `name` in the folder and returns its path.
    static func write(_ data: Data, as name: String) -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: path, contents: data) else { Invariants.fail("cannot write the scratch file \(path)") }
        return path
    }

    /// A small survey that names people the people and alias files can describe.
    static let survey = Data("""
        respondent,contact,theme,strength
        Ann Smith,Bob Jones,work,2
        Bob Jones,Cat Brown,work,1
        Cat Brown,Ann Smith,innovation,3
        Dan Green,Ann Smith,informal,1

        """.utf8)

    /// A small survey of four organisations, with strategy and decision-making
    /// ties, that an organisations file and partnership kinds can describe.
    static let organisationSurvey = Data("""
        respondent,respondent_org,contact,contact_org,theme
        Ann Smith,Westshire Council,Bob Jones,Westshire Police,strategy
        Bob Jones,Westshire Police,Cat Brown,Westshire PCT,decision-making
        Cat Brown,Westshire PCT,Ann Smith,Westshire Council,work
        Dan Green,Safer Streets,Ann Smith,Westshire Council,decision-making

        """.utf8)
}
