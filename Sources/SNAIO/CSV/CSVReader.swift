import Foundation
import SNACore

/// One record of a CSV file.
public struct CSVRecord: Sendable, Equatable {
    /// The line on which the record starts (from 1).
    public var line: Int
    /// The fields, unquoted, exactly as written (no trimming).
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A CSV file, or one sheet of a workbook, read into a header and records.
public struct CSVTable: Sendable {
    /// The file's path as given, used in diagnostics.
    public var file: String
    /// The header's cells, unquoted.
    public var header: [String]
    /// The line of the header (in a workbook: its row number).
    public var headerLine: Int
    /// The records after the header; blank lines (empty rows) are left out.
    public var records: [CSVRecord]
    /// The sheet the table was read from when the file is a workbook
    /// (``WorkbookReader``); nil for CSV. Locations then print as `file:Sheet1!C14`.
    public var sheet: String?

    /// Creates a table.
    public init(file: String, header: [String], headerLine: Int = 1, records: [CSVRecord], sheet: String? = nil) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        self.records = records
        self.sheet = sheet
    }

    /// The location of a field for diagnostics, naming the sheet in a workbook.
    public func location(line: Int, column: Int?) -> SourceLocation {
        let name = column.flatMap { $0 >= 1 && $0 <= header.count ? NameKey.cleaned(header[$0 - 1]) : nil }
        return SourceLocation(file: file, line: line, column: column, columnName: name, sheet: sheet)
    }
}

/// A strict RFC 4180 CSV reader over bytes.
///
/// Accepts what real exports contain: a UTF-8 byte order mark, CRLF, LF or CR
/// line ends, quoted fields holding commas, line breaks and doubled quotes,
/// blank lines (skipped), and surplus empty fields at the end of a row.
/// Rejects, with file, line and column: an unterminated quote, a stray quote
/// in an unquoted field, text after a closing quote, a row with fewer fields
/// than the header or extra non-empty ones, text that is not UTF-8, and an
/// empty file. Every problem is collected (up to ``maximumErrors``) before
/// the reader gives up.
public enum CSVReader {
    /// The most problems collected before reading stops.
    public static let maximumErrors = 50

    /// Reads the file at `path`; `-` reads standard input. Pipes, FIFOs and
    /// process substitutions (`<(iconv ...)`) are read like files. An Excel
    /// workbook (`.xlsx`) is read too: its first sheet, through ``WorkbookReader``.
    ///
    /// - Throws: ``InputError`` of kind `.missingInput` when the file cannot be
    ///   read, `.badData` when its content is malformed.
    public static func read(path: String) throws(InputError) -> CSVTable {
        let bytes = try readBytes(path: path)
        if WorkbookReader.isWorkbook(bytes, path: path) { return try WorkbookReader.table(data: bytes, file: path) }
        return try parse(bytes, file: path)
    }

    /// The bytes of a file, or of standard input for `-`; `kind` names what the
    /// file should be in messages ("a CSV file", "an instrument file (.json or .yaml)").
    public static func readBytes(path: String, kind: String = "a CSV file") throws(InputError) -> Data {
        func failure(_ code: String, _ message: String, _ fix: String) -> InputError {
            InputError(.missingInput, [Diagnostic(.error, code: code, at: SourceLocation(file: path), message, fix: fix)])
        }
        guard !path.isEmpty else { throw failure("file.missing", "the file name is empty", "give the path of \(kind)") }
        if path == "-" {
            guard let data = try? FileHandle.standardInput.readToEnd() else { return Data() }
            return data
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("file.missing", "no such file", "check the path; it is relative to \(FileManager.default.currentDirectoryPath)")
        }
        if isDirectory.boolValue { throw failure("file.is-directory", "is a folder, not \(kind)", "give the path of \(kind)") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw failure("file.unreadable", "cannot be read", "check the file's permissions")
        }
        defer { try? handle.close() }
        do { return try handle.readToEnd() ?? Data() } catch {
            throw failure("file.unreadable", "cannot be read (\((error as NSError).localizedDescription))", "check that it is a readable file")
        }
    }

    /// Parses CSV bytes; `file` names the source in diagnostics.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ data: Data, file: String) throws(InputError) -> CSVTable {
        var sink = TableSink()
        let header = try scan(data, file: file, into: &sink)
        return CSVTable(file: file, header: header.cells, headerLine: header.line, records: sink.records)
    }

    /// Parses CSV bytes, handing each record to `sink` as it is read, without
    /// keeping the records; returns the header. Records after the first
    /// problem are not handed on (the problems are thrown at the end).
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func scan(_ data: Data, file: String, into sink: inout some CSVRecordSink) throws(InputError) -> (cells: [String], line: Int) {
        var parser = Parser(file: file)
        data.withUnsafeBytes { raw in
            parser.run(raw.bindMemory(to: UInt8.self), into: &sink)
        }
        return try parser.finish()
    }

    /// Parses CSV text (already decoded), for tests and in-memory data.
    public static func parse(text: String, file: String = "<text>") throws(InputError) -> CSVTable {
        try parse(Data(text.utf8), file: file)
    }
}

