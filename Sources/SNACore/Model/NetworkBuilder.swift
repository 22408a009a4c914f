/// Assembles a ``PartnershipNetwork`` from raw survey rows, applying snatool's
/// import rules and recording every one it applies.
///
/// Rules (documented in docs/input-formats.md):
/// - names are cleaned and matched case-insensitively; aliases map variant
///   spellings to one name before matching;
/// - a person has one organisation and one layer: two different values
///   (between survey rows, or between the survey and the people file) are an
///   error naming both places;
/// - a repeated tie (same respondent, contact and theme) is merged into the
///   first, keeping the higher strength, with a warning;
/// - a self-tie is dropped with a warning;
/// - people named but never responding stay in the network;
/// - names that look like variants of each other within an organisation are
///   reported as warnings with a suggested alias line.
///
/// ```swift
/// var builder = NetworkBuilder(themeSet: .standard)
/// builder.addTie(from: "Anna", to: "Ben", theme: "work")
/// let network = try builder.build()
/// ```
public struct NetworkBuilder: Sendable {
    /// Where a person was learnt of.
    public enum Origin: Sendable {
        /// A row of the people file.
        case peopleFile
        /// The respondent of a survey row.
        case respondent
        /// A contact named in a survey row.
        case contact
    }

    private struct PersonRecord: Sendable {
        var person: Person
        var firstSeen: SourceLocation?
        var organisationSource: SourceLocation?
        var layerSource: SourceLocation?
        var attributeSources: [String: SourceLocation?] = [:]
        var inPeopleFile = false
    }

    /// A tie as stored while reading: positions as 32-bit numbers, half the
    /// size of a ``Tie``.
    private struct StoredTie: Sendable {
        var source: Int32
        var target: Int32
        var theme: Int32
        var strength: Double?
    }

    /// Where a tie was read, without a copy of the file name per tie.
    private struct PackedLocation: Sendable {
        static let none = PackedLocation(file: -1, columnName: -1, line: .min, column: .min)
        var file: Int32
        var columnName: Int32
        var line: Int
        var column: Int
    }

    /// The theme set theme indices refer to.
    public let themeSet: ThemeSet
    private var aliases: [String: String] = [:]
    private var aliasSources: [String: SourceLocation?] = [:]
    private var records: [PersonRecord] = []
    /// For each person, the position of their organisation in
    /// `organisationNames`, or -1 (apart from `records`, which is large, so
    /// that the check made on every row stays in cache).
    private var personOrganisations: [Int32] = []
    /// For each person, whether they answered (copied into `records` by `build`).
    private var personResponded: [Bool] = []
    private var personIndex: [String: Int] = [:]
    /// Names exactly as written, to the person they resolved to (a fast path
    /// for the many rows that repeat a spelling).
    private var spellingIndex: [String: Int] = [:]
    /// Organisation names exactly as written, to their position.
    private var organisationSpellings: [String: Int] = [:]
    /// Organisation keys to their position in `organisationNames`.
    private var organisationIndex: [String: Int] = [:]
    /// Organisations in the order first seen, as first written.
    private var organisationNames: [String] = []
    private var organisationFirstSeen: [SourceLocation?] = []
    private var themesAsked = Set<Int>()
    private var unthemedTies = false
    private var ties: [StoredTie] = []
    /// An open-addressing table of positions in `ties` (-1 for an empty
    /// slot), found by respondent, contact and theme; at most half full.
    private var tieSlots = [Int32](repeating: -1, count: 1024)
    private var tieSources: [PackedLocation] = []
    /// The file names and column names of `tieSources`.
    private var locationStrings: [String] = []
    private var locationStringIndex: [String: Int32] = [:]
    private var peopleFileGiven = false
    private var peopleSurvey = false
    private var diagnostics: [Diagnostic] = []

    /// Creates an empty builder.
    public init(themeSet: ThemeSet = .standard) {
        self.themeSet = themeSet
    }

    /// Makes room for about `ties` ties, so that a large survey is read without
    /// growing the tables again and again.
    public mutating func reserveCapacity(ties: Int) {
        self.ties.reserveCapacity(ties)
        var size = tieSlots.count
        while size < 2 * ties { size *= 2 }
        if size > tieSlots.count { rehashTies(size) }
        tieSources.reserveCapacity(ties)
    }

    /// Whether an error has been recorded so far.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Records a problem found by a reader, so that all problems come out together.
    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The number of problems recorded so far.
    package var diagnosticCount: Int { diagnostics.count }

