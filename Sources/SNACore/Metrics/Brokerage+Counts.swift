extension Brokerage {
    /// Each node's counts of the five roles, `roles` values per node in the
    /// order of ``BrokerageRole/allCases``, for groups numbered `0..<groupCount`.
    ///
    /// A node v with in-neighbours I and out-neighbours O brokers the ordered
    /// pairs of I × O less three kinds: pairs (a, a) (a reciprocal tie with v),
    /// and pairs with a tie a -> b (closed two-paths). The pairs of I × O are
    /// counted by role from the number of v's in- and out-neighbours in each
    /// group, so a person with d ties costs O(d), not O(d²); the reciprocal
    /// pairs are the intersection of I and O; the closed two-paths are found
    /// from each tie a -> b as the intersection of a's successors with b's
    /// predecessors, walking the shorter list and searching the longer.
    ///
    /// - Complexity: O(V + E + Σ_(a->b) min(out(a), in(b)) log d) time, which is
    ///   O(E √E log d) at worst and O(E) for stars and pairs; O(V + G) memory
    ///   besides the result.
    static func roleCounts(_ graph: Digraph, groups: [Int], groupCount: Int) -> [Int] {
        let n = graph.nodeCount
        let roles = BrokerageRole.allCases.count
        var counts = [Int](repeating: 0, count: n * roles)
        var inTally = [Int](repeating: 0, count: groupCount)
        for v in 0..<n {
            let ins = graph.predecessors(of: v), outs = graph.successors(of: v)
            guard !ins.isEmpty, !outs.isEmpty else { continue }
            let g = groups[v]
            var inSame = 0
            for a in ins {
                inTally[groups[Int(a)]] += 1
                if groups[Int(a)] == g { inSame += 1 }
            }
            // Pairs whose ends share a group other than v's: Σ over other groups h of in_h × out_h.
            var outSame = 0, sameOtherGroup = 0
            for b in outs {
                let gb = groups[Int(b)]
                if gb == g { outSame += 1 } else { sameOtherGroup += inTally[gb] }
            }
            for a in ins { inTally[groups[Int(a)]] = 0 }
            let inOther = ins.count - inSame, outOther = outs.count - outSame
            var coordinator = inSame * outSame, itinerant = sameOtherGroup
            // Pairs (a, a): in both lists (sorted), so a merge finds them.
            var i = ins.startIndex, o = outs.startIndex
            while i < ins.endIndex && o < outs.endIndex {
                if ins[i] < outs[o] { i += 1 } else if ins[i] > outs[o] { o += 1 } else {
                    if groups[Int(ins[i])] == g { coordinator -= 1 } else { itinerant -= 1 }
                    i += 1
                    o += 1
                }
            }
            let base = v * roles
            counts[base] = coordinator
            counts[base + 1] = itinerant
            counts[base + 2] = inOther * outSame
            counts[base + 3] = inSame * outOther
            counts[base + 4] = inOther * outOther - sameOtherGroup
        }
        // Closed two-paths a -> v -> b with a -> b: not brokered.
        for a in 0..<n {
            let aSuccessors = graph.successors(of: a)
            for b32 in aSuccessors {
                let b = Int(b32)
                let bPredecessors = graph.predecessors(of: b)
                let (walk, search) = aSuccessors.count <= bPredecessors.count
                    ? (aSuccessors, bPredecessors) : (bPredecessors, aSuccessors)
                for v32 in walk where search.sortedContains(v32) {
                    let v = Int(v32)
                    counts[v * roles + role(source: groups[a], broker: groups[v], target: groups[b])] -= 1
                }
            }
        }
        return counts
    }

    /// The position in ``BrokerageRole/allCases`` of the role of a broker
    /// between a source and a target, from the three groups.
    @inline(__always) static func role(source: Int, broker: Int, target: Int) -> Int {
        if source == broker && target == broker { return 0 }
        if source == target { return 1 }
        if target == broker { return 2 }
        if source == broker { return 3 }
        return 4
    }
}
