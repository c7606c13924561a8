import Foundation
import Testing

@testable import HandoffCore

/// SLA actuals (SPEC §3.8) against a small, obviously-correct counter written here: it walks
/// the pod's calendar minute by minute with Foundation's own calendar (no code shared with the
/// planner), over a fixture export with a weekend, a holiday and the start of summer time.
@Suite struct ActualsTests {
    static let brief = """
        segment: pilot
        goal: pipeline
        response-sla: 2h
        sla-clock: business
        launch: 2027-03-01
        timezone: America/New_York
        hours: Mon-Fri 09:00-17:00
        holidays: [2027-03-12]
        funnel:
          - stage: MQL
            definition: Score over 60
        qualification:
          - ICP fit
        volume:
          leads-per-week: 40
          handle-time: 15m
        pods:
          - name: East
            reps: 2
        routing:
          - name: EMEA
            when: region = EMEA
            assign: pod East
          - name: Inbound
            assign: pod East
        escalation:
          ladder: [Sales Manager, CRO]
          trigger: 2 breaches in 48h
        actuals:
          file: export.csv
          columns:
            created: CreatedDate
            first-touch: First_Touch__c
            pod: Owner_Pod__c
            region: Region__c

        """

    // Offsets, Salesforce's `.000+0000`, `Z` and local New York time, on both sides of
    // 2027-03-14 (summer time starts); Friday 2027-03-12 is a holiday.
    static let rows: [[String]] = [
        ["L1", "2027-03-11T16:30:00-05:00", "2027-03-15T10:00:00-04:00", "", "NA"],
        ["L2", "2027-03-11 16:30", "2027-03-15 11:00", "East", "NA"],
        ["L3", "2027-03-13T20:00:00-05:00", "2027-03-15T14:59:00Z", "", "APAC"],
        ["L4", "2027-03-15T13:00:00.000+0000", "2027-03-15T15:01:00.000+0000", "", "NA"],
        ["L5", "2027-03-15T14:00:00Z", "2027-03-15 11:30", "", "EMEA"],
        ["L6", "2027-03-16 09:00", "", "", "NA"],
        ["L7", "2027-03-16 09:30", "2027-03-16 13:00", "", "NA"],
        ["L8", "2027-03-19 16:00", "", "", "NA"],
        ["L9", "2027-03-19 16:10", "2027-03-19 16:30", "", "NA"],
        ["L10", "yesterday", "2027-03-16 10:00", "", "NA"],
        ["L11", "2027-03-16 10:00", "2027-03-16 09:00", "", "NA"],
        ["L12", "2027-03-16 10:00", "2027-03-16 10:05", "Partners", "NA"],
        ["L13", "2027-03-16 10:00", "2027-03-16T25:00", "", "NA"],
    ]
    static let header = ["Lead ID", "CreatedDate", "First_Touch__c", "Owner_Pod__c", "Region__c"]

    /// The independent counter: New York wall time through Foundation, minute by minute.
    struct Counter {
        let calendar: Calendar = {
            var c = Calendar(identifier: .gregorian)
            c.timeZone = TimeZone(identifier: "America/New_York")!
            return c
        }()
        let holiday = DateComponents(year: 2027, month: 3, day: 12)

        func date(_ text: String) -> Date? {
            let iso = ISO8601DateFormatter()
            iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let d = iso.date(from: text) { return d }
            iso.formatOptions = [.withInternetDateTime]
            if let d = iso.date(from: text.replacingOccurrences(of: ".000+0000", with: "Z")) { return d }
            let local = DateFormatter()
            local.locale = Locale(identifier: "en_US_POSIX")
            local.timeZone = calendar.timeZone
            local.dateFormat = "yyyy-MM-dd HH:mm"
            return local.date(from: text)
        }

