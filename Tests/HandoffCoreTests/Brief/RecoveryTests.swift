import Testing

@testable import HandoffCore

/// One run reports every independent mistake: syntax, then schema, then cross-references.
@Suite("Reporting every mistake at once")
struct RecoveryTests {
    /// A mistake made to the test brief, and a phrase its diagnostic must carry.
    struct Mistake: Sendable, CustomStringConvertible {
        var name: String
        var edit: @Sendable (String) -> String
        var expected: String
        var description: String { name }
    }

    static func replace(_ old: String, _ new: String) -> @Sendable (String) -> String {
        { text in
            precondition(text.contains(old), "fixture lost '\(old)'")
            return text.replacingOccurrences(of: old, with: new)
        }
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "anchor", edit: replace("segment: test\n", "segment: test\nowner: &who Dana\n"), expected: "anchors ('&')"),
        Mistake(
            name: "tab", edit: replace("qualification:\n  - ICP fit\n", "qualification:\n  - ICP fit\n\t- Budget\n"),
            expected: "tab in indentation"),
        Mistake(name: "unknown key", edit: { $0 + "colour: red\n" }, expected: "unknown key 'colour'"),
        Mistake(name: "bad duration", edit: replace("response-sla: 2h", "response-sla: soon"), expected: "'soon' is not a duration"),
        Mistake(name: "missing key", edit: replace("goal: pipeline\n", ""), expected: "missing required key 'goal'"),
        Mistake(name: "unknown pod", edit: replace("assign: pod East", "assign: pod Eats"), expected: "names pod 'Eats'"),
        Mistake(name: "bad condition", edit: replace("when: region = EMEA", "when: region == EMEA"), expected: "write one operator"),
        Mistake(name: "bad reps", edit: replace("reps: 2", "reps: two"), expected: "'two' is not a whole number"),
    ]

    /// Pairs that are not independent: a broken pod hides which pods exist, so a reference to
    /// a pod is not checked (it may name the broken one).
    static let dependent: Set<String> = ["unknown pod+bad reps"]

    static func messages(_ yaml: String) -> [String] {
        let (brief, diagnostics) = TestBriefs.decode(yaml)
        #expect(brief == nil)
        return diagnostics.errors.map(\.message)
    }

    @Test func fiveMistakesOfFiveKindsAllReported() {
        let chosen = ["anchor", "unknown key", "bad duration", "missing key", "unknown pod"]
        var yaml = TestBriefs.base
        for m in Self.mistakes where chosen.contains(m.name) { yaml = m.edit(yaml) }
        let found = Self.messages(yaml)
        for m in Self.mistakes where chosen.contains(m.name) {
            #expect(found.contains { $0.contains(m.expected) }, "\(m.name) not reported: \(found)")
        }
        #expect(found.count == 5, "\(found)")
    }

    static var pairs: [(Mistake, Mistake)] {
        var result: [(Mistake, Mistake)] = []
        for (i, a) in mistakes.enumerated() {
            for b in mistakes[(i + 1)...] where !dependent.contains("\(a.name)+\(b.name)") { result.append((a, b)) }
        }
        return result
    }

    @Test(arguments: pairs)
    func bothOfAPairReported(_ a: Mistake, _ b: Mistake) {
        let found = Self.messages(b.edit(a.edit(TestBriefs.base)))
        #expect(found.contains { $0.contains(a.expected) }, "\(a.name) hidden by \(b.name): \(found)")
        #expect(found.contains { $0.contains(b.expected) }, "\(b.name) hidden by \(a.name): \(found)")
    }

    @Test func eachMistakeAloneIsReportedOnce() {
        for m in Self.mistakes {
            let found = Self.messages(m.edit(TestBriefs.base))
            #expect(found.count == 1 && found[0].contains(m.expected), "\(m.name): \(found)")
        }
    }

    /// A pod whose reps do not read still has its name: a misspelt pod in a rule is reported
    /// in the same run (a new user fixed three mistakes before the fourth appeared).
    @Test func aBrokenPodStillLetsReferencesToPodsBeChecked() {
        let yaml = TestBriefs.base.replacingOccurrences(of: "reps: 2", with: "reps: two")
            .replacingOccurrences(of: "assign: pod East", with: "assign: pod Eats")
        let found = Self.messages(yaml)
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.contains("'two' is not a whole number") }, "\(found)")
        #expect(found.contains { $0.contains("names pod 'Eats'") && $0.contains("did you mean 'East'") }, "\(found)")
    }

    /// A tab breaks a pod's line; the rule's misspelt pod is still reported, and a name that may
    /// stand on the broken line is not (it may be defined there).
    @Test func aTabInAPodDoesNotHideAnUnknownPod() {
        let tabbed = TestBriefs.base.replacingOccurrences(of: "    reps: 4", with: "\treps: 4")
        let found = Self.messages(tabbed.replacingOccurrences(of: "assign: pod East", with: "assign: pod Eest"))
        #expect(found.contains { $0.contains("tab") }, "\(found)")
        #expect(found.contains { $0.contains("names pod 'Eest'") }, "\(found)")
        let lostName = TestBriefs.base.replacingOccurrences(of: "  - name: West", with: "\t- name: West")
        let quiet = Self.messages(lostName)
        #expect(quiet.contains { $0.contains("tab") }, "\(quiet)")
        #expect(!quiet.contains { $0.contains("names pod 'West'") }, "West may be on the broken line: \(quiet)")
    }

    /// The brief with five independent mistakes: one `check` reports all five.
    @Test func fiveMistakesInOneRun() {
        let yaml = TestBriefs.replacing([
            "segment": "segment: test\ntarget-attainment: 95",
            "volume": "volume:\n  leads-per-week: 200\n  handle-time: 15",
            "pods": "pods:\n  - name: East\n    reps: four\n  - name: West\n    reps: 2\n    shrinkage: 20",
            "routing":
                "routing:\n  - name: EMEA\n    when: region = EMEA\n    assign: pod East\n  - name: Rest\n    assign: round-robin East, Wset",
        ])
        let found = Self.messages(yaml)
        for expected in [
            "'95' is not a percentage", "'15' is not a duration", "'four' is not a whole number", "'20' is not a percentage",
            "names pod 'Wset'",
        ] {
            #expect(found.contains { $0.contains(expected) }, "\(expected): \(found)")
        }
        #expect(found.count == 5, "\(found)")
    }
}