    /// Records a problem among those already recorded, at `position`, for a
    /// reader that learns of it later than where it belongs.
    package mutating func insert(_ diagnostic: Diagnostic, at position: Int) {
        diagnostics.insert(diagnostic, at: position)
    }

    /// Maps the spelling `variant` to `name` for people and organisations.
    public mutating func addAlias(variant: String, name: String, at location: SourceLocation? = nil) {
        let key = NameKey.key(variant)
        let target = NameKey.cleaned(name)
        guard !key.isEmpty, !target.isEmpty, key != NameKey.key(target) else { return }
        if let existing = aliases[key], NameKey.key(existing) != NameKey.key(target) {
            let earlier = aliasSources[key].flatMap { $0?.prefix } ?? "an earlier line"
            report(Diagnostic(.error, code: "aliases.conflict", at: location,
                              "the alias '\(NameKey.cleaned(variant))' maps to '\(target)' here but to '\(existing)' at \(earlier)",
                              fix: "keep one line for each variant spelling"))
            return
        }
        // A cycle (A -> B and B -> A) leaves no name to use.
        var name = target
        var seen: Set<String> = [key]
        while let next = aliases[NameKey.key(name)] {
            guard seen.insert(NameKey.key(name)).inserted else { break }
            name = next
        }
        if NameKey.key(name) == key {
            report(Diagnostic(.error, code: "aliases.cycle", at: location,
                              "the aliases lead from '\(NameKey.cleaned(variant))' back to itself (through '\(target)')",
                              fix: "map every variant spelling to the one right name, and the right name to nothing"))
            return
        }
        aliases[key] = target
        aliasSources[key] = location
        spellingIndex.removeAll()
        organisationSpellings.removeAll()
    }

    /// Marks a theme as asked by the survey, even if nobody named anyone in it.
    public mutating func declareTheme(_ index: Int) {
        precondition(themeSet.themes.indices.contains(index), "theme index out of range")
        themesAsked.insert(index)
    }

    /// Makes room for `count` more people, so that a long roster is added
    /// without the tables growing again and again.
    public mutating func reserveCapacity(people count: Int) {
        let total = records.count + count
        records.reserveCapacity(total)
        personOrganisations.reserveCapacity(total)
        personResponded.reserveCapacity(total)
        personIndex.reserveCapacity(total)
        spellingIndex.reserveCapacity(total)
    }

    /// Notes that a people file defines the population.
    public mutating func markPeopleFileGiven() { peopleFileGiven = true }

    /// Notes that the nodes are people even if no organisation is known (the
    /// survey asked each respondent's name), so the survey is never taken as
    /// an organisation-level one.
    public mutating func markPeopleSurvey() { peopleSurvey = true }

    /// Adds a person, or merges what is known into the person already there.
    ///
    /// - Returns: the person's position, or `nil` when the name is empty.
    @discardableResult
    public mutating func addPerson(
        _ rawName: String, organisation rawOrganisation: String? = nil, layer: Layer? = nil,
        attributes: [String: String] = [:], origin: Origin = .contact, at location: SourceLocation? = nil
    ) -> Int? {
        guard let index = person(rawName, origin: origin, at: location) else { return nil }
        var position: Int?
        if let rawOrganisation { position = organisation(rawOrganisation, at: location) }
        update(index, organisation: position, origin: origin, at: location)
        if let layer { setLayer(layer, of: index, at: location) }
        for (attribute, value) in attributes {
            setAttribute(attribute, to: value, of: index, at: location)
        }
        return index
    }

    /// The position of the person a spelling names, adding them when new (the
    /// first half of ``addPerson(_:organisation:layer:attributes:origin:at:)``,
    /// for readers that remember positions of spellings they have seen).
    ///
    /// - Returns: the person's position, or `nil` when the name is empty.
    package mutating func person(_ rawName: String, origin: Origin, at location: SourceLocation?) -> Int? {
        if let known = spellingIndex[rawName] { return known }
        let name = canonical(rawName)
        let key = NameKey.key(name)
        if let existing = personIndex[key] {
            spellingIndex[rawName] = existing
            return existing
        }
        guard !key.isEmpty else { return nil }
        precondition(records.count < Int32.max, "too many people")
        let index = records.count
        personIndex[key] = index
        spellingIndex[rawName] = index
        records.append(PersonRecord(person: Person(name: name), firstSeen: location))
        personOrganisations.append(-1)
        personResponded.append(false)
        if peopleFileGiven && origin != .peopleFile {
            report(Diagnostic(.warning, code: "people.not-in-people-file", at: location,
                              "'\(name)' is named in the survey but not listed in the people file; added without attributes",
                              fix: "add them to the people file, or map the name to a listed person in an aliases file", inputs: [.aliasesFile]))
        }
        return index
    }