        func working(_ t: Date) -> Bool {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .weekday], from: t)
            let weekday = c.weekday!  // 1 is Sunday
            guard weekday != 1, weekday != 7 else { return false }
            guard !(c.year == holiday.year && c.month == holiday.month && c.day == holiday.day) else { return false }
            return c.hour! >= 9 && c.hour! < 17
        }

        /// Working minutes from `a` until `b`.
        func minutes(_ a: Date, _ b: Date) -> Double {
            var n = 0.0
            var t = a
            while t < b {
                if working(t) { n += 1 }
                t += 60
            }
            return n
        }

        /// The instant 120 working minutes after `a`.
        func deadline(_ a: Date) -> Date {
            var n = 0
            var t = a
            while n < 120 {
                if working(t) { n += 1 }
                t += 60
            }
            return t
        }

        func nearestRank(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            return sorted[max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
        }
    }

    static func actuals() throws -> SLAActuals {
        let brief = try #require(TestBriefs.brief(Self.brief))
        let plan = Planner.plan(brief, asOf: TestBriefs.asOf)
        var reader = try ActualsReader(brief: brief, header: header)
        for (i, row) in rows.enumerated() { reader.add(row, line: i + 2) }
        var actuals = SLAActuals.analyse(reader, plan: plan)
        actuals.rerunWithObservedInputs(plan)
        return actuals
    }

    @Test func attainmentMediansAndTriggerWindowsMatchAnIndependentCount() throws {
        let a = try Self.actuals()
        let counter = Counter()
        // The counter's view of the usable rows: rule, created, touched.
        let good = Self.rows.prefix(9).map { row in
            (
                rule: row[4] == "EMEA" ? "EMEA" : "Inbound", created: counter.date(row[1])!,
                touched: row[2].isEmpty ? nil : counter.date(row[2])
            )
        }
        let end = good.flatMap { [$0.created] + ($0.touched.map { [$0] } ?? []) }.max()!
        var breaches: [Date] = []
        for rule in ["EMEA", "Inbound"] {
            let leads = good.filter { $0.rule == rule }
            var met = 0, missed = 0, open = 0, untouched = 0
            var waits: [Double] = []
            for lead in leads {
                if let touched = lead.touched {
                    let wait = counter.minutes(lead.created, touched)
                    waits.append(wait)
                    if wait <= 120 {
                        met += 1
                    } else {
                        missed += 1
                        breaches.append(counter.deadline(lead.created))
                    }
                } else if counter.deadline(lead.created) <= end {
                    missed += 1
                    untouched += 1
                    waits.append(.infinity)
                    breaches.append(counter.deadline(lead.created))
                } else {
                    open += 1
                }
            }
            let cell = try #require(a.cells.first { $0.rule == rule })
            #expect(cell.leads == leads.count, "\(rule)")
            #expect(cell.met == met && cell.missed == missed && cell.open == open && cell.untouched == untouched, "\(rule)")
            #expect(cell.attainment == Double(met) / Double(met + missed))
            #expect(cell.medianMinutes == counter.nearestRank(waits, 0.5), "\(rule)")
            #expect(cell.p90Minutes == counter.nearestRank(waits, 0.9), "\(rule)")
        }
        // The case itself: four breaches, and two windows of two within 48 hours, the second
        // one level higher because the first was not resolved.
        #expect(breaches.count == 4)
        breaches.sort()
        var windows: [(Date, Date, String)] = []
        var pending: [Date] = []
        for b in breaches {
            pending = pending.filter { b.timeIntervalSince($0) < 48 * 3600 } + [b]
            if pending.count >= 2 {
                let unresolved = windows.last.map { b.timeIntervalSince($0.1) < 48 * 3600 } ?? false
                windows.append((pending[0], b, unresolved ? "CRO" : "Sales Manager"))
                pending = []
            }
        }
        #expect(windows.count == 2)
        #expect(a.escalations.count == windows.count)
        for (e, w) in zip(a.escalations, windows) {
            #expect(e.start == w.0.timeIntervalSince1970 && e.end == w.1.timeIntervalSince1970)
            #expect(e.owner == w.2 && e.pod == "East" && e.breaches == 2)
        }
        #expect(a.weeks.map(\.description) == ["2027-03-08", "2027-03-15"])
    }

    @Test func everyBadRowKindIsCountedWithItsLineAndNeverFatal() throws {
        let a = try Self.actuals()
        #expect(a.rows == Self.rows.count)
        #expect(a.badRowCount == 4)
        #expect(a.badRows.map(\.line) == [11, 12, 13, 14])
        #expect(
            a.badRows.map(\.kind) == [.unreadableCreated, .touchBeforeCreation, .unknownPod, .unreadableFirstTouch])
        #expect(a.badRows[2].value == "Partners")
        #expect(a.routed == 9)
    }

    @Test func aMissingColumnNamesTheExportsHeaderAndSuggestsOne() throws {
        let brief = try #require(TestBriefs.brief(Self.brief))
        #expect(
            throws: ActualsReader.HeaderProblem.missingColumn(
                column: "region", header: "Region__c", suggestion: "Region_c", columns: ["CreatedDate", "First_Touch__c", "Region_c"])
        ) {
            _ = try ActualsReader(brief: brief, header: ["CreatedDate", "First_Touch__c", "Region_c"])
        }
        #expect(throws: ActualsReader.HeaderProblem.empty) { _ = try ActualsReader(brief: brief, header: [""]) }
    }

    @Test func timestampsWithOffsetsAndInANamedZone() {
        var t = ExportTimestamp(zone: TimeZone(identifier: "America/New_York")!)
        let utc = 1_804_150_800.0  // 2027-03-04T09:00:00Z
        #expect(t.parse("2027-03-04T09:00:00Z") == utc)
        #expect(t.parse("2027-03-04T09:00:00.000+0000") == utc)
        #expect(t.parse("2027-03-04T04:00:00-05:00") == utc)
        #expect(t.parse("2027-03-04T10:00:00+01") == utc)
        #expect(t.parse("2027-03-04 04:00") == utc)
        // Summer time: local 09:00 on 2027-03-15 is 13:00 UTC.
        #expect(t.parse("2027-03-15 09:00") == utc + 11 * 86_400 + 4 * 3600 - 9 * 3600 + 9 * 3600)
        // The skipped hour reads with the offset before it; the repeated one with the first.
        #expect(t.parse("2027-03-14 02:30") == t.parse("2027-03-14T02:30:00-05:00"))
        #expect(t.parse("2027-11-07 01:30") == t.parse("2027-11-07T01:30:00-04:00"))
        for bad in ["", "2027-02-30 10:00", "2027-03-04T24:00", "2027-03-04 10:00 PM", "04/03/2027", "2027-03-04T10:00+1"] {
            #expect(t.parse(Substring(bad)) == nil, "\(bad)")
        }
    }
}

