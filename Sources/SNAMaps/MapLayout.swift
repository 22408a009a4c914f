import Foundation

/// A node's place on a map, in points (1/72 inch), as Graphviz writes it.
public struct MapPoint: Sendable, Equatable {
    /// Across, from the left.
    public var x: Double
    /// Up, from the bottom.
    public var y: Double

    /// A point at `x`, `y`.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A map laid out once: its SVG and where each node was placed, so that other
/// maps of the same people (each theme's) can keep the same places without
/// another layout, and an interactive view can show exactly this picture.
public struct LaidOutMap: Sendable {
    /// The SVG.
    public let svg: Data
    /// Each node's position by node index; `nil` for nodes not drawn.
    public let positions: [MapPoint?]

    /// Lays `map` out and renders it as SVG and as Graphviz's `plain` text, from one layout.
    ///
    /// - Parameter nodeCount: the number of nodes of the analysed level.
    public init(_ map: NetworkMap, nodeCount: Int) throws(GraphvizError) {
        let outputs: [Data]
        do {
            outputs = try Graphviz.shared.render(dot: map.dot, engineName: map.engineName, formatNames: ["svg", "plain"])
        } catch let error as GraphvizError {
            throw error
        } catch {
            throw GraphvizError.render(format: "svg", message: "\(error)")
        }
        svg = outputs[0]
        positions = Self.positions(plain: outputs[1], nodeCount: nodeCount)
    }

    /// The factor by which text and lines must grow (``MapOptions/textScale``)
    /// for this layout, shown `width` by `height` points, to draw labels of
    /// 9 points at no less than 8.5 (a margin over the 8 wanted): 1 when it fits already.
    ///
    /// The extent counts the nodes' positions and a margin for labels; the
    /// scale is at most 8.
    public func textScale(toFitWidth width: Double, height: Double) -> Double {
        let placed = positions.compactMap { $0 }
        guard let minX = placed.map(\.x).min(), let maxX = placed.map(\.x).max(),
              let minY = placed.map(\.y).min(), let maxY = placed.map(\.y).max() else { return 1 }
        // The drawing is the nodes' extent plus labels on its edges, which grow
        // with the scale k: printed label = 9k * page / (extent + margin * k) >= 8.5.
        func needed(_ extent: Double, _ page: Double) -> Double {
            let room = 9 * page - 8.5 * Self.labelMargin
            return room > 0 ? 8.5 * extent / room : .infinity
        }
        return min(8, max(1, needed(maxX - minX, width), needed(maxY - minY, height)))
    }

    /// Room for the labels beyond the outermost nodes, in points at scale 1.
    static let labelMargin = 150.0

    /// The node positions in Graphviz's `plain` output (`node n12 x y ...`, in
    /// inches), in points by node index. Nodes are named `n` and their index.
    ///
    /// - Complexity: O(n) in the text's length.
    static func positions(plain: Data, nodeCount: Int) -> [MapPoint?] {
        var result = [MapPoint?](repeating: nil, count: nodeCount)
        for line in String(decoding: plain, as: UTF8.self).split(separator: "\n") where line.hasPrefix("node n") {
            let fields = line.split(separator: " ", maxSplits: 4)
            guard fields.count >= 4, let index = Int(fields[1].dropFirst()), result.indices.contains(index),
                  let x = Double(fields[2]), let y = Double(fields[3]) else { continue }
            result[index] = MapPoint(x: x * 72, y: y * 72)
        }
        return result
    }
}