/// What a streamed parse hands its records to.
protocol CSVRecordSink {
    /// Called once, with the header, before any record.
    mutating func header(_ cells: [String], line: Int)
    /// Called with each record after the header (blank ones left out).
    mutating func record(_ row: CSVRow)
}

/// A record while it is being read: its fields as bytes of the input (or of
/// a scratch buffer, for quoted fields holding doubled quotes). Valid only
/// during the call it is passed to.
struct CSVRow: SurveyRow {
    /// The line on which the record starts.
    let line: Int
    fileprivate let input: UnsafeBufferPointer<UInt8>
    fileprivate let unquoted: UnsafeBufferPointer<UInt8>
    fileprivate let fields: UnsafeBufferPointer<FieldRange>

    /// The number of fields.
    var count: Int { fields.count }

    /// The bytes of a field.
    subscript(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[index]
        let source = field.unquoted ? unquoted : input
        return UnsafeBufferPointer(rebasing: source[field.start..<field.end])
    }

    func withCell<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { body(self[column]) }

    func texts() -> [String] { (0..<count).map { String(decoding: self[$0], as: UTF8.self) } }
}

/// Where a field's bytes are.
private struct FieldRange {
    var start: Int
    var end: Int
    /// In the scratch buffer of quoted fields with doubled quotes, not the input.
    var unquoted: Bool
}

/// Keeps every record as strings: the ``CSVTable`` of ``CSVReader/parse(_:file:)``.
private struct TableSink: CSVRecordSink {
    var records: [CSVRecord] = []

    mutating func header(_ cells: [String], line: Int) {}

    mutating func record(_ row: CSVRow) {
        records.append(CSVRecord(line: row.line, fields: row.texts()))
    }
}

private let quote = UInt8(ascii: "\"")
private let comma = UInt8(ascii: ",")
private let lineFeed = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

private struct Parser {
    let file: String
    var header: [String]?
    var headerLine = 0
    /// The header's cells up to its last non-blank one.
    var namedHeaderWidth = 0
    var diagnostics: [Diagnostic] = []
    var stopped = false
    var skippedLines = 0

