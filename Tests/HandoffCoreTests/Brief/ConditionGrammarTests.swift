import Testing

@testable import HandoffCore

/// The condition grammar is strict: a field, one operator, its operand. Anything else is an
/// error that lists the operators, never a guess.
@Suite("Condition grammar")
struct ConditionGrammarTests {
    @Test(arguments: [
        ("region = EMEA", ConditionAtom.Test.equals("EMEA")),
        ("region=EMEA", .equals("EMEA")),
        ("region != EMEA", .notEquals("EMEA")),
        ("employees >= 5000", .greaterOrEqual(5000)),
        ("employees>5000", .greater(5000)),
        ("employees <= 10", .lessOrEqual(10)),
        ("employees < 10.5", .less(10.5)),
        ("country in [US, CA]", .isIn(["US", "CA"])),
        ("country not in [US, CA]", .notIn(["US", "CA"])),
        ("account.owner is set", .isSet),
        ("account.owner is not set", .isNotSet),
        ("lead-source = partner referral", .equals("partner referral")),
    ])
    func accepts(_ text: String, _ test: ConditionAtom.Test) throws {
        let atom = try ConditionAtom.parse(text).get()
        #expect(atom.test == test)
    }

    @Test(arguments: [
        ("region === EMEA", "write one operator"),
        ("region == EMEA", "write one operator"),
        ("region = <x>", "write one operator"),
        ("region =< 5", "write one operator"),
        ("region EMEA", "'EMEA' after 'region' is not an operator"),
        ("region equals EMEA", "'equals' after 'region' is not an operator"),
        ("region", "has no operator"),
        ("country not [US]", "'not' after 'country' is not an operator"),
        ("region in EMEA", "'in' takes a list in brackets"),
        ("region is", "'is' after 'region' is not an operator"),
        ("employees >= many", "'many' is not a number"),
        ("= EMEA", "does not start with a lead field name"),
        ("region in [a, ]", "empty item"),
    ])
    func rejects(_ text: String, _ message: String) {
        switch ConditionAtom.parse(text) {
        case .success(let atom): Issue.record("accepted '\(text)' as \(atom)")
        case .failure(let error):
            #expect(error.message.contains(message), "\(text): \(error.message)")
            if message.contains("not an operator") || message.contains("no operator") || message.contains("one operator") {
                #expect(error.message.contains("=, !=, >=, >, <=, <, in [a, b], not in [a, b], is set, is not set"))
            }
        }
    }

    @Test func aMalformedConditionIsReportedAtItsValue() {
        let yaml = TestBriefs.base.replacingOccurrences(of: "when: region = EMEA", with: "when: region == EMEA")
        let (brief, diagnostics) = TestBriefs.decode(yaml)
        #expect(brief == nil)
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("region == EMEA") }! + 1
        #expect(diagnostics.errors.map(\.location.line) == [line])
        #expect(diagnostics.errors.first?.location.column == 11)
    }
}
