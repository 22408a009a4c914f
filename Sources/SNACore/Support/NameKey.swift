import Foundation

/// How snatool compares names of people, organisations and themes.
///
/// A name is trimmed and its runs of whitespace collapsed to one space for
/// display (`cleaned`); two names match when their `key`s are equal, which also
/// ignores case and Unicode composition ("Zoë" typed either way).
public enum NameKey {
    /// The name as it should be displayed: trimmed, inner whitespace collapsed.
    ///
    /// - Complexity: O(n) in the length of `raw`.
    public static func cleaned(_ raw: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{00A0}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The matching key of a name: cleaned, composed (NFC) and lower-cased.
    public static func key(_ raw: some StringProtocol) -> String {
        cleaned(raw).precomposedStringWithCanonicalMapping.lowercased()
    }

    /// A looser key for header and theme labels: lower-cased, with every run of
    /// characters other than letters and digits turned into one space, so that
    /// "Decision-making", "decision_making" and "Decision making" agree.
    public static func label(_ raw: some StringProtocol) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in key(raw).unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = !result.isEmpty
            }
        }
        return result
    }
}
