import Foundation

/// A parsed JSON value that keeps integers, doubles and booleans apart.
enum JSON: Decodable, Equatable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSON].self)) }
    }

    static func parse(_ text: String) throws -> JSON { try JSONDecoder().decode(JSON.self, from: Data(text.utf8)) }

    subscript(key: String) -> JSON? { if case .object(let members) = self { return members[key] } else { return nil } }
    var array: [JSON]? { if case .array(let items) = self { return items } else { return nil } }
    var string: String? { if case .string(let text) = self { return text } else { return nil } }
    var int: Int? { if case .int(let value) = self { return value } else { return nil } }
    var number: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }
}

/// Checks a value against the subset of JSON Schema that docs/schema uses:
/// type (one or several), enum, required, properties, patternProperties
/// (searched as regular expressions), additionalProperties false, items,
/// minimum and maximum. Returns one message per violation.
func schemaViolations(_ value: JSON, _ schema: JSON, path: String = "$") -> [String] {
    var problems: [String] = []
    if let allowed = schema["enum"]?.array, !allowed.contains(value) {
        problems.append("\(path): \(value) not in \(allowed)")
    }
    if let type = schema["type"] {
        let types = type.array?.compactMap(\.string) ?? [type.string!]
        guard types.contains(where: { matches(value, $0) }) else { return problems + ["\(path): \(value) is not \(types)"] }
    }
    if let number = value.number {
        if let minimum = schema["minimum"]?.number, number < minimum { problems.append("\(path): \(number) below \(minimum)") }
        if let maximum = schema["maximum"]?.number, number > maximum { problems.append("\(path): \(number) above \(maximum)") }
    }
    if case .object(let members) = value {
        for key in schema["required"]?.array?.compactMap(\.string) ?? [] where members[key] == nil {
            problems.append("\(path): missing \(key)")
        }
        for (key, member) in members {
            if let subschema = schema["properties"]?[key] {
                problems += schemaViolations(member, subschema, path: "\(path).\(key)")
            } else if case .object(let patterns) = schema["patternProperties"],
                      let match = patterns.first(where: { pattern, _ in
                          (try? Regex(pattern)).map { key.firstMatch(of: $0) != nil } ?? false
                      }) {
                problems += schemaViolations(member, match.value, path: "\(path).\(key)")
            } else if schema["additionalProperties"] == .bool(false) {
                problems.append("\(path): unexpected key \(key)")
            }
        }
    }
    if let items = value.array, let itemSchema = schema["items"] {
        for (index, item) in items.enumerated() { problems += schemaViolations(item, itemSchema, path: "\(path)[\(index)]") }
    }
    return problems
}

private func matches(_ value: JSON, _ type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
         ("string", .string), ("array", .array), ("object", .object): return true
    default: return false
    }
}

/// The schema of `snatool analyse --format json`.
func analyseSchema() throws -> JSON {
    try JSON.parse(String(contentsOf: repositoryRoot.appendingPathComponent("docs/schema/analyse.schema.json"), encoding: .utf8))
}
