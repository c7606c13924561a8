import HandoffCore

extension PacketJSON {
    /// `actuals` (SPEC §3.8): the export's figures beside the model's. Fractions from 0 to 1;
    /// first-touch times in minutes of the channel's clock (working minutes on the business
    /// clock), null when the leads were never touched; instants as seconds since 1970 UTC.
    public struct Actuals: Encodable, Sendable {
        public var file: String
        public var rows: Int
        /// Rows a rule sends to a pod with a first-touch SLA.
        public var routed: Int
        public var unmatched: Int
        /// Rows for named owners and queues without a first-touch SLA.
        public var outsideSla: Int
        public var badRows: Int
        /// The first rows left out, with their CSV line.
        public var badRowList: [BadRow]
        /// The Monday each week starts (the brief's zone).
        public var weeks: [String]
        public var weeksObserved: Double
        public var leadsPerWeek: Double
        public var afterHoursShare: Double
        /// Leads a week per hour of the week, Monday 00:00 first, in the brief's zone (168).
        public var hourOfWeek: [Double]
        public var cells: [Cell]
        public var pods: [Pod]
        public var acceptance: Acceptance
        /// How many windows reached the escalation trigger.
        public var escalationCount: Int
        /// The windows in which breaches reached the escalation trigger: the first 500.
        public var escalations: [Escalation]
        /// Windows per week, one entry a week.
        public var escalationsPerWeek: [Int]
        /// Channels at pods whose last four weeks fall below target (`check --strict` fails).
        public var belowTargetLastFourWeeks: [String]

        public struct BadRow: Encodable, Sendable {
            public var line: Int
            public var problem: String
            public var value: String
        }

        public struct Cell: Encodable, Sendable {
            public var rule: String
            public var pod: String
            public var responseSlaMinutes: Double
            public var clock: String
            public var target: Double
            public var leads: Int
            public var met: Int
            public var missed: Int
            /// SLA still running when the export ends: in no share.
            public var open: Int
            public var untouched: Int
            /// Null when no lead's SLA has run out.
            public var attainment: Double?
            /// Wilson 95%.
            public var attainmentInterval: [Double]
            public var medianFirstTouchMinutes: Double?
            public var p90FirstTouchMinutes: Double?
            public var leadsPerWeek: Double
            public var afterHoursShare: Double
            public var lastFourWeeksAttainment: Double?
            /// Per week: leads arrived, met, and decided (met or missed).
            public var weekly: [Week]
            /// Null when the model has no figure for this channel at this pod.
            public var model: Model?
        }

        public struct Week: Encodable, Sendable {
            public var week: String
            public var leads: Int
            public var met: Int
            public var decided: Int
        }

        public struct Model: Encodable, Sendable {
            public var simulatedAttainment: Double
            public var simulatedAttainmentInterval: [Double]
            /// Where an export this long falls 95% of the time if the model is right.
            public var expectedRange: [Double]
            public var agrees: Bool
            /// The inputs the export contradicts: `volume` (leads a week) or `afterHoursShare`.
            public var contradictions: [Contradiction]
            /// The model re-run with the export's volume and after-hours share; null when it agrees.
            public var withObservedInputs: Figure?
        }

        public struct Contradiction: Encodable, Sendable {
            public var input: String
            public var observed: Double
            public var brief: Double
        }

        public struct Figure: Encodable, Sendable {
            public var simulatedAttainment: Double
            public var simulatedAttainmentInterval: [Double]
        }

        public struct Pod: Encodable, Sendable {
            public var name: String
            public var target: Double
            public var leads: Int
            public var attainment: Double?
            public var lastFourWeeksAttainment: Double?
            /// The model's mean and the range one week falls in if it is right.
            public var modelAttainment: Double?
            public var modelWeekRange: [Double]?
            public var weekly: [Week]
        }

        public struct Acceptance: Encodable, Sendable {
            public var leads: Int
            public var accepted: Int
            public var acceptanceRate: Double
            public var rejected: Int
            public var reasons: [Reason]
            public var recycled: Int
            public var recycleRate: Double
        }

        public struct Reason: Encodable, Sendable {
            public var reason: String
            public var leads: Int
        }

