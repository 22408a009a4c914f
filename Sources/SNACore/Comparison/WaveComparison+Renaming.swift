extension WaveComparison {
    /// The comparison with every name passed through `rename` (people's
    /// pseudonyms under `--anonymise`), each list sorted again so that its
    /// order tells nothing about the names it replaced.
    public func renamed(by rename: (String) -> String) -> WaveComparison {
        func names(_ list: [String]) -> [String] { list.map(rename).sorted() }
        func ties(_ list: [NamedTie]) -> [NamedTie] { list.map { NamedTie(source: rename($0.source), target: rename($0.target)) }.sorted() }
        func pairs(_ list: [NamedPair]) -> [NamedPair] { list.map { NamedPair(rename($0.first), rename($0.second)) }.sorted() }
        func keepers(_ list: [GatekeeperChange]) -> [GatekeeperChange] {
            list.map { var copy = $0; copy.name = rename($0.name); return copy }.sorted { $0.name < $1.name }
        }
        var copy = self
        copy.joined = names(joined)
        copy.left = names(left)
        copy.stoppedAnswering = names(stoppedAnswering)
        copy.startedAnswering = names(startedAnswering)
        copy.nearMisses = nearMisses.map { NearMiss(before: rename($0.before), after: rename($0.after)) }
            .sorted { ($0.after, $0.before) < ($1.after, $1.before) }
        copy.themes = themes.map { theme in
            var t = theme
            t.tiesGained = ties(theme.tiesGained)
            t.tiesLost = ties(theme.tiesLost)
            t.joined = names(theme.joined)
            t.left = names(theme.left)
            t.organisationsJoined = names(theme.organisationsJoined)
            t.organisationsLeft = names(theme.organisationsLeft)
            t.gatekeepersResolved = keepers(theme.gatekeepersResolved)
            t.gatekeepersNew = keepers(theme.gatekeepersNew)
            t.gatekeepersGone = keepers(theme.gatekeepersGone)
            t.gatekeepersRemaining = keepers(theme.gatekeepersRemaining)
            t.weakLinksClosed = pairs(theme.weakLinksClosed)
            t.weakLinksOpened = pairs(theme.weakLinksOpened)
            t.bridgesGone = pairs(theme.bridgesGone)
            t.bridgesNew = pairs(theme.bridgesNew)
            t.organisationPairs = theme.organisationPairs.map { var p = $0; p.from = rename($0.from); p.to = rename($0.to); return p }
            return t
        }
        copy.ratings = ratings.map { rating in
            var r = rating
            r.organisations = rating.organisations.map { var o = $0; o.name = rename($0.name); return o }
                .sorted { ($0.after - $0.before, $0.name) < ($1.after - $1.before, $1.name) }
            r.organisationPairs = rating.organisationPairs.map { var p = $0; p.from = rename($0.from); p.to = rename($0.to); return p }
                .sorted { ($0.after - $0.before, $0.from, $0.to) < ($1.after - $1.before, $1.from, $1.to) }
            return r
        }
        return copy
    }
}
