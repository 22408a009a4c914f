import CGraphviz
import Foundation

/// A layout engine Graphviz can run.
public enum LayoutEngine: String, CaseIterable, Sendable {
    case dot, neato, fdp, sfdp, circo, twopi
}

/// An output format Graphviz can render.
public enum RenderFormat: String, CaseIterable, Sendable {
    case svg, png, pdf
    /// The generated graph itself, before layout.
    case dot
}

/// A failure reported by Graphviz, with Graphviz's own message.
public enum GraphvizError: Error, Equatable, CustomStringConvertible {
    /// The DOT text could not be parsed.
    case parse(message: String)
    /// The layout engine failed or is unknown.
    case layout(engine: String, message: String)
    /// Rendering failed or the format is unknown.
    case render(format: String, message: String)

    /// The failure as one line.
    public var description: String {
        switch self {
        case .parse(let message): return "Graphviz could not read the graph: \(message)"
        case .layout(let engine, let message): return "Graphviz layout '\(engine)' failed: \(message)"
        case .render(let format, let message): return "Graphviz could not render '\(format)': \(message)"
        }
    }
}

/// Renders DOT text with the Graphviz C library linked in process.
///
/// Graphviz keeps global state and is not thread-safe, so the process holds one
/// long-lived context and every call runs under one lock. Every graph is closed
/// and every layout freed before a call returns.
///
/// ```swift
/// let svg = try Graphviz.shared.render(dot: "digraph { a -> b }", engine: .dot, format: .svg)
/// ```
public final class Graphviz: @unchecked Sendable {
    /// The one context of the process.
    public static let shared = Graphviz()

    private let lock = NSLock()
    private let context: OpaquePointer

    private init() {
        snatool_keep_errors()
        guard let context = gvContext() else {
            fatalError("Graphviz could not create its context (out of memory)")
        }
        self.context = context
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    ///
    /// - Parameters:
    ///   - dot: a complete graph in the DOT language.
    ///   - engine: the layout engine.
    ///   - format: the output format; `.dot` returns the input unchanged.
    /// - Returns: the rendered bytes.
    /// - Throws: `GraphvizError` carrying Graphviz's message.
    public func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws -> Data {
        if format == .dot { return Data(dot.utf8) }
        return try render(dot: dot, engineName: engine.rawValue, formatName: format.rawValue)
    }

    /// Lays out and renders with engine and format given by name, as Graphviz
    /// knows them; an unknown name is reported with Graphviz's list of valid ones.
    public func render(dot: String, engineName: String, formatName: String) throws -> Data {
        try render(dot: dot, engineName: engineName, formatNames: [formatName])[0]
    }

    /// Lays `dot` out once and renders that one layout in each format, in order
    /// (an SVG and the `plain` positions of the same picture, for instance).
    ///
    /// - Parameters:
    ///   - engineName: a layout engine as Graphviz names it; `nop2` keeps the
    ///     nodes' `pos` attributes (points) and only draws the edges.
    ///   - formatNames: output formats as Graphviz names them, at least one.
    /// - Throws: `GraphvizError` carrying Graphviz's message.
    public func render(dot: String, engineName: String, formatNames: [String]) throws -> [Data] {
        precondition(!formatNames.isEmpty, "render needs at least one format")
        lock.lock()
        defer { lock.unlock() }
        agreseterrors()
        guard let graph = dot.withCString({ snatool_agmemread($0) }) else {
            throw GraphvizError.parse(message: lastError(default: "syntax error"))
        }
        defer { agclose(graph) }
        let engines = pluginNames("layout")
        guard engines.contains(engineName) else {
            throw GraphvizError.layout(engine: engineName, message: "unknown layout engine; use one of: \(engines.joined(separator: ", "))")
        }
        // Layouts draw on the C library's generators, which `start=` does not
        // fully reset; reseeding them makes every render of the same graph the
        // same, in one process as across processes.
        srand48(1)
        srand(1)
        guard snatool_gvLayout(context, graph, engineName) == 0 else {
            throw GraphvizError.layout(engine: engineName, message: lastError(default: "layout failed"))
        }
        defer { gvFreeLayout(context, graph) }
        let formats = pluginNames("device")
        var results: [Data] = []
        for formatName in formatNames {
            guard formats.contains(formatName) else {
                throw GraphvizError.render(format: formatName, message: "unknown format; use one of: \(formats.joined(separator: ", "))")
            }
            var buffer: UnsafeMutablePointer<CChar>?
            var length = 0
            let status = snatool_gvRenderData(context, graph, formatName, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard status == 0, let buffer else {
                throw GraphvizError.render(format: formatName, message: lastError(default: "unknown format"))
            }
            results.append(Data(bytes: buffer, count: length))
        }
        return results
    }

    /// The plugin names of a kind; call with the lock held.
    private func pluginNames(_ kind: String) -> [String] {
        guard let text = snatool_plugin_names(context, kind) else { return [] }
        defer { free(text) }
        return String(cString: text).split(separator: " ").map(String.init)
    }

    private func lastError(default fallback: String) -> String {
        guard let text = snatool_aglasterr() else { return fallback }
        let message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? fallback : message
    }
}
