import Testing
@testable import SNASpend

@Suite struct SpendAmountTests {
    @Test(arguments: [
        ("£1,272m", 1_272_000_000.0), ("1.3bn", 1_300_000_000), ("£57m", 57_000_000), ("140000000", 140_000_000),
        ("£2.5 million", 2_500_000), ("(2.5)", -2.5), ("(£2.5m)", -2_500_000), ("-£2.5m", -2_500_000), ("£-2.5m", -2_500_000),
        ("£140,000", 140_000), ("12k", 12_000), ("GBP 3bn", 3_000_000_000), (" £0.8bn ", 800_000_000), ("£5.7m", 5_700_000),
    ])
    func readsAmountsAsWritten(text: String, pounds: Double) {
        #expect(SpendAmount.parse(text)?.pounds == pounds)
    }

    @Test(arguments: ["", "abc", "£", "1.2.3", "1,27", "12 apples", "n/a", "-", "1,2345", "((2))", "£1,272mm", "1.", "12345,678"])
    func rejectsWhatIsNotAnAmount(text: String) {
        #expect(SpendAmount.parse(text) == nil)
    }

    @Test func bareNumbersTakeTheHeadersUnit() {
        #expect(SpendAmount.unit(inHeader: "Amount (£m)") == 1e6)
        #expect(SpendAmount.unit(inHeader: "£bn") == 1e9)
        #expect(SpendAmount.unit(inHeader: "amount") == nil)
        #expect(SpendAmount.parse("(2.5)", unit: 1e6)?.pounds == -2_500_000)
        #expect(SpendAmount.parse("7.2", unit: 1e9)?.pounds == 7_200_000_000)
    }

    @Test func precisionIsHalfTheLastDigitWritten() {
        #expect(SpendAmount.parse("7.2bn")?.precision == 50_000_000)
        #expect(SpendAmount.parse("£1.57bn")?.precision == 5_000_000)
        #expect(SpendAmount.parse("£1,272m")?.precision == 500_000)
    }

    @Test func amountsPrintAsAFinanceReportWritesThem() {
        #expect(SpendFormat.money(7_200_000_000) == "£7.2bn")
        #expect(SpendFormat.money(1_572_000_000) == "£1.57bn")
        #expect(SpendFormat.money(1_272_000_000) == "£1.27bn")
        #expect(SpendFormat.money(672_000_000) == "£672m")
        #expect(SpendFormat.money(5_700_000) == "£5.7m")
        #expect(SpendFormat.money(140_000) == "£140,000")
        #expect(SpendFormat.money(-2_500_000) == "-£2.5m")
        #expect(SpendFormat.share(0.347) == "34.7%")
    }
}
