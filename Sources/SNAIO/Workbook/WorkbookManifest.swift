import Foundation
import SNACore

/// What a workbook holds, read from its package relationships: the sheets
/// in order with the part each is stored in (from `xl/workbook.xml` and
/// `xl/_rels/workbook.xml.rels`, never assumed to be `sheetN.xml`), the
/// shared strings and styles parts, and the date system.
struct WorkbookManifest {
    /// One sheet as `xl/workbook.xml` lists it.
    struct Sheet: Equatable {
        /// The name on the sheet's tab.
        var name: String
        /// The part holding it, such as `xl/worksheets/sheet1.xml`; nil when no relationship names it.
        var part: String?
        /// Whether it is a worksheet (a grid of cells), not a chart, dialog or macro sheet.
        var isWorksheet: Bool
        /// Whether it is hidden (`state="hidden"` or `"veryHidden"`).
        var isHidden: Bool
    }

    /// The sheets in the workbook's order.
    var sheets: [Sheet]
    /// The shared strings part, when there is one.
    var sharedStringsPart: String?
    /// The styles part, when there is one.
    var stylesPart: String?
    /// Whether dates count from 1904-01-01 (`<workbookPr date1904="1"/>`).
    var date1904: Bool

    /// Reads the manifest from the archive.
    ///
    /// - Throws: `workbook.not-xlsx` for zips that are other documents,
    ///   `workbook.corrupt` when a part it needs is missing or damaged.
    init(_ archive: WorkbookArchive) throws(InputError) {
        let file = archive.file
        let root = try Self.relationships(archive, of: "")
        let workbookPart = root.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbookData = try archive.read(workbookPart) else {
            throw try Self.notAWorkbook(archive, file: file, workbookPart: workbookPart)
        }
        if workbookPart.lowercased().hasSuffix(".bin") {
            throw WorkbookProblem.failure("workbook.not-xlsx", file, "the file is an Excel binary workbook (.xlsb), which snatool does not read",
                                          fix: "open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV UTF-8")
        }
        let handler = WorkbookPartHandler()
        try handler.parse(workbookData, part: workbookPart, file: file)
        let related = try Self.relationships(archive, of: workbookPart)
        let byID = Dictionary(related.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        sheets = handler.sheets.map { listed in
            let relation = listed.relationshipID.flatMap { byID[$0] }
            return Sheet(name: listed.name, part: relation?.target,
                         isWorksheet: relation.map { $0.type.hasSuffix("/worksheet") } ?? true,
                         isHidden: listed.state == "hidden" || listed.state == "veryHidden")
        }
        sharedStringsPart = related.first { $0.type.hasSuffix("/sharedStrings") }?.target
        stylesPart = related.first { $0.type.hasSuffix("/styles") }?.target
        date1904 = handler.date1904
    }

    /// The error for a zip without a workbook part: what kind of document it is instead.
    private static func notAWorkbook(_ archive: WorkbookArchive, file: String, workbookPart: String) throws(InputError) -> InputError {
        let resave = "save it as an Excel Workbook (.xlsx) or as CSV UTF-8"
        if let mimetype = try archive.read("mimetype").map({ String(decoding: $0.prefix(100), as: UTF8.self) }),
           mimetype.hasPrefix("application/vnd.oasis.opendocument") {
            let what = mimetype.hasPrefix("application/vnd.oasis.opendocument.spreadsheet")
                ? "an OpenDocument spreadsheet (.ods, from LibreOffice or Google Sheets)" : "an OpenDocument file, not a spreadsheet"
            return WorkbookProblem.failure("workbook.not-xlsx", file, "the file is \(what)", fix: "open it in LibreOffice and \(resave) (File > Save As)")
        }
        if archive.contains("word/document.xml") || archive.contains("ppt/presentation.xml") {
            let what = archive.contains("word/document.xml") ? "a Word document" : "a PowerPoint presentation"
            return WorkbookProblem.failure("workbook.not-xlsx", file, "the file is \(what), not a workbook", fix: "give the survey's export (.xlsx or CSV)")
        }
        if archive.contains("[Content_Types].xml") {
            return WorkbookProblem.corrupt(file, "the part \(workbookPart) is missing")
        }
        return WorkbookProblem.failure("workbook.not-xlsx", file, "the file is a zip archive but not an Excel workbook (it has no xl/workbook.xml)",
                                       fix: "unzip it and give the workbook or CSV file inside it")
    }

    /// One package relationship, its target resolved to a part name.
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of a part (`""` for the package's own, `_rels/.rels`);
    /// none when it has no relationships part. External targets are left out.
    static func relationships(_ archive: WorkbookArchive, of part: String) throws(InputError) -> [Relationship] {
        let folder = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard let data = try archive.read(relsPart) else { return [] }
        let handler = RelationshipsHandler()
        try handler.parse(data, part: relsPart, file: archive.file)
        return handler.relationships.map { Relationship(id: $0.id, type: $0.type, target: resolve($0.target, from: folder)) }
    }

    /// A relationship's target as a part name: relative to the source part's
    /// folder unless it starts with `/`, with `.` and `..` folded and `%20`
    /// style escapes decoded.
    static func resolve(_ target: String, from folder: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        let joined = decoded.hasPrefix("/") ? decoded : (folder.isEmpty ? "" : folder + "/") + decoded
        var parts: [Substring] = []
        for segment in joined.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(segment)
            }
        }
        return parts.joined(separator: "/")
    }
}

/// The SAX handler for `xl/workbook.xml`: `<sheets><sheet>` and `<workbookPr>`.
private final class WorkbookPartHandler: WorkbookXMLHandler {
    struct Listed {
        var name: String
        var relationshipID: String?
        var state: String?
    }

    var sheets: [Listed] = []
    var date1904 = false

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "sheet":
            sheets.append(Listed(name: attributes["name"] ?? "", relationshipID: attribute(attributes, "id"), state: attributes["state"]))
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
        default:
            break
        }
    }
}

/// The SAX handler for a `.rels` part.
private final class RelationshipsHandler: WorkbookXMLHandler {
    var relationships: [(id: String, type: String, target: String)] = []

    override func start(_ name: String, _ attributes: [String: String]) {
        guard name == "Relationship", attributes["TargetMode"] != "External",
              let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"] else { return }
        relationships.append((id, type, target))
    }
}