    /// The position of the organisation a spelling names, recording it when
    /// new (first seen at `location`); `nil` when the name is empty.
    package mutating func organisation(_ rawOrganisation: String, at location: SourceLocation?) -> Int? {
        if let known = organisationSpellings[rawOrganisation] { return known }
        let name = canonical(rawOrganisation)
        let key = NameKey.key(name)
        guard !key.isEmpty else { return nil }
        let index: Int
        if let existing = organisationIndex[key] {
            index = existing
        } else {
            precondition(organisationNames.count < Int32.max, "too many organisations")
            index = organisationNames.count
            organisationIndex[key] = index
            organisationNames.append(name)
            organisationFirstSeen.append(location)
        }
        organisationSpellings[rawOrganisation] = index
        return index
    }

    /// Whether a spelling names a person already added (after aliases).
    package func knowsPerson(_ rawName: String) -> Bool {
        spellingIndex[rawName] != nil || personIndex[NameKey.key(canonical(rawName))] != nil
    }

    /// The position of an organisation already recorded under this spelling, without adding one.
    package func knownOrganisation(_ rawOrganisation: String) -> Int? {
        organisationSpellings[rawOrganisation] ?? organisationIndex[NameKey.key(canonical(rawOrganisation))]
    }

    /// Gives a person an organisation inferred from how they were written
    /// ("Name (Organisation)"), when nothing else gives them one; never a conflict.
    package mutating func inferOrganisation(_ organisation: Int, of index: Int, at location: SourceLocation?) {
        guard personOrganisations[index] < 0 else { return }
        setOrganisation(organisation, of: index, at: location)
    }

    /// Records what a survey row says of a person already added: that they
    /// answered (origin `.respondent`), and their organisation (a position
    /// from ``organisation(_:at:)``).
    package mutating func update(_ index: Int, organisation: Int?, origin: Origin, at location: SourceLocation?) {
        if origin == .respondent { personResponded[index] = true }
        if origin == .peopleFile { records[index].inPeopleFile = true }
        if let organisation { setOrganisation(organisation, of: index, at: location) }
    }

    /// Adds the tie `from -> to` in the theme a name stands for (an id, a
    /// label or a spelling ``themeSet`` knows, such as "work" or "Decision
    /// making"), or in no theme for an unthemed survey; both people are added
    /// as needed, each with their organisation when given. A name that is
    /// no theme of ``themeSet`` is an error that ``build()`` throws (with the
    /// themes it knows), and the tie is not added.
    public mutating func addTie(
        from respondent: String, organisation respondentOrganisation: String? = nil,
        to contact: String, organisation contactOrganisation: String? = nil,
        theme: String? = nil, strength: Double? = nil, at location: SourceLocation? = nil
    ) {
        var index: Int?
        if let theme {
            guard let found = themeSet.index(of: theme) else {
                report(Diagnostic(.error, code: "survey.unknown-theme", at: location,
                                  "'\(theme)' is not a theme of this survey",
                                  fix: "name one of: \(themeSet.themes.map(\.id).joined(separator: ", ")), or declare the survey's own themes", inputs: [.themes]))
                return
            }
            index = found
        }
        addTie(from: respondent, organisation: respondentOrganisation, to: contact, organisation: contactOrganisation,
               themeIndex: index, strength: strength, at: location)
    }

    /// Adds the tie `from -> to` in the theme at a position of ``themeSet``
    /// (`nil` for an unthemed survey), adding both people as needed.
    package mutating func addTie(
        from respondent: String, organisation respondentOrganisation: String? = nil,
        to contact: String, organisation contactOrganisation: String? = nil,
        themeIndex theme: Int?, strength: Double? = nil, at location: SourceLocation? = nil
    ) {
        guard let source = addPerson(respondent, organisation: respondentOrganisation, origin: .respondent, at: location),
              let target = addPerson(contact, organisation: contactOrganisation, origin: .contact, at: location)
        else { return }
        addTie(source: source, target: target, theme: theme, strength: strength, at: location)
    }

