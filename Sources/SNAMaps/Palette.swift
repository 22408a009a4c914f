/// The colours of snatool's maps, chosen to be told apart by people with any
/// common form of colour blindness (docs/maps.md).
public enum Palette {
    /// Okabe and Ito's palette (2008) for nodes: orange, sky blue, bluish
    /// green, yellow, blue, vermillion, reddish purple.
    public static let groups = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
    /// Nodes whose group is beyond the palette, or unknown.
    public static let other = "#BBBBBB"
    /// Paul Tol's "bright" scheme for the themes' edges in a combined map.
    public static let themes: [String: String] = [
        "decision-making": "#AA3377", "strategy": "#4477AA", "improvement": "#228833", "innovation": "#CCBB44",
        "expertise": "#66CCEE", "work": "#777777", "informal": "#EE6677",
    ]
    /// Edges of a theme not in `themes` (custom theme sets).
    public static let otherTheme = "#999999"
    /// Weak links and missing links between organisations.
    public static let weakLink = "#D55E00"
    /// Bridges.
    public static let bridge = "#000000"
    /// Ordinary ties.
    public static let tie = "#8C8C8CB0"
    /// Ordinary ties of a dense map.
    public static let faintTie = "#9A9A9A78"
}
