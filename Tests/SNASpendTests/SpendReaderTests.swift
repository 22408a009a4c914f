import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SNACore
import Testing
import SNAIO
@testable import SNASpend

@Suite struct SpendReaderTests {
    @Test func readsRowsWithAnyHeaderSpelling() throws {
        let file = try SpendReader.parse(text: """
            Service provider,SeRCOP service,Amount (£m),Funding
            County Council,Adult social care,410,mainstream
            county council ,Adult social care,"1,272",
            Police,Police services,(2.5),area based grant
            """, file: "spend.csv")
        #expect(file.entries.count == 3)
        #expect(file.entries[0].amount.pounds == 410_000_000)
        #expect(file.entries[1].amount.pounds == 1_272_000_000)
        #expect(file.entries[2].amount.pounds == -2_500_000)
        #expect(file.entries[2].funding == .partnership)
        let summary = SpendSummary(file)
        #expect(summary.providers.map(\.name) == ["County Council", "Police"])
        #expect(summary.providers[0].total == 1_682_000_000)
        #expect(summary.partnership == -2_500_000)
    }

    @Test func badAmountsAreErrorsWithFileLineColumnValueAndFix() throws {
        do {
            _ = try SpendReader.parse(text: "provider,service,amount\nA,x,£12 apples\nB,y,\nC,z,1.3bn\n,w,5\n", file: "spend.csv")
            Issue.record("expected an error")
        } catch {
            let errors = error.errors
            #expect(errors.count == 3)
            #expect(errors[0].description.hasPrefix("spend.csv:2:3: error: not an amount (value: \"£12 apples\") [column \"amount\"]. Fix: write an amount"))
            #expect(errors[1].code == "spend.missing-amount" && errors[1].location?.line == 3)
            #expect(errors[2].code == "spend.missing-provider" && errors[2].location?.line == 5 && errors[2].location?.column == 1)
            #expect(error.kind == .badData)
        }
    }

    @Test func missingColumnsNameWhatToCallThem() throws {
        #expect(throws: InputError.self) { _ = try SpendReader.parse(text: "who,what\nA,B\n") }
        do { _ = try SpendReader.parse(text: "organisation,service\nA,B\n") } catch {
            #expect(error.errors.first?.code == "spend.missing-column")
            #expect(error.errors.first?.fix?.contains("provider, service and amount") == true)
        }
    }

    @Test func aStatedTotalIsCheckedToThePrecisionItIsWrittenIn() throws {
        let agrees = try SpendReader.parse(text: "provider,amount\nA,£2.53bn\nB,£4.71bn\nTotal,£7.2bn\n")
        #expect(agrees.statedTotals.count == 1 && agrees.statedTotals[0].agrees)
        #expect(agrees.warnings.isEmpty)
        #expect(agrees.entries.count == 2, "the total row is not an amount")

        let differs = try SpendReader.parse(text: "provider,amount\nA,£2.5bn\nB,£4.9bn\nTotal,£7.2bn\n", file: "s.csv")
        let warning = try #require(differs.warnings.first)
        #expect(warning.code == "spend.total-differs")
        #expect(warning.location?.line == 4)
        #expect(warning.value == "£7.2bn")
        #expect(warning.message.contains("£7.4bn") && warning.message.contains("£200m"))
    }

    @Test func aTotalCoversTheRowsThatShareItsCells() throws {
        let file = try SpendReader.parse(text: """
            provider,service,funding,amount
            DWP,Pension,,£1597m
            DWP,Other benefits,,£844m
            DWP,Total,,"£2,503m"
            Council,Schools,mainstream,£600m
            Council,ABG,partnership,£22m
            Total,,mainstream,£3.04bn
            """)
        #expect(file.statedTotals.map(\.scope) == ["DWP", "mainstream"])
        #expect(file.statedTotals[0].agrees == false, "1,597 + 844 is 2,441, not 2,503")
        #expect(file.statedTotals[1].computed == 3_041_000_000)
        #expect(file.statedTotals[1].agrees)
        #expect(file.warnings.map(\.code) == ["spend.total-differs"])
    }

