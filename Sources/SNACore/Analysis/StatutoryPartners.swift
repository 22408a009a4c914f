/// A kind of organisation a statute names as a partner, e.g. "Primary care
/// trusts" (seed 004, Appendix 3), with the other spellings a type may use.
public struct OrganisationKind: Sendable, Hashable {
    /// The kind as Appendix 3 writes it, e.g. "Fire and rescue authorities".
    public let name: String
    /// Other spellings a type may use, e.g. "PCT" or "fire and rescue service".
    public let spellings: [String]
    /// Why a spelling stands for this kind when it is not obvious (a successor body).
    public let note: String?

    /// Creates a kind.
    public init(name: String, spellings: [String] = [], note: String? = nil) {
        self.name = name
        self.spellings = spellings
        self.note = note
    }

    /// Whether an organisation's `type` is this kind, compared loosely (``typeKey(_:)``).
    public func matches(type: String) -> Bool {
        let key = Self.typeKey(type)
        return !key.isEmpty && ([name] + spellings).contains { Self.typeKey($0) == key }
    }

    /// The loose form types are compared in: ``NameKey/label(_:)`` (case and
    /// punctuation ignored, "&" read as "and"), each word singular, so that
    /// "Police Authorities", "police authority" and "police-authority" agree.
    public static func typeKey(_ raw: String) -> String {
        NameKey.label(raw.replacingOccurrences(of: "&", with: " and ")).split(separator: " ").map(singular).joined(separator: " ")
    }

    /// A word made singular by the English rules Appendix 3's kinds need:
    /// "authorities" to "authority", "trusts" to "trust"; "plus", "class" kept.
    static func singular(_ word: Substring) -> String {
        if word.count > 4, word.hasSuffix("ies") { return word.dropLast(3) + "y" }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") { return String(word.dropLast()) }
        return String(word)
    }
}

/// A partnership a statute gives named partners: a local strategic
/// partnership, a crime and disorder reduction partnership, a children's
/// trust (seed 004, Appendix 3), or one a user declares in the same shape.
public struct PartnershipKind: Sendable, Equatable {
    /// The id `--partnership` takes, e.g. `crime-and-disorder`.
    public let id: String
    /// Its name as the source writes it, e.g. "Crime and disorder reduction partnerships".
    public let name: String
    /// The statute its partners come from, as the source writes it.
    public let statute: String
    /// The organisation kinds it requires, in the source's order.
    public let required: [OrganisationKind]

    /// Creates a partnership kind.
    public init(id: String, name: String, statute: String, required: [OrganisationKind]) {
        self.id = id
        self.name = name
        self.statute = statute
        self.required = required
    }

    /// The required kind an organisation's type is, or `nil`.
    public func requiredKind(ofType type: String) -> OrganisationKind? {
        required.first { $0.matches(type: type) }
    }
}

/// An organisation an organisations file lists that nobody in the survey works for.
public struct ListedOrganisation: Sendable, Equatable {
    /// Its name as the file writes it.
    public let name: String
    /// Its type, when the file gives one.
    public let type: String?
    /// Its row in the organisations file, when known.
    public let location: SourceLocation?

    /// Creates a listed organisation.
    public init(name: String, type: String?, location: SourceLocation? = nil) {
        self.name = name
        self.type = type
        self.location = location
    }
}

/// What the statutory-partner findings judge: the partnership kind, and the
/// organisations listed (in an organisations file) but not in the survey.
public struct StatutoryCheck: Sendable, Equatable {
    /// The partnership kind whose required partners are looked for.
    public var partnership: PartnershipKind
    /// Organisations listed but absent from the survey, which a missing kind names.
    public var listedOutsideSurvey: [ListedOrganisation]
    /// Every organisation kind of the catalogue the partnership came from: a
    /// type that is one of them (a kind another partnership requires) is known,
    /// not a typing mistake.
    public var knownKinds: [OrganisationKind]
    /// Where each survey organisation's type was given (its row in the
    /// organisations file), by ``NameKey/key(_:)`` of its name, so that a
    /// warning about a type names the line to mend.
    public var typeLocations: [String: SourceLocation]

    /// Creates a check.
    public init(partnership: PartnershipKind, listedOutsideSurvey: [ListedOrganisation] = [], knownKinds: [OrganisationKind] = [],
                typeLocations: [String: SourceLocation] = [:]) {
        self.partnership = partnership
        self.listedOutsideSurvey = listedOutsideSurvey
        self.knownKinds = knownKinds
        self.typeLocations = typeLocations
    }

