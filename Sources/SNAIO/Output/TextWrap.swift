import Foundation

/// Plain text wrapped at word boundaries, for terminal output.
public enum TextWrap {
    /// `text` wrapped to `width` columns: the first line starts with `first`,
    /// later ones with `rest`; line breaks in `text` become spaces. Ends with a newline.
    public static func wrap(_ text: String, width: Int = 78, first: String, rest: String) -> String {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.replacingOccurrences(of: "\n", with: " ").split(separator: " ") {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