    /// Adds the tie `source -> target` between people already added (the
    /// second half of ``addTie(from:organisation:to:organisation:themeIndex:strength:at:)``).
    package mutating func addTie(source: Int, target: Int, theme: Int?, strength: Double?, at location: SourceLocation?) {
        if let theme { declareTheme(theme) } else { unthemedTies = true }
        if source == target {
            report(Diagnostic(.warning, code: "survey.self-tie", at: location,
                              "'\(records[source].person.name)' named themselves; the self-tie was dropped",
                              fix: "nothing to do, unless the contact was meant to be someone else"))
            return
        }
        let tie = StoredTie(source: Int32(source), target: Int32(target), theme: Int32(theme ?? -1), strength: strength)
        let (found, slot) = findTie(tie)
        if let existing = found {
            let first = unpack(tieSources[existing]).map { $0.prefix } ?? "an earlier row"
            let themeText = theme.map { " in theme '\(themeSet.themes[$0].id)'" } ?? ""
            report(Diagnostic(.warning, code: "survey.duplicate-tie", at: location,
                              "'\(records[source].person.name)' -> '\(records[target].person.name)'\(themeText) repeats the tie at \(first); merged into one tie" + (strength == nil ? "" : ", keeping the higher strength"),
                              fix: "remove the repeated row if it is a mistake"))
            if let strength {
                ties[existing].strength = max(ties[existing].strength ?? strength, strength)
            }
            return
        }
        precondition(ties.count < Int32.max, "too many ties")
        tieSlots[slot] = Int32(ties.count)
        ties.append(tie)
        tieSources.append(pack(location))
        if ties.count * 2 > tieSlots.count { rehashTies(tieSlots.count * 2) }
    }

    private static func slot(of tie: StoredTie, mask: Int) -> Int {
        var x = UInt64(UInt32(bitPattern: tie.source)) << 32 | UInt64(UInt32(bitPattern: tie.target))
        x ^= UInt64(UInt32(bitPattern: tie.theme)) &* 0xC2B2_AE3D_27D4_EB4F
        x = (x ^ (x >> 31)) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return Int(truncatingIfNeeded: x) & mask
    }

