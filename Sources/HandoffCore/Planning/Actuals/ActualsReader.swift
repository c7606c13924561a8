import Foundation

/// Reads an export of lead events row by row (SPEC §3.8): finds Handoff's columns in the export's
/// header, routes each row with the brief's rules compiled against that header, and keeps a
/// compact record of it; a row that cannot be read is counted and the first ones kept with their
/// line, never fatal. Pure: the build driver streams the file's rows in.
public struct ActualsReader: Sendable {
    /// Why the export cannot be read at all (a located error at the brief's `actuals:`).
    public enum HeaderProblem: Error, Sendable, Hashable {
        /// A column Handoff needs is not in the header.
        /// `header` is the name looked for (the brief's mapping, else Handoff's); `columns` the
        /// export's own.
        case missingColumn(column: String, header: String, suggestion: String?, columns: [String])
        /// The file has no header row.
        case empty
    }

    /// A row that could not be used.
    public struct BadRow: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case unreadableCreated = "unreadable created time"
            case unreadableFirstTouch = "unreadable first-touch time"
            case touchBeforeCreation = "first touch before creation"
            case unknownPod = "unknown pod"
        }
        public var line: Int
        public var kind: Kind
        /// The offending value.
        public var value: String
    }

    /// One routed row: when it arrived and was touched (infinity: not yet), its rule and pod
    /// (−1: none), and what sales did with it.
    struct Record: Sendable {
        var created: Double
        var touched: Double
        var rule: Int32
        var pod: Int32
        var accepted: Bool
        var recycled: Bool
        /// Index into `reasons`; −1: not rejected.
        var reason: Int32
    }

    let brief: Brief
    var rules: CompiledRules
    /// Column index of each of Handoff's columns (nil: absent).
    let created: Int
    let touch: Int?
    let podColumn: Int?
    let accepted: Int?
    let rejected: Int?
    let recycled: Int?
    var timestamps: ExportTimestamp
    let podIndex: [String: Int]
    var podCalendars: [(hours: WeeklyHours, zone: HourlyOffsets)]

    var records: [Record] = []
    public private(set) var rows = 0
    public private(set) var badRows: [BadRow] = []
    public private(set) var badCounts: [BadRow.Kind: Int] = [:]
    /// Rows no rule matched.
    public private(set) var unmatched = 0
    var reasons: [String] = []
    var reasonIndex: [String: Int32] = [:]
    /// The latest time the export mentions: what "not yet touched" is measured against.
    var exportEnd = -Double.infinity

    /// Bad rows listed with their line; the rest are counted.
    public static let listedBadRows = 20

    /// Finds the columns. `header` is the export's first row.
    public init(brief: Brief, header: [String]) throws(HeaderProblem) {
        guard header.contains(where: { !$0.isEmpty }) else { throw .empty }
        self.brief = brief
        let mapping = brief.actuals?.columns ?? [:]
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        func column(_ name: String) -> Int? {
            let wanted = mapping[name] ?? name
            return names.firstIndex { $0.caseInsensitiveCompare(wanted) == .orderedSame }
        }
        func required(_ name: String) throws(HeaderProblem) -> Int {
            if let c = column(name) { return c }
            let wanted = mapping[name] ?? name
            throw .missingColumn(
                column: name, header: wanted, suggestion: DidYouMean.suggestion(for: wanted, among: names),
                columns: names.filter { !$0.isEmpty })
        }
        created = try required("created")
        touch = column("first-touch")
        podColumn = column("pod")
        accepted = column("accepted")
        rejected = column("rejected-reason")
        recycled = column("recycled")
        // Every lead field a condition reads must be there, or rows would route wrongly.
        var fields: [String: Int] = [:]
        for field in brief.routing.flatMap(\.condition.fields) where fields[field] == nil { fields[field] = try required(field) }
        let zone = TimeZone(identifier: brief.actuals?.timezone ?? brief.timezone) ?? TimeZone(secondsFromGMT: 0)!
        timestamps = ExportTimestamp(zone: zone)
        rules = CompiledRules(brief: brief, columns: fields)
        podIndex = Dictionary(brief.pods.enumerated().map { ($1.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        podCalendars = brief.pods.map { pod in
            (brief.hours(of: pod), HourlyOffsets(TimeZone(identifier: pod.timezone ?? brief.timezone) ?? TimeZone(secondsFromGMT: 0)!))
        }
    }

    /// Takes one data row; `line` is its line in the file (the header is line 1).
    public mutating func add(_ fields: [String], line: Int) {
        rows += 1
        func field(_ c: Int?) -> Substring? {
            guard let c, c < fields.count else { return nil }
            let v = fields[c].trimmedSpaces
            return v.isEmpty ? nil : Substring(v)
        }
        guard let createdText = field(created), let arrived = timestamps.parse(createdText) else {
            return bad(.unreadableCreated, field(created).map(String.init) ?? "", line)
        }
        var touched = Double.infinity
        if let t = field(touch) {
            guard let value = timestamps.parse(t) else { return bad(.unreadableFirstTouch, String(t), line) }
            guard value >= arrived else { return bad(.touchBeforeCreation, String(t), line) }
            touched = value
        }
        var pod: Int32 = -1
        if let named = field(podColumn) {
            guard let p = podIndex[named.lowercased()] else { return bad(.unknownPod, String(named), line) }
            pod = Int32(p)
        }
        exportEnd = max(exportEnd, arrived, touched.isFinite ? touched : arrived)
        guard let rule = rules.first(matching: fields, arrival: arrived) else {
            unmatched += 1
            return
        }
        if pod < 0 { pod = Int32(routerPod(rule: rule, at: arrived)) }
        var reason: Int32 = -1
        if let r = field(rejected) {
            let text = String(r)
            if let known = reasonIndex[text] {
                reason = known
            } else {
                reason = Int32(reasons.count)
                reasonIndex[text] = reason
                reasons.append(text)
            }
        }
        records.append(
            Record(
                created: arrived, touched: touched, rule: Int32(rule), pod: pod, accepted: Self.yes(field(accepted)),
                recycled: Self.yes(field(recycled)), reason: reason))
    }

    /// A cell that says something happened: a time, `yes`, `true`, `1`, a status such as
    /// `Accepted`; not empty, `no`, `false`, `0`, or a CRM's word for the opposite.
    static func yes(_ value: Substring?) -> Bool {
        guard let v = value?.lowercased() else { return false }
        return !["no", "false", "0", "n", "rejected", "not accepted", "unqualified", "disqualified"].contains(v)
    }

    mutating func bad(_ kind: BadRow.Kind, _ value: String, _ line: Int) {
        badCounts[kind, default: 0] += 1
        if badRows.count < Self.listedBadRows { badRows.append(BadRow(line: line, kind: kind, value: String(value.prefix(60)))) }
    }

    /// The pod a rule gives a lead without a `pod` column: its pod; for a rotation, the first of
    /// its pods working when the lead arrived (the router skips closed pods), else the first.
    mutating func routerPod(rule r: Int, at t: Double) -> Int {
        let names: [String]
        switch brief.routing[r].assignment {
        case .pod(let name): names = [name]
        case .accountOwner(let name?): names = [name]
        case .roundRobin(let list): names = list
        case .accountOwner(nil), .owner, .queue: return -1
        }
        let pods = names.compactMap { podIndex[$0.lowercased()] }
        for p in pods where podCalendars[p].hours.contains(minuteOfWeek: podCalendars[p].zone.minuteOfWeek(t)) { return p }
        return pods.first ?? -1
    }
}
