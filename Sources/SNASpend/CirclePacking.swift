import Foundation

/// A circle placed by ``CirclePacking``.
public struct PackedCircle: Sendable, Hashable {
    /// The centre's x.
    public var x: Double
    /// The centre's y.
    public var y: Double
    /// The radius.
    public var r: Double
}

/// Packs circles tightly around the first one with the front-chain algorithm
/// of Wang, Wang, Dai and Wang, "Visualization of large hierarchical data by
/// circle packing" (CHI 2006), in the form of d3-hierarchy's `packSiblings`
/// (Bostock): each circle is placed tangent to two neighbours on the front
/// chain closest to the centre, and the chain is repaired where it would
/// overlap. No randomness: the same radii in the same order give the same places.
///
/// Give the radii largest first for a compact picture with the largest circle
/// near the middle.
public enum CirclePacking {
    /// Places circles of the given radii; the first is centred at the origin.
    ///
    /// - Parameter radii: positive radii.
    /// - Returns: one circle per radius, in order, none overlapping.
    /// - Complexity: O(n²) in the worst case; n is a few dozen providers.
    public static func pack(_ radii: [Double]) -> [PackedCircle] {
        var c = radii.map { PackedCircle(x: 0, y: 0, r: $0) }
        let n = c.count
        guard n > 1 else { return c }
        c[0].x = -c[1].r
        c[1].x = c[0].r
        c[1].y = 0
        guard n > 2 else { return c }
        place(c[1], c[0], &c[2])
        // The front chain as a doubly linked ring of indices.
        var next = Array(repeating: -1, count: n)
        var previous = Array(repeating: -1, count: n)
        var a = 0, b = 1
        // d3 links a.next = c.previous = b; b.next = a.previous = c; c.next = b.previous = a.
        next[a] = b; previous[b] = a
        next[b] = 2; previous[2] = b
        next[2] = a; previous[a] = 2
        var i = 3
        outer: while i < n {
            place(c[a], c[b], &c[i])
            var j = next[b], k = previous[a]
            var sj = c[b].r, sk = c[a].r
            repeat {
                if sj <= sk {
                    if intersects(c[j], c[i]) {
                        b = j; next[a] = b; previous[b] = a
                        continue outer
                    }
                    sj += c[j].r
                    j = next[j]
                } else {
                    if intersects(c[k], c[i]) {
                        a = k; next[a] = b; previous[b] = a
                        continue outer
                    }
                    sk += c[k].r
                    k = previous[k]
                }
            } while j != next[k]
            // Insert i between a and b, then choose the new a: the chain pair closest to the centre.
            previous[i] = a; next[i] = b; next[a] = i; previous[b] = i
            b = i
            var best = a
            var bestScore = score(c[a], c[next[a]])
            var node = next[b]
            while node != b {
                let s = score(c[node], c[next[node]])
                if s < bestScore { best = node; bestScore = s }
                node = next[node]
            }
            a = best
            b = next[a]
            i += 1
        }
        return c
    }

    /// Places `c` tangent to `a` and `b` (d3's `place(b, a, c)` with the arguments in this order).
    static func place(_ b: PackedCircle, _ a: PackedCircle, _ c: inout PackedCircle) {
        let dx = b.x - a.x, dy = b.y - a.y
        let d2 = dx * dx + dy * dy
        if d2 > 0 {
            var a2 = a.r + c.r; a2 *= a2
            var b2 = b.r + c.r; b2 *= b2
            if a2 > b2 {
                let x = (d2 + b2 - a2) / (2 * d2)
                let y = (max(0, b2 / d2 - x * x)).squareRoot()
                c.x = b.x - x * dx - y * dy
                c.y = b.y - x * dy + y * dx
            } else {
                let x = (d2 + a2 - b2) / (2 * d2)
                let y = (max(0, a2 / d2 - x * x)).squareRoot()
                c.x = a.x + x * dx - y * dy
                c.y = a.y + x * dy + y * dx
            }
        } else {
            c.x = a.x + c.r
            c.y = a.y
        }
    }

    /// Whether two circles overlap (beyond rounding).
    static func intersects(_ a: PackedCircle, _ b: PackedCircle) -> Bool {
        let dr = a.r + b.r - 1e-6, dx = b.x - a.x, dy = b.y - a.y
        return dr > 0 && dr * dr > dx * dx + dy * dy
    }

    /// How far from the centre the weighted middle of a chain pair is.
    static func score(_ a: PackedCircle, _ b: PackedCircle) -> Double {
        let ab = a.r + b.r
        let dx = (a.x * b.r + b.x * a.r) / ab, dy = (a.y * b.r + b.y * a.r) / ab
        return dx * dx + dy * dy
    }
}
