import SNACore

extension NetworkMap {
    /// The map of `options` sized to a page: laid out once to measure it; when
    /// it is larger than `page`, laid out again with text and lines enlarged
    /// (``MapOptions/textScale``) and the drawing scaled down to the page
    /// (``MapOptions/page``), so that labels print at 8 points or more and a
    /// PNG is a page, not thousands of pixels across. Used for cluster and
    /// organisation maps, whose boxes and wide spacing make large drawings;
    /// the second layout (not a pinned redraw) keeps the cluster boxes.
    ///
    /// - Returns: the map to render; `options`' own map when it fits already.
    public static func fittedToPage(analysis: PartnershipAnalysis, options: MapOptions, source: String,
                                    page: MapPage = .a4) throws(MapError) -> NetworkMap {
        let first = try NetworkMap(analysis: analysis, options: options, source: source)
        let laidOut: LaidOutMap
        do { laidOut = try LaidOutMap(first, nodeCount: analysis.nodeNames.count) } catch { return first }
        let scale = laidOut.textScale(toFitWidth: page.width, height: page.height)
        guard scale > 1.05 else { return first }
        var fitted = options
        fitted.textScale = scale
        fitted.page = page
        return try NetworkMap(analysis: analysis, options: fitted, source: source)
    }
}