    @Test func severalYearsAreAWarning() throws {
        let file = try SpendReader.parse(text: "provider,year,amount\nA,2013-14,1\nA,2014-15,2\n")
        #expect(file.warnings.map(\.code) == ["spend.several-years"])
    }

    @Test func fundingAndKindMustBeKnownWords() throws {
        do { _ = try SpendReader.parse(text: "provider,kind,funding,amount\nA,revenue,gift,1\nB,current,,2\n") } catch {
            #expect(error.errors.map(\.code) == ["spend.bad-funding", "spend.bad-kind"])
        }
    }
}

@Suite struct BundledSpendTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func summary(_ name: String) throws -> SpendSummary {
        SpendSummary(try SpendReader.read(path: Self.root.appendingPathComponent("datasets/spend/\(name)").path))
    }

    /// Seed 001 paragraph 39: £7.2bn in 2013-14, DWP £2.5bn ... academies £0.1bn.
    @Test func staffordshireComesOutAsTheSeedPrintsIt() throws {
        let s = try summary("staffordshire-2013-14.csv")
        #expect(SpendFormat.money(s.total) == "£7.2bn")
        #expect(s.providers.map(\.name) == ["Department for Work and Pensions", "National Health Service", "Staffordshire County Council",
                                            "Stoke-on-Trent City Council", "District and borough councils", "Police and Fire authorities", "Academies"])
        let unit = SpendFormat.tableUnit(for: s.providers.map(\.total))
        #expect(unit.heading == "£bn")
        #expect(s.providers.map { unit.format($0.total) } == ["2.5", "1.8", "1.3", "0.8", "0.4", "0.3", "0.1"])
        #expect(s.statedTotals.count == 1 && s.statedTotals[0].agrees)
        #expect(s.warnings.isEmpty)
    }

    /// The seed's bubble diagram: DWP £2,503m and districts £424m, each stated and added up.
    @Test func staffordshireDetailAddsUpToTheBubblesTotals() throws {
        let s = try summary("staffordshire-detail-2013-14.csv")
        #expect(s.statedTotals.map(\.computed) == [2_503_000_000, 424_000_000])
        #expect(s.statedTotals.allSatisfy { $0.agrees })
    }

    /// Seed 004 Figure 11: £1.57bn mainstream; ABG £22m and PRG £10m, "less than 2 per cent".
    @Test func warwickshireComesOutAsFigure11PrintsIt() throws {
        let s = try summary("warwickshire-2008-09.csv")
        #expect(SpendFormat.money(s.mainstream) == "£1.57bn")
        #expect(s.mainstream == 1_572_000_000)
        #expect(s.partnership == 32_000_000)
        #expect(s.partnershipShare < 0.02)
        #expect(s.statedTotals.count == 1 && s.statedTotals[0].scope == "mainstream" && s.statedTotals[0].agrees)
        #expect(s.warnings.isEmpty)
    }
}

@Suite struct BubbleDiagramTests {
    @Test func packedCirclesNeverOverlap() {
        var generator = SeededGenerator(seed: 7)
        for count in [1, 2, 3, 5, 12, 40] {
            let radii = (0..<count).map { _ in Double.random(in: 1...50, using: &generator) }.sorted(by: >)
            let circles = CirclePacking.pack(radii)
            #expect(circles.map(\.r) == radii)
            for i in circles.indices {
                for j in circles.indices where j > i {
                    let d = ((circles[i].x - circles[j].x) * (circles[i].x - circles[j].x) + (circles[i].y - circles[j].y) * (circles[i].y - circles[j].y)).squareRoot()
                    #expect(d >= circles[i].r + circles[j].r - 1e-3, "circles \(i) and \(j) of \(count) overlap")
                }
            }
        }
    }

