import Foundation
import Yams

/// The fields each part of an instrument file may have, so that a misspelt
/// field (`aplies_to`) or an empty value (`title: ~`) is an error, not a
/// silently different judgement.
enum InstrumentFields {
    /// A part of the file and the parts its fields hold.
    indirect enum Shape: Sendable {
        case object([String: Shape])
        case list(Shape)
        case named(Shape)
        case value
        case freeMapping
    }

    static let option: Shape = .object(["value": .value, "label": .value, "meaning": .value, "score": .value, "spellings": .list(.value)])
    static let verdict: Shape = .object(["id": .value, "title": .value, "when_any": .list(.value)])
    static let tier: Shape = .object(["id": .value, "title": .value])
    static let instrument: Shape = .object([
        "format": .value, "id": .value, "title": .value, "source": .value, "description": .value, "subject": .value,
        "scales": .named(.object(["kind": .value, "options": .list(option), "pending": .list(.value)])),
        "default_scale": .value,
        "context": .list(.object(["id": .value, "text": .value, "per": .value, "options": .list(option)])),
        "dimensions": .list(tier), "levels": .list(tier),
        "groups": .list(.object(["id": .value, "title": .value, "dimension": .value, "level": .value])),
        "items": .list(.object([
            "id": .value, "text": .value, "group": .value, "scale": .value, "applies_to": .freeMapping, "guidance": .value,
            "aliases": .list(.value), "actions": .list(.value), "signals": .list(.object(["answers": .list(.value), "flag": .value])),
        ])),
        "rule": .object([
            "kind": .value, "combine": .value, "below": .value, "ready": .value, "not_ready": .value,
            "flags": .list(.object(["id": .value, "says": .value, "caution": .value, "when_verdict": .list(.value)])),
            "verdicts": .list(verdict), "otherwise": verdict, "undecided": verdict, "red_below": .value, "amber_below": .value,
        ]),
        "guide": .list(.object(["title": .value, "text": .value, "columns": .list(.value), "rows": .list(.list(.value))])),
    ])

    /// Unknown fields and empty values, each with its path.
    static func problems(in node: Node, shape: Shape = instrument, path: InstrumentLibrary.FieldPath = []) -> [InstrumentValidator.Problem] {
        var found: [InstrumentValidator.Problem] = []
        switch (shape, node) {
        case (.object(let fields), .mapping(let mapping)):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                guard let inner = fields[name] else {
                    let near = fields.keys.filter { distance($0, name) <= 2 }.sorted().first
                    found.append(.init(path: path + [.key(name)], message: "unknown field", value: name,
                                       fix: near.map { "did you mean \($0)?" } ?? "remove it; the fields here are \(fields.keys.sorted().joined(separator: ", "))"))
                    continue
                }
                if case .scalar = value, value.null != nil {
                    found.append(.init(path: path + [.key(name)], message: "the value is empty", fix: "write a value, or leave the field out if it is optional"))
                    continue
                }
                found += problems(in: value, shape: inner, path: path + [.key(name)])
            }
        case (.list(let inner), .sequence(let sequence)):
            for (index, element) in sequence.enumerated() { found += problems(in: element, shape: inner, path: path + [.index(index)]) }
        case (.named(let inner), .mapping(let mapping)):
            for (key, value) in mapping { found += problems(in: value, shape: inner, path: path + [.key(key.string ?? "")]) }
        default:
            break // wrong types are reported by decoding
        }
        return found
    }

    /// Edit distance, for "did you mean".
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
