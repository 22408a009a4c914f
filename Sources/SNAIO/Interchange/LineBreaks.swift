/// Line breaks as every reader counts them, so that a line named in an error
/// is the line an editor shows: a line feed, a carriage return with a line
/// feed, or a lone carriage return. Vertical tabs, form feeds and Unicode's
/// line and paragraph separators are not line breaks here.
extension Character {
    /// Whether the character ends a line (`\n`, `\r\n` or `\r`).
    var endsLine: Bool { self == "\n" || self == "\r\n" || self == "\r" }
}