    /// What a file is when it is not UTF-8 text: a BOM of another encoding, a
    /// spreadsheet or archive, or NUL bytes (UTF-16 without a BOM, or binary).
    static func notText(_ bytes: UnsafeBufferPointer<UInt8>) -> (code: String, message: String, fix: String)? {
        let resave = "save it again as 'CSV UTF-8' (in Excel: File > Save As > CSV UTF-8)"
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 } }
        if starts([0xFF, 0xFE, 0, 0]) || starts([0, 0, 0xFE, 0xFF]) { return ("csv.not-utf8", "the file is UTF-32, not UTF-8", resave) }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) { return ("csv.not-utf8", "the file is UTF-16, not UTF-8", resave) }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            return ("csv.not-csv", "the file is a zip archive, such as an Excel workbook (.xlsx), where CSV text is read", resave)
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) {
            return ("csv.not-csv", "the file is an old Excel workbook (.xls) or a password-protected one, not CSV text", resave)
        }
        if starts([0x1F, 0x8B]) { return ("csv.not-csv", "the file is gzip-compressed", "decompress it first (gunzip)") }
        if let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) {
            let nul = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            let line = bytes[..<nul].filter { $0 == 0x0A }.count + 1
            return ("csv.nul-byte", "the file holds a NUL byte on line \(line): it is UTF-16 without a byte order mark, or not text at all", resave)
        }
        return nil
    }

    init(file: String) { self.file = file }

    private func location(_ line: Int, _ column: Int?) -> SourceLocation {
        let name = column.flatMap { c in header.flatMap { c >= 1 && c <= $0.count ? NameKey.cleaned($0[c - 1]) : nil } }
        return SourceLocation(file: file, line: line, column: column, columnName: name)
    }

    private mutating func error(_ code: String, _ line: Int, _ column: Int?, _ message: String, value: String? = nil, fix: String) {
        guard !stopped else { return }
        diagnostics.append(Diagnostic(.error, code: code, at: location(line, column), message, value: value, fix: fix))
        if diagnostics.count >= CSVReader.maximumErrors {
            stopped = true
            diagnostics.append(Diagnostic(.error, code: "csv.stopped", at: SourceLocation(file: file),
                                          "stopped reading after \(CSVReader.maximumErrors) problems", fix: "fix these and run again to see any more"))
        }
    }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout some CSVRecordSink) {
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        if let kind = Self.notText(bytes) {
            error(kind.code, 1, nil, kind.message, fix: kind.fix)
            return
        }
        // Excel's "sep=," hint line names the separator; a comma is what we read.
        if n - i >= 5, bytes[i] == UInt8(ascii: "s"), bytes[i + 1] == UInt8(ascii: "e"), bytes[i + 2] == UInt8(ascii: "p"),
           bytes[i + 3] == UInt8(ascii: "=") {
            if bytes[i + 4] != comma {
                error("csv.separator", 1, nil, "the file declares '\(Character(Unicode.Scalar(bytes[i + 4])))' as its separator; snatool reads commas",
                      fix: "save it again as comma-separated values (CSV UTF-8)")
                return
            }
            while i < n && bytes[i] != lineFeed && bytes[i] != carriageReturn { i += 1 }
            if i < n && bytes[i] == carriageReturn { i += 1 }
            if i < n && bytes[i] == lineFeed { i += 1 }
            skippedLines = 1
        }
        var line = 1 + skippedLines
        var fields: [FieldRange] = []
        var recordLine = line
        var scratch: [UInt8] = []
        var badEncodingReported = false

        while i <= n && !stopped {
            // Start of a field.
            let fieldLine = line
            let column = fields.count + 1
            var field: FieldRange
            if i < n && bytes[i] == quote {
                // Quoted field: read to the closing quote. Without doubled
                // quotes its bytes are used where they are; with them, they
                // are copied to `scratch` un-doubled.
                i += 1
                let start = i
                var copyStart = -1
                var closed = false
                while i < n {
                    let byte = bytes[i]
                    if byte == quote {
                        if i + 1 < n && bytes[i + 1] == quote {
                            if copyStart < 0 {
                                copyStart = scratch.count
                                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                            }
                            scratch.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if byte == lineFeed || (byte == carriageReturn && !(i + 1 < n && bytes[i + 1] == lineFeed)) { line += 1 }
                    if copyStart >= 0 { scratch.append(byte) }
                    i += 1
                }
                field = copyStart >= 0
                    ? FieldRange(start: copyStart, end: scratch.count, unquoted: true)
                    : FieldRange(start: start, end: closed ? i - 1 : i, unquoted: false)
                if !closed {
                    let value = withBytes(of: field, bytes, scratch) { String(decoding: $0.prefix(40), as: UTF8.self) }
                    error("csv.unterminated-quote", fieldLine, column, "a quoted field opened here is never closed",
                          value: value, fix: "add the closing double quote, or double any quote inside the field (\"\")")
                    stopped = true
                    break
                }
                if i < n && bytes[i] != comma && bytes[i] != lineFeed && bytes[i] != carriageReturn {
                    let start = i
                    while i < n && bytes[i] != comma && bytes[i] != lineFeed && bytes[i] != carriageReturn { i += 1 }
                    error("csv.text-after-quote", fieldLine, column, "text follows the closing quote of a field",
                          value: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self),
                          fix: "put the whole field in quotes and double any quote inside it (\"\")")
                }
                if !withBytes(of: field, bytes, scratch, isUTF8) {
                    reportEncoding(withBytes(of: field, bytes, scratch) { String(decoding: $0, as: UTF8.self) },
                                   line: fieldLine, column: column, reported: &badEncodingReported)
                }
            } else {
                let start = i
                var strayQuote = false
                while i < n {
                    let byte = bytes[i]
                    if byte == comma || byte == lineFeed || byte == carriageReturn { break }
                    if byte == quote { strayQuote = true }
                    i += 1
                }
                field = FieldRange(start: start, end: i, unquoted: false)
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if !isUTF8(slice) {
                    reportEncoding(String(decoding: slice, as: UTF8.self), line: fieldLine, column: column, reported: &badEncodingReported)
                }
                if strayQuote {
                    error("csv.stray-quote", fieldLine, column, "a double quote appears inside an unquoted field",
                          value: String(decoding: slice, as: UTF8.self),
                          fix: "put the whole field in quotes and double the quote inside it (\"\")")
                }
            }
            fields.append(field)
            // End of field: a comma continues the record; a line end or the end of data closes it.
            if i < n && bytes[i] == comma {
                i += 1
                continue
            }
            if i < n && bytes[i] == carriageReturn { i += 1 }
            if i < n && bytes[i] == lineFeed { i += 1 }
            line += 1
            // A row that stops before the header's trailing blank cells is read as if it had them.
            if let header, fields.count < header.count, fields.count >= namedHeaderWidth {
                while fields.count < header.count { fields.append(FieldRange(start: 0, end: 0, unquoted: false)) }
            }
            scratch.withUnsafeBufferPointer { unquoted in
                fields.withUnsafeBufferPointer { ranges in
                    endRecord(CSVRow(line: recordLine, input: bytes, unquoted: unquoted, fields: ranges), into: &sink)
                }
            }
            fields.removeAll(keepingCapacity: true)
            scratch.removeAll(keepingCapacity: true)
            recordLine = line
            if i >= n { break }
        }
    }

    private func withBytes<R>(of field: FieldRange, _ input: UnsafeBufferPointer<UInt8>, _ scratch: [UInt8],
                              _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if field.unquoted {
            return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[field.start..<field.end])) }
        }
        return body(UnsafeBufferPointer(rebasing: input[field.start..<field.end]))
    }

    /// Whether bytes are UTF-8 (ASCII checked eight bytes at a time).
    private func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count {
                if base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
        }
        while index < bytes.count && bytes[index] < 0x80 { index += 1 }
        return index == bytes.count || String(validating: bytes, as: UTF8.self) != nil
    }

    /// Reports the first field that is not UTF-8.
    private mutating func reportEncoding(_ value: String, line: Int, column: Int, reported: inout Bool) {
        guard !reported else { return }
        reported = true
        error("csv.not-utf8", line, column, "the text is not valid UTF-8 (the file may be Windows-1252 or Latin-1)",
              value: value, fix: "save the file again as 'CSV UTF-8' (in Excel: File > Save As > CSV UTF-8)")
    }

    private mutating func endRecord(_ row: CSVRow, into sink: inout some CSVRecordSink) {
        // A blank line, or a row of nothing but commas, carries no data.
        if (0..<row.count).allSatisfy({ row[$0].isEmpty }) { return }
        guard let header else {
            // Trailing blank header cells are kept (a SurveyMonkey question's
            // sub-columns have blank headers), but rows need not reach them.
            let cells = row.texts()
            var named = cells
            while let last = named.last, NameKey.cleaned(last).isEmpty { named.removeLast() }
            // A line of nothing but spaces or control characters is blank too, not a header of no columns.
            if named.isEmpty { return }
            namedHeaderWidth = named.count
            if named.count == 1, let separator = [";", "\t", "|"].first(where: { named[0].contains($0) }) {
                let name = separator == "\t" ? "tabs" : "'\(separator)'"
                error("csv.separator", row.line, nil, "the header is one field holding \(name): the file seems to be separated by \(name), not commas",
                      value: named[0], fix: "save it again as comma-separated values (CSV UTF-8)")
                stopped = true
                return
            }
            self.header = cells
            headerLine = row.line
            if diagnostics.isEmpty { sink.header(cells, line: row.line) }
            return
        }
        var row = row
        if row.count > header.count {
            let extra = (header.count..<row.count).map { String(decoding: row[$0], as: UTF8.self) }
            if extra.allSatisfy({ NameKey.cleaned($0).isEmpty }) {
                row = CSVRow(line: row.line, input: row.input, unquoted: row.unquoted,
                             fields: UnsafeBufferPointer(rebasing: row.fields[..<header.count]))
            } else {
                let value = extra.first { !NameKey.cleaned($0).isEmpty } ?? ""
                error("csv.ragged-row", row.line, header.count + 1,
                      "the row has \(row.count) fields but the header has \(header.count)",
                      value: value, fix: header.count == 1
                        ? "if line \(headerLine) is a title above the header, delete it; otherwise quote values that contain commas"
                        : "quote values that contain commas, or add a header for the extra column")
                return
            }
        } else if row.count < header.count {
            error("csv.ragged-row", row.line, row.count,
                  "the row has \(row.count) field\(row.count == 1 ? "" : "s") but the header has \(header.count)",
                  value: row.count == 0 ? "" : String(decoding: row[row.count - 1], as: UTF8.self),
                  fix: "add the missing fields (empty ones are fine: a,b,,) or quote values containing line breaks")
            return
        }
        // After a problem the file is refused; the records are not wanted.
        if diagnostics.isEmpty { sink.record(row) }
    }

    func finish() throws(InputError) -> (cells: [String], line: Int) {
        if !diagnostics.isEmpty { throw InputError(.badData, diagnostics) }
        guard let header else {
            throw InputError(.badData, [Diagnostic(.error, code: "csv.empty", at: SourceLocation(file: file),
                                                   "the file is empty", fix: "export the survey again with a header row and at least one row of data")])
        }
        return (header, headerLine)
    }
}
