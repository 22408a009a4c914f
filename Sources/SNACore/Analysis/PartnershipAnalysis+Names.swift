/// Results read by name: what a program that knows people and themes by
/// name, not by position, asks of an analysis.
extension PartnershipAnalysis {
    /// The value of the per-node metric column `column` (a name of
    /// ``NodeMetricColumn/all``, such as `betweenness_normalised` or
    /// `pagerank`) for the node named `name` (a person, or an organisation
    /// at organisation level, matched as ``NameKey`` matches names) in the
    /// selection `id` (a theme id or `all`).
    ///
    /// - Returns: `nil` when no node has that name, the selection was not
    ///   analysed, or the column is not one the full analysis computes.
    public func value(_ column: String, of name: String, in id: String = Theme.allID) -> Double? {
        guard let node = node(named: name), let selection = selection(id),
              let column = NodeMetricColumn.all.first(where: { $0.name == column })
        else { return nil }
        return column.value(in: selection.metrics, node: node)
    }

    /// Every per-node metric the full analysis computes for the node named
    /// `name` in the selection `id`, in output order, by column name; `nil`
    /// when no node has that name or the selection was not analysed.
    public func metrics(of name: String, in id: String = Theme.allID) -> [(column: String, value: Double)]? {
        guard let node = node(named: name), let selection = selection(id) else { return nil }
        let metrics = selection.metrics
        return NodeMetricColumn.all.compactMap { column in column.value(in: metrics, node: node).map { (column.name, $0) } }
    }

    /// The findings whose subjects include the node or organisation named
    /// `name` (compared as ``NameKey`` compares names).
    public func findings(about name: String) -> [Finding] {
        let key = NameKey.key(name)
        return findings.filter { finding in finding.subjects.contains { NameKey.key($0.name) == key } }
    }
}
