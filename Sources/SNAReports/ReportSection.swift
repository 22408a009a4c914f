/// A section a report gains from another part of snatool (the money, from
/// `snatool report --spend`), placed before the appendix and listed in the contents.
public struct ReportSection: Sendable, Equatable {
    /// The section's anchor (`id`), unique in the report.
    public var id: String
    /// The heading.
    public var title: String
    /// The body: well-formed XHTML, every name in it already escaped.
    public var html: String

    /// Creates a section.
    public init(id: String, title: String, html: String) {
        self.id = id
        self.title = title
        self.html = html
    }
}
