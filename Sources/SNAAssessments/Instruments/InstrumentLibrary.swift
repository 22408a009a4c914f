import Foundation
import SNACore
import SNAIO
import Yams

/// The bundled instruments, and instrument files read with errors that name
/// the file, line, column and field.
///
/// ```swift
/// let alps = try InstrumentLibrary.instrument("cipfa-alps")
/// let mine = try InstrumentLibrary.load(path: "my-checklist.yaml")
/// ```
public enum InstrumentLibrary {
    /// The ids of the bundled instruments, in the order they are listed.
    public static let bundledIDs = ["cipfa-alps", "decommissioning", "aligning-pooling-terms", "lsp-support-review", "lsp-layer-reporting", "delivery-chain"]

    /// Every bundled instrument.
    public static var bundled: [AssessmentInstrument] { bundledIDs.compactMap { try? bundledInstrument($0) } }

    /// A bundled instrument by id, or an instrument file by path.
    public static func instrument(_ idOrPath: String) throws(InputError) -> AssessmentInstrument {
        if bundledIDs.contains(idOrPath) { return try bundledInstrument(idOrPath) }
        if FileManager.default.fileExists(atPath: idOrPath) || idOrPath.contains("/") || idOrPath.hasSuffix(".json")
            || idOrPath.hasSuffix(".yaml") || idOrPath.hasSuffix(".yml") {
            return try load(path: idOrPath)
        }
        throw InputError(.usage, [Diagnostic(.error, code: "instrument.unknown", "no bundled instrument is called this", value: idOrPath,
                                             fix: "use one of \(bundledIDs.joined(separator: ", ")) (snatool instruments list), or the path of an instrument file")])
    }

    static func bundledInstrument(_ id: String) throws(InputError) -> AssessmentInstrument {
        if id == "delivery-chain" { return AssessmentInstrument(deliveryChain: .deliveryChain) }
        guard let url = Bundle.module.url(forResource: id + ".instrument", withExtension: "json"),
              let data = try? Data(contentsOf: url) else {
            fatalError("the bundled instrument \(id) is missing (a build problem)")
        }
        return try parse(data, file: "\(id).instrument.json (bundled)")
    }

    /// Reads an instrument file (JSON or YAML) and checks it.
    public static func load(path: String) throws(InputError) -> AssessmentInstrument {
        try parse(CSVReader.readBytes(path: path, kind: "an instrument file (.json or .yaml)"), file: path)
    }