    /// The position of the tie with the same respondent, contact and theme,
    /// or the empty slot where it would go.
    private func findTie(_ tie: StoredTie) -> (found: Int?, slot: Int) {
        let mask = tieSlots.count - 1
        var slot = Self.slot(of: tie, mask: mask)
        while true {
            let entry = Int(tieSlots[slot])
            if entry < 0 { return (nil, slot) }
            let other = ties[entry]
            if other.source == tie.source && other.target == tie.target && other.theme == tie.theme { return (entry, slot) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func rehashTies(_ size: Int) {
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for (index, tie) in ties.enumerated() {
            var slot = Self.slot(of: tie, mask: mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
        tieSlots = slots
    }

    private mutating func locationString(_ text: String) -> Int32 {
        if let last = locationStrings.last, last == text { return Int32(locationStrings.count - 1) }
        if let known = locationStringIndex[text] { return known }
        let index = Int32(locationStrings.count)
        locationStrings.append(text)
        locationStringIndex[text] = index
        return index
    }

    private mutating func pack(_ location: SourceLocation?) -> PackedLocation {
        guard let location else { return .none }
        return PackedLocation(file: locationString(location.file),
                              columnName: location.columnName.map { locationString($0) } ?? -1,
                              line: location.line ?? .min, column: location.column ?? .min)
    }

    private func unpack(_ packed: PackedLocation) -> SourceLocation? {
        guard packed.file >= 0 else { return nil }
        return SourceLocation(file: locationStrings[Int(packed.file)], line: packed.line == .min ? nil : packed.line,
                              column: packed.column == .min ? nil : packed.column,
                              columnName: packed.columnName < 0 ? nil : locationStrings[Int(packed.columnName)])
    }

    /// Checks what was added and returns the network.
    ///
    /// - Throws: ``InputError`` with every problem found, when any is an error.
    public func build() throws(InputError) -> PartnershipNetwork {
        var diagnostics = self.diagnostics
        if !themesAsked.isEmpty && unthemedTies {
            diagnostics.append(Diagnostic(.error, code: "survey.mixed-themes",
                                          "some ties have a theme and others have none",
                                          fix: "give every row a theme, or none"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw InputError(.badData, diagnostics)
        }
        // Theme indices of the network are positions among the themes asked.
        let asked = themesAsked.sorted()
        var remap = [Int](repeating: -1, count: themeSet.themes.count)
        for (position, index) in asked.enumerated() { remap[index] = position }
        let networkTies = ties.map { tie in
            Tie(source: Int(tie.source), target: Int(tie.target), theme: tie.theme < 0 ? nil : remap[Int(tie.theme)], strength: tie.strength)
        }
        let people = records.indices.map { index in
            var person = records[index].person
            person.responded = personResponded[index]
            return person
        }
        let unit: NodeUnit = peopleSurvey || people.contains { $0.organisation != nil } ? .people : .organisations
        var organisations: [Organisation]
        switch unit {
        case .people:
            organisations = organisationNames.map { Organisation(name: $0) }
            for (index, organisation) in personOrganisations.enumerated() where organisation >= 0 {
                organisations[Int(organisation)].members.append(index)
            }
            let missing = people.filter { $0.organisation == nil }.count
            if missing > 0 {
                diagnostics.append(Diagnostic(.warning, code: "people.no-organisation",
                                              "\(missing) of \(people.count) people \(missing == 1 ? "has" : "have") no organisation; \(missing == 1 ? "they are" : "they are all") grouped as '(no organisation)'",
                                              fix: "give their organisation in a people file or in the survey's organisation columns", inputs: [.peopleFile]))
            }
        case .organisations:
            organisations = people.enumerated().map { index, person in
                Organisation(name: person.name, attributes: person.attributes, members: [index])
            }
        }
        if unit == .people {
            for index in organisations.indices {
                organisations[index].attributes = Self.sharedAttributes(of: organisations[index].members.map { people[$0] })
            }
        }
        diagnostics += NearDuplicateNames.warnings(for: people, locations: records.map(\.firstSeen))
        if unit == .people {
            diagnostics += NearDuplicateNames.warnings(forOrganisations: organisations.map(\.name),
                                                       locations: organisationFirstSeen)
        }
        return PartnershipNetwork(
            themeSet: themeSet, themes: asked.map { themeSet.themes[$0] }, people: people,
            organisations: organisations, ties: networkTies, unit: unit, warnings: diagnostics)
    }

    // MARK: - Merging what is known of a person

    /// The name a spelling stands for, following chains of aliases (A -> B, B -> C).
    private func canonical(_ raw: String) -> String {
        var name = NameKey.cleaned(raw)
        var steps = 0
        while let next = aliases[NameKey.key(name)], steps < aliases.count {
            name = next
            steps += 1
        }
        return name
    }

    private mutating func setOrganisation(_ organisation: Int, of index: Int, at location: SourceLocation?) {
        let current = Int(personOrganisations[index])
        if current == organisation { return }
        if current >= 0 {
            conflict("organisation", person: index, current: organisationNames[current], new: organisationNames[organisation],
                     earlier: records[index].organisationSource, at: location)
        } else {
            personOrganisations[index] = Int32(organisation)
            records[index].person.organisation = organisationNames[organisation]
            records[index].organisationSource = location
        }
    }

    private mutating func setLayer(_ layer: Layer, of index: Int, at location: SourceLocation?) {
        if let current = records[index].person.layer {
            guard current != layer else { return }
            conflict("layer", person: index, current: current.rawValue, new: layer.rawValue,
                     earlier: records[index].layerSource, at: location)
        } else {
            records[index].person.layer = layer
            records[index].layerSource = location
        }
    }

    private mutating func setAttribute(_ rawAttribute: String, to rawValue: String, of index: Int, at location: SourceLocation?) {
        let attribute = NameKey.label(rawAttribute)
        let value = NameKey.cleaned(rawValue)
        guard !attribute.isEmpty, !value.isEmpty else { return }
        if let current = records[index].person.attributes[attribute] {
            guard NameKey.key(current) != NameKey.key(value) else { return }
            conflict(attribute, person: index, current: current, new: value,
                     earlier: records[index].attributeSources[attribute] ?? records[index].firstSeen, at: location)
        } else {
            records[index].person.attributes[attribute] = value
            // Most attributes come with the person's first row; only another place is recorded.
            if location != records[index].firstSeen { records[index].attributeSources[attribute] = location }
        }
    }

    private mutating func conflict(
        _ what: String, person index: Int, current: String, new: String,
        earlier: SourceLocation?, at location: SourceLocation?
    ) {
        let name = records[index].person.name
        let there = earlier.map { " at \($0.prefix)" } ?? ""
        report(Diagnostic(.error, code: "people.conflict", at: location,
                          "'\(name)' has \(what) '\(new)' here but '\(current)'\(there)",
                          value: new,
                          fix: "make the \(what) agree in both places (the people file, if given, should hold the right one)"))
    }

    private static func sharedAttributes(of members: [Person]) -> [String: String] {
        var shared: [String: String] = [:]
        var disagreeing = Set<String>()
        for person in members {
            for (key, value) in person.attributes where !disagreeing.contains(key) {
                if let existing = shared[key], NameKey.key(existing) != NameKey.key(value) {
                    shared[key] = nil
                    disagreeing.insert(key)
                } else if shared[key] == nil {
                    shared[key] = value
                }
            }
        }
        return shared
    }
}