    @Test func theSameFileGivesTheSameDiagramWithEveryProviderAndItsAmount() throws {
        let file = try SpendReader.parse(text: "provider,sector,amount\nDWP,Central,£2.5bn\nNHS,Health,£1.8bn\n\"<b>&\"\"x\",Other,£0.1bn\nRefund,Other,(1)\n")
        let a = BubbleDiagram(summary: SpendSummary(file)), b = BubbleDiagram(summary: SpendSummary(file))
        #expect(a.dot == b.dot)
        #expect(a.leftOut == ["Refund"])
        let svg = String(decoding: try a.render(as: .svg), as: UTF8.self)
        #expect(svg.contains("</svg>"))
        #expect(svg.contains("£2.5bn") && svg.contains("DWP") && svg.contains("&lt;b&gt;&amp;"))
        _ = try XMLDocument(data: Data(svg.utf8))
    }

    @Test func areaIsInProportionToSpending() throws {
        let file = try SpendReader.parse(text: "provider,amount\nA,400\nB,100\n")
        let dot = BubbleDiagram(summary: SpendSummary(file)).dot
        let widths = dot.split(separator: "\n").filter { $0.contains("  b") && $0.contains("width=") }.compactMap { line -> Double? in
            guard let range = line.range(of: "width=") else { return nil }
            return Double(line[range.upperBound...].prefix { $0 == "." || $0.isNumber })
        }
        #expect(widths.count == 2)
        #expect(abs(widths[0] / widths[1] - 2) < 0.01, "four times the money, twice the diameter")
    }
}

@Suite struct FundingDiagramTests {
    @Test func partnershipMoneyHasItsOwnBubble() throws {
        let file = try SpendReader.parse(text: "provider,funding,amount\nCouncil,mainstream,£672m\nCouncil,area based grant,£22m\nPolice,,£77m\n")
        let summary = SpendSummary(file)
        #expect(summary.providerFunding.map(\.total) == [672_000_000, 22_000_000, 77_000_000])
        let dot = BubbleDiagram(summary: summary).dot
        #expect(dot.contains("Council (partnership money)"))
        #expect(dot.contains("Partnership money"))
        #expect(!BubbleDiagram(summary: summary, colouring: .sector).dot.contains("(partnership money)"))
    }
}

@Suite struct SpendNetworkFindingsTests {
    @Test func theDerbyshireJoinNamesTheLearningAndSkillsCouncil() throws {
        let root = BundledSpendTests.root
        func path(_ name: String) -> String { root.appendingPathComponent(name).path }
        let survey = try SurveyImporter.load(path: path("datasets/derbyshire/survey.csv"),
                                             options: SurveyImportOptions(peoplePath: path("datasets/derbyshire/partners.csv")))
        let summary = SpendSummary(try SpendReader.read(path: path("datasets/spend/derbyshire-illustrative.csv")))
        let aliases = try CSVReader.read(path: path("datasets/spend/derbyshire-aliases.csv"))
        let join = SpendNetworkFindings(summary: summary, network: survey.network, survey: "survey.csv", aliases: aliases)
        #expect(join.unmatched.map(\.provider) == ["Department for Work and Pensions"])
        #expect(abs(join.unmatchedShare - 150.0 / 523) < 1e-12)
        #expect(join.matches.first { $0.provider == "Derbyshire PCT" }?.organisation == "Derbyshire County Primary Care Trust")
        #expect(join.absentProviders["decision-making"] == ["Learning and Skills Council Derbyshire", "Derby College", "Chesterfield College"])
        let first = try #require(join.findings.first)
        #expect(first.kind == "big-spender-absent" && first.provider == "Learning and Skills Council Derbyshire" && first.theme == "decision-making")
        #expect(join.findings.contains { $0.kind == "shared-customers-no-ties" })
        // Without the aliases file the PCT is not found.
        let plain = SpendNetworkFindings(summary: summary, network: survey.network, survey: "survey.csv")
        #expect(plain.unmatched.map(\.provider) == ["Department for Work and Pensions", "Derbyshire PCT"])
    }
}
