/// Text made safe to print on a terminal: control characters that a file,
/// a survey or an instrument may carry (ESC and the rest of C0 and C1, DEL)
/// are removed, so that no input can move the cursor, recolour or retitle the
/// terminal, or hide text. Tabs and line breaks stay; a carriage return stays
/// only as part of a CRLF line break (or at the very end, where the line feed
/// may follow in the next piece).
///
/// - Complexity: O(n) in the text's UTF-8 bytes; text with nothing to remove
///   is returned as it is after one scan of its bytes.
public enum TerminalText {
    /// `text` without its control characters.
    public static func printable(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var clean = true
        for (i, byte) in bytes.enumerated() where needsRemoval(bytes, at: i, byte) {
            clean = false
            break
        }
        if clean { return text }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                i += 2
                continue
            }
            if !needsRemoval(bytes, at: i, byte) { kept.append(byte) }
            i += 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// Whether the byte at `i` is (or starts) a control character to remove.
    private static func needsRemoval(_ bytes: [UInt8], at i: Int, _ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A: return false
        case 0x0D: return i + 1 < bytes.count && bytes[i + 1] != 0x0A
        case 0x00..<0x20, 0x7F: return true
        case 0xC2: return i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1])
        default: return false
        }
    }
}
