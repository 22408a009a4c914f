/// Connected components of a directed graph.
public struct Components: Sendable, Equatable {
    /// The component of each node, numbered from 0 in order of each component's lowest node.
    public let membership: [Int]
    /// The number of nodes in each component.
    public let sizes: [Int]

    /// The number of components.
    public var count: Int { sizes.count }
    /// The size of the largest component (0 for an empty graph).
    public var largest: Int { sizes.max() ?? 0 }

    /// Renumbers raw labels so components are numbered by their lowest node.
    init(labels: [Int]) {
        var renumber: [Int: Int] = [:]
        var membership = [Int](repeating: 0, count: labels.count)
        var sizes: [Int] = []
        for (node, label) in labels.enumerated() {
            if let id = renumber[label] {
                membership[node] = id
                sizes[id] += 1
            } else {
                renumber[label] = sizes.count
                membership[node] = sizes.count
                sizes.append(1)
            }
        }
        self.membership = membership
        self.sizes = sizes
    }
}

extension Digraph {
    /// Weakly connected components (edge direction ignored), as igraph
    /// `components(mode="weak")` and networkx `weakly_connected_components`.
    ///
    /// - Complexity: O(V + E).
    public func weakComponents() -> Components {
        var parent = Array(0..<nodeCount)
        func find(_ x: Int) -> Int {
            var root = x
            while parent[root] != root { root = parent[root] }
            var node = x
            while parent[node] != root {
                let next = parent[node]
                parent[node] = root
                node = next
            }
            return root
        }
        for v in 0..<nodeCount {
            for w in successors(of: v) {
                let a = find(v), b = find(Int(w))
                if a != b { parent[Swift.max(a, b)] = Swift.min(a, b) }
            }
        }
        return Components(labels: (0..<nodeCount).map(find))
    }

    /// Strongly connected components, by Tarjan's algorithm without recursion,
    /// as igraph `components(mode="strong")`.
    ///
    /// - Complexity: O(V + E).
    public func strongComponents() -> Components {
        let unvisited = -1
        var index = [Int](repeating: unvisited, count: nodeCount)
        var lowlink = [Int](repeating: 0, count: nodeCount)
        var onStack = [Bool](repeating: false, count: nodeCount)
        var stack: [Int] = []
        var labels = [Int](repeating: 0, count: nodeCount)
        var nextIndex = 0
        var callStack: [(node: Int, edge: Int)] = []
        for root in 0..<nodeCount where index[root] == unvisited {
            callStack.append((root, Int(outOffsets[root])))
            index[root] = nextIndex; lowlink[root] = nextIndex; nextIndex += 1
            stack.append(root); onStack[root] = true
            while let frame = callStack.last {
                let v = frame.node
                if frame.edge < Int(outOffsets[v + 1]) {
                    callStack[callStack.count - 1].edge += 1
                    let w = Int(outTargets[frame.edge])
                    if index[w] == unvisited {
                        index[w] = nextIndex; lowlink[w] = nextIndex; nextIndex += 1
                        stack.append(w); onStack[w] = true
                        callStack.append((w, Int(outOffsets[w])))
                    } else if onStack[w] {
                        lowlink[v] = Swift.min(lowlink[v], index[w])
                    }
                } else {
                    callStack.removeLast()
                    if let parent = callStack.last?.node {
                        lowlink[parent] = Swift.min(lowlink[parent], lowlink[v])
                    }
                    if lowlink[v] == index[v] {
                        while let w = stack.popLast() {
                            onStack[w] = false
                            labels[w] = v
                            if w == v { break }
                        }
                    }
                }
            }
        }
        return Components(labels: labels)
    }
}