        public struct Escalation: Encodable, Sendable {
            public var pod: String
            public var firstBreach: Double
            public var lastBreach: Double
            public var breaches: Int
            public var level: Int
            public var owner: String
            public var week: String
        }

        /// A file a million leads long can hold tens of thousands of windows; the counts per week
        /// carry them all.
        static let listedEscalations = 500

        init(_ a: SLAActuals, plan: HandoffPlan) {
            func week(_ w: SLAActuals.Week) -> Week { Week(week: w.start.description, leads: w.leads, met: w.met, decided: w.decided) }
            func minutes(_ m: Double) -> Double? { m.isFinite ? m : nil }
            file = a.file
            rows = a.rows
            routed = a.routed
            unmatched = a.unmatched
            outsideSla = a.outsideSLA
            badRows = a.badRowCount
            badRowList = a.badRows.map { BadRow(line: $0.line, problem: $0.kind.rawValue, value: $0.value) }
            weeks = a.weeks.map(\.description)
            weeksObserved = a.weeksObserved
            leadsPerWeek = a.leadsPerWeek
            afterHoursShare = a.afterHoursShare
            hourOfWeek = a.hourOfWeek
            cells = a.cells.map { c in
                Cell(
                    rule: c.rule, pod: c.pod, responseSlaMinutes: Double(c.responseSLA.clockSeconds) / 60, clock: c.clock.rawValue,
                    target: c.target, leads: c.leads, met: c.met, missed: c.missed, open: c.open, untouched: c.untouched,
                    attainment: c.attainment, attainmentInterval: [c.low, c.high],
                    medianFirstTouchMinutes: c.leads > c.open ? minutes(c.medianMinutes) : nil,
                    p90FirstTouchMinutes: c.leads > c.open ? minutes(c.p90Minutes) : nil, leadsPerWeek: c.leadsPerWeek,
                    afterHoursShare: c.afterHoursShare, lastFourWeeksAttainment: c.recentAttainment, weekly: c.weeks.map(week),
                    model: c.model.map { m in
                        Model(
                            simulatedAttainment: m.simulated.attainment, simulatedAttainmentInterval: [m.simulated.low, m.simulated.high],
                            expectedRange: [m.expectedLow, m.expectedHigh], agrees: m.agrees,
                            contradictions: m.contradictions.map { k in
                                switch k {
                                case .volume(let observed, let brief): Contradiction(input: "volume", observed: observed, brief: brief)
                                case .afterHours(let observed, let brief):
                                    Contradiction(input: "afterHoursShare", observed: observed, brief: brief)
                                }
                            },
                            withObservedInputs: m.withObservedInputs.map {
                                Figure(simulatedAttainment: $0.attainment, simulatedAttainmentInterval: [$0.low, $0.high])
                            })
                    })
            }
            pods = a.pods.map { p in
                Pod(
                    name: p.pod, target: p.target, leads: p.leads, attainment: p.attainment, lastFourWeeksAttainment: p.recentAttainment,
                    modelAttainment: p.modelMean, modelWeekRange: p.weekLow.flatMap { low in p.weekHigh.map { [low, $0] } },
                    weekly: p.weeks.map(week))
            }
            let x = a.acceptance
            let n = Double(max(x.leads, 1))
            acceptance = Acceptance(
                leads: x.leads, accepted: x.accepted, acceptanceRate: Double(x.accepted) / n, rejected: x.rejected,
                reasons: x.reasons.map { Reason(reason: $0.reason, leads: $0.count) }, recycled: x.recycled,
                recycleRate: Double(x.recycled) / n)
            escalationCount = a.escalations.count
            escalations = a.escalations.prefix(Self.listedEscalations).map { e in
                Escalation(
                    pod: e.pod, firstBreach: e.start, lastBreach: e.end, breaches: e.breaches, level: e.level, owner: e.owner,
                    week: a.weeks[e.week].description)
            }
            var perWeek = Array(repeating: 0, count: a.weeks.count)
            for e in a.escalations { perWeek[e.week] += 1 }
            escalationsPerWeek = perWeek
            belowTargetLastFourWeeks = a.recentlyBelowTarget.map { "\($0.pod) (\($0.rule))" }
        }
    }
}
