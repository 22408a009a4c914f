import Foundation

/// The output format a map file's extension asks for.
public enum MapFile {
    /// The format for a path's extension (`.svg`, `.png`, `.pdf`, `.dot`), or `nil`.
    public static func format(of path: String) -> RenderFormat? {
        RenderFormat(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
    }
}

extension NetworkMap {
    /// Lays the map out and renders it (the DOT text itself for `.dot`).
    public func render(as format: RenderFormat) throws(GraphvizError) -> Data {
        do {
            if format == .dot { return Data(dot.utf8) }
            return try Graphviz.shared.render(dot: dot, engineName: engineName, formatName: format.rawValue)
        } catch let error as GraphvizError {
            throw error
        } catch {
            throw GraphvizError.render(format: format.rawValue, message: "\(error)")
        }
    }
}