    /// The warnings about organisation types the check reads in `network`:
    /// each organisation (of the survey, or listed outside it) whose type is
    /// no kind the partnership requires nor any known kind, and, when no
    /// organisation of the survey has a type at all, one warning that every
    /// named partner will be reported missing.
    public func typeWarnings(in network: PartnershipNetwork) -> [Diagnostic] {
        func unknown(_ type: String?) -> String? {
            guard let type, partnership.requiredKind(ofType: type) == nil, !knownKinds.contains(where: { $0.matches(type: type) }) else { return nil }
            return type
        }
        let kinds = partnership.required.map(\.name).joined(separator: "; ")
        var warnings = network.organisations.compactMap { organisation in
            unknown(organisation.type).map { type in
                Diagnostic(.warning, code: "organisations.unknown-type", at: typeLocations[NameKey.key(organisation.name)],
                           "the type of '\(organisation.name)' is none of the organisation kinds snatool knows; it is not counted as a named partner of \(partnership.name.lowercased())",
                           value: type, fix: "to count it, write one of: \(kinds)")
            }
        }
        warnings += listedOutsideSurvey.compactMap { listed in
            unknown(listed.type).map { type in
                Diagnostic(.warning, code: "organisations.unknown-type", at: listed.location,
                           "the type of '\(listed.name)' (listed, not in the survey) is none of the organisation kinds snatool knows",
                           value: type, fix: "to count it, write one of: \(kinds)")
            }
        }
        if !network.organisations.contains(where: { $0.type != nil }) {
            warnings.append(Diagnostic(.warning, code: "organisations.no-types",
                                       "no organisation of the survey has a type, so every named partner of \(partnership.name.lowercased()) will be reported missing",
                                       fix: "give the organisations' types in an organisations file (columns name,type) or a type column in the people file",
                                       inputs: [.organisationsFile]))
        }
        return warnings
    }

    /// The themes whose absence matters for a statutory partner.
    public static let governingThemes = ["strategy", "decision-making"]
}

extension Organisation {
    /// The attributes that give an organisation's type, in the order looked at.
    public static let typeAttributes = ["type", "organisation type", "organization type", "kind"]

    /// The organisation's type (its `type`, `organisation type` or `kind` attribute), when known.
    public var type: String? {
        Self.typeAttributes.lazy.compactMap { self.attributes[$0] }.first { !NameKey.cleaned($0).isEmpty }
    }
}

extension PartnershipNetwork {
    /// The same network with attributes set on its organisations (matched by
    /// name as ``NameKey`` does); a value given replaces the one the people had.
    public func settingOrganisationAttributes(_ attributes: [String: [String: String]], warnings extra: [Diagnostic] = []) -> PartnershipNetwork {
        var updated = organisations
        for index in updated.indices {
            guard let values = attributes[NameKey.key(updated[index].name)] else { continue }
            for (name, value) in values where !NameKey.cleaned(value).isEmpty { updated[index].attributes[name] = NameKey.cleaned(value) }
        }
        return PartnershipNetwork(themeSet: themeSet, themes: themes, people: people, organisations: updated, ties: ties, unit: unit,
                                  warnings: warnings + extra)
    }
}

// MARK: Findings

