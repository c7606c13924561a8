import Testing

@testable import HandoffCore

@Suite("Brief scalar types")
struct BriefValueTests {
    @Test(arguments: [
        ("15m", 0, 0, 15), ("2h", 0, 2, 0), ("1h30m", 0, 1, 30), ("1d", 1, 0, 0), ("2d4h", 2, 4, 0),
    ])
    func durations(_ text: String, _ d: Int, _ h: Int, _ m: Int) {
        #expect(ResponseDuration(parsing: text) == ResponseDuration(days: d, hours: h, minutes: m))
    }

    @Test(arguments: ["", "2", "h", "30m2h", "1h1h", "1.5h", "2 h", "-1h", "1w"])
    func badDurations(_ text: String) {
        #expect(ResponseDuration(parsing: text) == nil)
    }

    @Test func percentsAreExact() {
        #expect(Percent(parsing: "85%")?.basisPoints == 8500)
        #expect(Percent(parsing: "85.5%")?.basisPoints == 8550)
        #expect(Percent(parsing: "0.25%")?.basisPoints == 25)
        #expect(Percent(parsing: "100%")?.basisPoints == 10_000)
        for bad in ["101%", "85", "85.555%", "-5%", "%", "8 5%", "1e2%"] { #expect(Percent(parsing: bad) == nil, "\(bad)") }
        #expect(Percent(basisPoints: 8550).description == "85.5%")
        #expect(Percent(basisPoints: 805).description == "8.05%")
    }

    @Test func hours() throws {
        let h = try WeeklyHours.parse("Mon-Thu 08:00-18:00; Fri 08:00-14:00").get()
        #expect(h.weeklyHours == 46)
        #expect(h.openDayCount == 5)
        #expect(h.days[5].isEmpty && h.days[6].isEmpty)
        let split = try WeeklyHours.parse("Mon,Wed 09:00-12:00; Mon,Wed 13:00-17:00").get()
        #expect(split.weeklyHours == 14)
        for bad in [
            "Mon-Fri", "Fri-Mon 09:00-17:00", "Mon-Fri 17:00-09:00", "Mon-Fri 9:00-17:00", "Xyz 09:00-10:00",
            "Mon 09:00-12:00; Mon 11:00-13:00", "Mon 09:00-25:00",
        ] {
            #expect((try? WeeklyHours.parse(bad).get()) == nil, "\(bad)")
        }
    }

    /// What a new user wrote, and what the message must say to get them to the fix.
    @Test(arguments: [
        ("Mon\u{2013}Fri 08:00-18:00", "en dash", "'Mon-Fri 08:00-18:00'"),
        ("Mon-Fri 08:00\u{2014}18:00", "em dash", "'Mon-Fri 08:00-18:00'"),
        ("Mon-Fri 06:00-16:00, Sat 08:00-12:00", "join them with ';'", "'Mon-Fri 06:00-16:00; Sat 08:00-12:00'"),
        ("Mon-Fri 6:00-16:00", "two digits", "'06:00-16:00'"),
        ("Mon-Fri 9:00-7:00", "two digits", "'09:00-07:00'"),
    ])
    func hoursMistakesSayHowToFixThem(_ text: String, _ says: String, _ fix: String) {
        guard case .failure(let error) = WeeklyHours.parse(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.message.contains(says), "\(error.message)")
        #expect(error.message.contains(fix), "\(error.message)")
    }

    @Test func dates() {
        let leap = CalendarDate(parsing: "2028-02-29")
        #expect(leap != nil)
        #expect(CalendarDate(parsing: "2027-02-29") == nil)
        #expect(CalendarDate(parsing: "2027-1-5") == nil)
        #expect(CalendarDate(parsing: "2028-03-01")?.adding(days: -1) == leap)
        #expect(CalendarDate(year: 2027, month: 1, day: 11)?.weekday == 1)
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CalendarDate(daysSinceEpoch: 20_000).description == "2024-10-04")
    }

    @Test func conditions() throws {
        let c = try Condition.parse("region = EMEA and employees >= 5000 and industry in [Retail, Banking] and account.owner is not set")
            .get()
        #expect(c.atoms.count == 4)
        #expect(c.fields == ["region", "employees", "industry", "account.owner"])
        #expect(c.matches(Lead(["region": "emea", "employees": "6000", "industry": "banking"])))
        #expect(!c.matches(Lead(["region": "EMEA", "employees": "4999", "industry": "Retail"])))
        #expect(!c.matches(Lead(["region": "EMEA", "employees": "6000", "industry": "Retail", "account.owner": "Kim"])))
        #expect(try Condition.parse("score != 5").get().matches(Lead()))
        for bad in ["region", "employees >= many", "region in EMEA", "= x", "a = 1 and", "region in [a, ]"] {
            #expect((try? Condition.parse(bad).get()) == nil, "\(bad)")
        }
    }

    @Test func assignments() throws {
        #expect(try Assignment.parse("round-robin East, West", pod: nil).get() == .roundRobin(["East", "West"]))
        #expect(try Assignment.parse("account-owner", pod: "AEs").get() == .accountOwner(pod: "AEs"))
        #expect(try Assignment.parse("pod Account Executives", pod: nil).get() == .pod("Account Executives"))
        #expect(try Assignment.parse("owner Sofia Marin", pod: nil).get() == .owner("Sofia Marin"))
        #expect((try? Assignment.parse("queue Support", pod: nil).get()) == .queue("Support"))
        #expect((try? Assignment.parse("queues East", pod: nil).get()) == nil)
        #expect((try? Assignment.parse("queue ", pod: nil).get()) == nil)
    }
}

@Suite("Starter brief")
struct StarterBriefTests {
    @Test(arguments: [
        ("smb", "SMB inbound"), ("inbound", "Inbound"), ("mid-market", "Mid-market inbound"), ("emea-partners", "EMEA partners inbound"),
        ("enterprise-inbound", "Enterprise inbound"), ("plg", "PLG inbound"),
    ])
    func titleFromTheSlug(_ slug: String, _ title: String) throws {
        #expect(StarterBrief.title(for: slug) == title)
        let brief = try #require(TestBriefs.brief(StarterBrief.text(segment: slug)))
        #expect(brief.title == title)
    }

    /// Hours the advice writes (a shift past midnight, a day with two parts, days apart) read
    /// back as the same hours: the plan's table can be pasted into a brief.
    @Test func writtenHoursReadBack() throws {
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<500 {
            var days = Array(repeating: [WeeklyHours.ClosedOpenMinutes](), count: 7)
            for d in 0..<7 where next(3) > 0 {
                let a = next(48) * 30, b = next(48) * 30 + 30
                guard a != b else { continue }
                days[d].append(.init(start: min(a, b), end: max(a, b)))
                if next(3) == 0 { days[d].append(.init(start: 1380, end: 1440)) }
            }
            let hours = WeeklyHours(days: days)
            guard hours.weeklyHours > 0 else { continue }
            let parsed = try WeeklyHours.parse(hours.text).get()
            #expect(parsed.days == hours.days, "\(hours.text)")
        }
        #expect(WeeklyHours.splitAtMidnight("Mon-Fri 22:00-06:00") == "Mon-Fri 22:00-24:00; Tue-Sat 00:00-06:00")
        #expect(WeeklyHours.splitAtMidnight("Sat-Sun 17:00-01:00") == "Sat-Sun 17:00-24:00; Sun,Mon 00:00-01:00")
        #expect(WeeklyHours.splitAtMidnight("Mon-Fri 09:00-17:00") == nil)
    }
}