/// A generated export from a known process: a pod working around the clock, leads arriving as
/// a Poisson process, first come first served with exponential work, simulated here with a
/// fixed seed. Its attainment falls inside the model's range; at twice the volume the model
/// disagrees and names the volume.
@Suite struct ActualsAgainstAKnownProcessTests {
    static let brief = """
        segment: known
        goal: pipeline
        response-sla: 10m
        sla-clock: calendar
        target-attainment: 80%
        launch: 2027-03-01
        timezone: UTC
        hours: Mon-Sun 00:00-24:00
        funnel:
          - stage: MQL
            definition: Score over 60
        qualification:
          - ICP fit
        volume:
          leads-per-week: 1008
          after-hours-share: 0%
          handle-time: 20m
        pods:
          - name: Desk
            reps: 3
        routing:
          - name: Inbound
            assign: pod Desk
        escalation:
          ladder: [Sales Manager]
          trigger: 2 breaches in 48h
        actuals: export.csv

        """

    /// Splitmix64, so the process is the same on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        mutating func exponential(mean: Double) -> Double { -mean * log(1 - next()) }
    }

    /// `weeks` of the process at `perHour` leads an hour: rows of created and first touch.
    static func export(perHour: Double, weeks: Int, seed: UInt64) -> [[String]] {
        var rng = Random(state: seed)
        let start = 1_803_945_600.0  // 2027-03-01T00:00:00Z, a Monday
        var free = [start, start, start]
        var t = start
        var rows: [[String]] = []
        let iso = ISO8601DateFormatter()
        while true {
            t += rng.exponential(mean: 3600 / perHour)
            let end = start + Double(weeks) * 604_800
            guard t < end else { break }
            let rep = free.indices.min { free[$0] < free[$1] }!
            let begin = max(t, free[rep])
            free[rep] = begin + rng.exponential(mean: 1200)
            // The export is pulled when the period ends: later touches are not in it yet.
            rows.append([
                iso.string(from: Date(timeIntervalSince1970: t)), begin < end ? iso.string(from: Date(timeIntervalSince1970: begin)) : "",
            ])
        }
        return rows
    }

    static func actuals(perHour: Double) throws -> SLAActuals {
        let brief = try #require(TestBriefs.brief(Self.brief))
        let plan = Planner.plan(brief, asOf: TestBriefs.asOf)
        var reader = try ActualsReader(brief: brief, header: ["created", "first-touch"])
        for (i, row) in export(perHour: perHour, weeks: 26, seed: 2027).enumerated() { reader.add(row, line: i + 2) }
        var actuals = SLAActuals.analyse(reader, plan: plan)
        actuals.rerunWithObservedInputs(plan)
        return actuals
    }

    @Test func theProcessTheBriefDescribesFallsInsideTheModelsRange() throws {
        let a = try Self.actuals(perHour: 6)
        let cell = try #require(a.cells.first)
        let model = try #require(cell.model)
        let actual = try #require(cell.attainment)
        #expect(model.agrees)
        #expect(actual >= model.expectedLow && actual <= model.expectedHigh, "\(actual) outside \(model.expectedLow)–\(model.expectedHigh)")
        #expect(model.contradictions.isEmpty && model.withObservedInputs == nil)
        #expect(abs(cell.leadsPerWeek - 1008) < 1008 * 0.05)
    }

    @Test func twiceTheVolumeIsFlaggedAndTheContradictionNamesIt() throws {
        let a = try Self.actuals(perHour: 12)
        let cell = try #require(a.cells.first)
        let model = try #require(cell.model)
        #expect(!model.agrees)
        guard case .volume(let observed, let brief)? = model.contradictions.first else {
            Issue.record("no volume contradiction: \(model.contradictions)")
            return
        }
        #expect(abs(observed / brief - 2) < 0.1)
        #expect(!model.contradictions.contains { if case .afterHours = $0 { true } else { false } })
        // Re-run at the observed volume, the model sees the collapse too.
        let rerun = try #require(model.withObservedInputs)
        #expect(rerun.attainment < model.simulated.attainment - 0.3)
        #expect(a.recentlyBelowTarget.count == 1)
    }
}
