import Foundation

extension AnonymisedNetwork {
    /// Free text (a workshop's outcome, a title from a file) with the name of
    /// every person in the survey replaced by their pseudonym: whole words,
    /// in any case, longest names first. Text that may name people who are not
    /// in the survey (notes, comments) should be left out instead: see
    /// docs/failure.md and the report's `--anonymise`.
    ///
    /// - Complexity: O(p · n) for p people and text of length n.
    public func scrubbed(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var result = text
        for (name, pseudonym) in pseudonyms.sorted(by: { ($0.key.count, $0.key) > ($1.key.count, $1.key) }) {
            let cleanName = NameKey.cleaned(name)
            guard !cleanName.isEmpty, result.range(of: cleanName, options: [.caseInsensitive, .diacriticInsensitive]) != nil else { continue }
            let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: cleanName) + "(?![\\p{L}\\p{N}])"
            guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            result = expression.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result),
                                                         withTemplate: NSRegularExpression.escapedTemplate(for: pseudonym))
        }
        return result
    }
}