extension FindingsBuilder {
    /// The statutory-partner findings (docs/findings.md): each required kind
    /// with nobody in the survey, required partners with no tie in strategy
    /// or decision-making, and required partners whose people mostly did not answer.
    ///
    /// - Complexity: O(O K + V + E) for O organisations, K required kinds, over the governing themes' graphs.
    func statutoryFindings(_ whole: SelectionAnalysis) -> [Finding] {
        guard let check = analysis.options.statutory else { return [] }
        let partnership = check.partnership
        let kindOf: [OrganisationKind?] = network.organisations.map { $0.type.flatMap(partnership.requiredKind(ofType:)) }
        var found: [Finding] = []
        // A required kind nobody in the survey is.
        var missing: [Finding] = []
        for kind in partnership.required where !kindOf.contains(kind) {
            let listed = check.listedOutsideSurvey.filter { $0.type.map(kind.matches(type:)) ?? false }.map(\.name)
            let evidence = StatutoryEvidence(partnership: partnership, kinds: [kind], listedOutsideSurvey: listed)
            missing.append(finding(.requiredPartnerMissing, on: whole, subjects: [], evidence: .statutory(evidence), score: 1))
        }
        found += missing.prefix(thresholds.maximumPerKind)
        // Required partners with no tie to another organisation in a governing theme.
        let required = network.organisations.indices.filter { kindOf[$0] != nil }
        let all = weightedBlocks(allThemesGraph)
        var absent: [Finding] = []
        for id in StatutoryCheck.governingThemes {
            guard let index = network.themes.firstIndex(where: { $0.id == id }) else { continue }
            let graph = analysis.selection(id)?.graph
                ?? network.graph(.theme(index), level: analysis.options.level, symmetrisation: analysis.options.symmetrisation)
            let blocks = GroupBlocks(graph, groupOf: nodeOrganisation, names: network.organisations.map(\.name))
            let outside = required.filter { o in
                let e = blocks.externalTies(o)
                return e.out + e.in == 0
            }.sorted { (all.externalTies($0).out + all.externalTies($0).in, network.organisations[$1].name)
                > (all.externalTies($1).out + all.externalTies($1).in, network.organisations[$0].name) }
            guard !outside.isEmpty else { continue }
            let evidence = StatutoryEvidence(partnership: partnership, kinds: outside.compactMap { kindOf[$0] },
                                             tiesInAllThemes: outside.map { all.externalTies($0).out + all.externalTies($0).in })
            absent.append(Finding(kind: .requiredPartnerAbsent, theme: id, themeLabel: network.themes[index].label, level: analysis.options.level,
                                  nodesArePeople: nodesArePeople, subjects: outside.map(organisation), evidence: .statutory(evidence),
                                  score: Double(outside.count)))
        }
        found += absent.prefix(thresholds.maximumPerKind)
        // Required partners whose people mostly did not answer.
        var unanswered: [Finding] = []
        for o in required {
            let members = network.organisations[o].members
            let answered = members.filter { network.people[$0].responded }.count
            guard !members.isEmpty, answered * 2 < members.count else { continue }
            let evidence = StatutoryEvidence(partnership: partnership, kinds: [kindOf[o]!], members: members.count, answered: answered)
            unanswered.append(finding(.requiredPartnerUnanswered, on: whole, subjects: [organisation(o)], evidence: .statutory(evidence),
                                      score: 1 - Double(answered) / Double(members.count)))
        }
        found += ranked(unanswered)
        return found
    }

    /// Expected links naming an organisation (or sector or type) that matches
    /// nothing in the survey: one finding per link, naming the side that is there.
    func expectedPartnersNotInSurvey() -> [Finding] {
        var found: [Finding] = []
        for link in analysis.options.expectedLinks {
            let sides = [link.first, link.second].map { (name: $0, organisations: network.organisations(matching: $0)) }
            let absent = sides.filter(\.organisations.isEmpty).map(\.name)
            guard !absent.isEmpty else { continue }
            let present = sides.flatMap(\.organisations).map(organisation)
            let themeSelection: ThemeSelection = link.theme.flatMap { id in network.themes.firstIndex { $0.id == id } }.map { .theme($0) } ?? .all
            found.append(Finding(kind: .expectedPartnerNotInSurvey, theme: network.id(of: themeSelection), themeLabel: network.label(of: themeSelection),
                                 level: analysis.options.level, nodesArePeople: nodesArePeople, subjects: present,
                                 evidence: .expectedPartnerNotInSurvey(ExpectedPartnerEvidence(link: link, notInSurvey: absent, closest: absent.map(closestOrganisation))),
                                 score: 1))
        }
        return Array(found.prefix(thresholds.maximumPerKind))
    }

    /// The survey's organisation a name absent from it may stand for: written
    /// nearly the same way, or abbreviated to its initials ("GMP").
    ///
    /// - Complexity: O(O) name comparisons for O organisations.
    func closestOrganisation(to name: String) -> String? {
        let label = NameKey.label(name)
        return network.organisations.lazy.map(\.name).first { organisation in
            NearDuplicateNames.areNearDuplicates(name, organisation)
                || NearDuplicateNames.initialisms(of: organisation).contains(label)
                || NearDuplicateNames.initialisms(of: name).contains(NameKey.label(organisation))
        }
    }
}
