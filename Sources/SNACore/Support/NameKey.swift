import Foundation

/// How snatool compares names of people, organisations and themes.
///
/// A name is trimmed and its runs of whitespace collapsed to one space for
/// display (`cleaned`); two names match when their `key`s are equal, which also
/// ignores case and Unicode composition ("Zoë" typed either way).
///
/// Invisible format characters (zero-width spaces, joiners, direction marks,
/// byte order marks) are removed, and control characters count as whitespace,
/// so that a name copied from a web page or a PDF matches the same name typed.
///
/// ASCII text, the common case, takes a byte-level path that never consults
/// Unicode tables; other text is handled scalar by scalar.
public enum NameKey {
    /// The name as it should be displayed: trimmed, inner whitespace collapsed.
    ///
    /// - Complexity: O(n) in the length of `raw`.
    public static func cleaned(_ raw: String) -> String {
        if let ascii = raw.utf8.withContiguousStorageIfAvailable({ cleanedASCII($0, original: raw) }), let ascii {
            return ascii
        }
        var result = ""
        result.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .format { continue }
            if scalar.properties.isWhitespace || category == .control || scalar == "\u{00A0}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `cleaned` of a substring.
    public static func cleaned(_ raw: Substring) -> String { cleaned(String(raw)) }

    /// The matching key of a name: cleaned, composed (NFC) and lower-cased.
    public static func key(_ raw: String) -> String {
        let clean = cleaned(raw)
        if isASCII(clean) { return clean.lowercased() }
        return clean.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// A looser key for header and theme labels: lower-cased, with every run of
    /// characters other than letters and digits turned into one space, so that
    /// "Decision-making", "decision_making" and "Decision making" agree.
    public static func label(_ raw: String) -> String {
        if isASCII(raw) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(raw.utf8.count)
            var pendingSpace = false
            for byte in raw.utf8 {
                let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                    if pendingSpace { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(lower)
                } else {
                    pendingSpace = !bytes.isEmpty
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
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

    /// `label` of a substring.
    public static func label(_ raw: Substring) -> String { label(String(raw)) }

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `cleaned` for ASCII bytes; `nil` when a byte is not ASCII.
    private static func cleanedASCII(_ raw: UnsafeBufferPointer<UInt8>, original: String) -> String? {
        var changed = false
        var pendingSpace = false
        var length = 0
        for byte in raw {
            guard byte < 0x80 else { return nil }
            if byte < 0x21 || byte == 0x7F {
                if byte != 0x20 || pendingSpace || length == 0 { changed = true }
                pendingSpace = length > 0
            } else {
                pendingSpace = false
                length += 1
            }
        }
        if pendingSpace { changed = true }
        if !changed { return original }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        pendingSpace = false
        for byte in raw {
            if byte < 0x21 || byte == 0x7F {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