    /// Parses and checks instrument text (JSON or YAML); `file` names it in errors.
    public static func parse(_ data: Data, file: String) throws(InputError) -> AssessmentInstrument {
        func bad(_ message: String, line: Int? = nil, column: Int? = nil, value: String? = nil, fix: String) -> InputError {
            InputError(.badData, [Diagnostic(.error, code: "instrument.invalid", at: SourceLocation(file: file, line: line, column: column),
                                             message, value: value, fix: fix)])
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw bad("is not UTF-8 text", fix: "save the file as UTF-8 JSON or YAML")
        }
        // Tabs are fine in JSON but not as YAML indentation; outside strings they are only spacing.
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: tabsOutsideStringsAsSpaces(text)) else {
                throw bad("is empty", fix: "write an instrument: see docs/instruments.md, or start from a bundled one such as cipfa-alps written out as JSON")
            }
            node = composed
        } catch let error as InputError {
            throw error
        } catch let error as YamlError {
            let (message, mark) = describe(error)
            // At the end of the input the parser's mark can be the line after the last; name the last.
            let lines = 1 + text.unicodeScalars.count { $0 == "\n" || $0 == "\r" } - text.utf8.ranges(of: [0x0D, 0x0A]).count
            let atEnd = (mark?.line ?? 0) > lines
            throw bad("is not valid JSON or YAML: \(message)", line: mark.map { min($0.line, lines) }, column: atEnd ? nil : mark?.column,
                      fix: "correct the syntax at that point (a missing comma, quote or bracket is the usual cause)")
        } catch {
            throw bad("is not valid JSON or YAML: \(error)", fix: "correct the syntax")
        }
        func located(_ problems: [InstrumentValidator.Problem]) -> InputError {
            InputError(.badData, problems.map { problem in
                let mark = locate(problem.path, in: node)
                return Diagnostic(.error, code: "instrument.invalid", at: SourceLocation(file: file, line: mark?.line, column: mark?.column),
                                  problem.message + " (field \(fieldName(problem.path)))", value: problem.value, fix: problem.fix)
            })
        }
        let instrument: AssessmentInstrument
        do {
            instrument = try YAMLDecoder().decode(AssessmentInstrument.self, from: node)
        } catch let error as DecodingError {
            let (message, path, fix) = describe(error, in: node)
            let fieldProblems = InstrumentFields.problems(in: node)
            let mark = locate(path, in: node)
            var diagnostics = [Diagnostic(.error, code: "instrument.invalid", at: SourceLocation(file: file, line: mark?.line, column: mark?.column),
                                          message + (path.isEmpty ? "" : " (field \(fieldName(path)))"), fix: fix)]
            diagnostics += located(fieldProblems).diagnostics
            throw InputError(.badData, diagnostics)
        } catch {
            throw bad("cannot be read as an instrument: \(error)", fix: "see docs/instruments.md")
        }
        let fieldProblems = InstrumentFields.problems(in: node)
        var seen: Set<String> = []
        let problems = fieldProblems + InstrumentValidator(instrument: instrument).problems().filter { problem in
            // One message per field: an empty value is not also reported as, say, an empty source.
            !fieldProblems.contains { $0.path == problem.path } && seen.insert(fieldName(problem.path) + problem.message).inserted
        }
        if !problems.isEmpty { throw located(problems) }
        return instrument
    }

    /// A path into the instrument: keys and list positions.
    typealias FieldPath = [FieldStep]

    /// One step of a ``FieldPath``.
    enum FieldStep: Equatable {
        case key(String)
        case index(Int)
    }

    /// `items[3].group`.
    static func fieldName(_ path: FieldPath) -> String {
        var out = ""
        for step in path {
            switch step {
            case .key(let key): out += out.isEmpty ? key : "." + key
            case .index(let index): out += "[\(index)]"
            }
        }
        return out.isEmpty ? "(top level)" : out
    }

    /// The position of the deepest node on `path` that exists.
    static func locate(_ path: FieldPath, in root: Node) -> Mark? {
        var node = root
        var mark = root.mark
        for step in path {
            switch (step, node) {
            case (.key(let key), .mapping(let mapping)):
                guard let pair = mapping.first(where: { $0.key.string == key }) else { return mark }
                node = pair.value
            case (.index(let index), .sequence(let sequence)):
                guard index >= 0, index < sequence.count else { return mark }
                node = sequence[index]
            default:
                return mark
            }
            mark = node.mark ?? mark
        }
        return mark
    }

    static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return (problem, mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("the key \(duplicates.joined(separator: ", ")) appears twice", context.mark)
        default:
            return (String(describing: error), nil)
        }
    }

    static func describe(_ error: DecodingError, in root: Node) -> (String, FieldPath, String) {
        func path(_ keys: [any CodingKey]) -> FieldPath {
            keys.map { key in key.intValue.map(FieldStep.index) ?? .key(key.stringValue) }
        }
        /// What the file holds at `path`, in words.
        func found(_ path: FieldPath) -> String {
            var node = root
            for step in path {
                switch (step, node) {
                case (.key(let key), .mapping(let mapping)): guard let next = mapping[key] else { return "nothing" }; node = next
                case (.index(let index), .sequence(let sequence)): guard index < sequence.count else { return "nothing" }; node = sequence[index]
                default: return "something else"
                }
            }
            switch node {
            case .scalar: return "text or a number"
            case .sequence: return "a list"
            case .mapping: return "a mapping"
            case .alias: return "an alias"
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ("the field \"\(key.stringValue)\" is missing", path(context.codingPath),
                    "add \"\(key.stringValue)\" here (docs/instruments.md lists every field)")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let name = "\(type)"
            let expected = type == String.self || name.contains("Scalar") ? "text" : type == Double.self ? "a number" : type == Bool.self ? "true or false"
                : name.hasPrefix("Array") || name.contains("Sequence") ? "a list"
                : name.hasPrefix("Dictionary") ? "a mapping of names to values" : "a mapping of fields"
            let at = path(context.codingPath)
            return ("this should be \(expected) but is \(found(at))", at, "write \(expected) here")
        case .dataCorrupted(let context):
            let at = path(context.codingPath)
            if case .key("meaning")? = at.last {
                return ("not a meaning", at, "write one of \(AssessmentInstrument.Meaning.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return ("cannot be read: \(context.debugDescription)", at, "see docs/instruments.md")
        @unknown default:
            return ("cannot be read", [], "see docs/instruments.md")
        }
    }

    /// Replaces tabs outside double-quoted strings with spaces, keeping columns' count.
    static func tabsOutsideStringsAsSpaces(_ text: String) -> String {
        guard text.contains("\t") else { return text }
        var out = String.UnicodeScalarView()
        var inString = false, escaped = false
        for scalar in text.unicodeScalars {
            if inString {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                out.append(scalar)
            } else {
                if scalar == "\"" { inString = true }
                if scalar == "\n" { inString = false }
                out.append(scalar == "\t" ? " " : scalar)
            }
        }
        return String(out)
    }
}
