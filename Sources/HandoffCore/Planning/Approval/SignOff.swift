/// One version of a brief as the plan records know it: its digest, the day it was recorded
/// (UTC) and its planning inputs when the record carries them.
public struct RecordedVersion: Sendable, Hashable {
    public var version: String
    public var recordedOn: CalendarDate
    public var inputs: InputFields?

    public init(version: String, recordedOn: CalendarDate, inputs: InputFields?) {
        self.version = version
        self.recordedOn = recordedOn
        self.inputs = inputs
    }
}

/// A decision on the approvals list bound to the brief version it was made on (SPEC §3.7).
public struct SignOff: Sendable, Hashable {
    /// How the approved version was found.
    public enum Placement: Sendable, Hashable {
        /// Still pending: nothing to bind.
        case pending
        /// `version:` on the approval.
        case pinned
        /// The version current on the approval's date, from the plan records.
        case byDate
        /// No record can say which version it was.
        case unplaced(Unplaced)
    }

    /// Why no version could be found for a decision.
    public enum Unplaced: Sendable, Hashable {
        case noDate
        /// The segment has no plan record yet: nothing says which version was current then.
        case noRecord
        /// Dated before the first record of the segment.
        case beforeFirstRecord(first: CalendarDate)
        /// Several versions were current on its date.
        case severalVersionsThatDay(versions: [String])
    }

    public var approval: Brief.Approval
    public var placement: Placement
    /// The version decided on; nil when pending or unplaced.
    public var version: String?
    /// A decision on a version other than the current one.
    public var isStale: Bool
    /// The planning inputs changed since the version decided on; nil when that version's
    /// inputs are not in any record.
    public var changesSince: [InputChange]?

    /// A decision that counts for the current version.
    public var isCurrent: Bool { version != nil && !isStale }

    /// A decision that no record can tie to a version (pending ones are not decisions).
    public var isUnplaced: Bool {
        if case .unplaced = placement { return true }
        return false
    }

    /// An approval that cannot count until it names its version.
    public var isUnplacedApproval: Bool { isUnplaced && approval.status == .approved }

    /// Binds each decision to a version: its `version:`, else the one current on its date.
    /// `history` is the segment's recorded versions in time order; the current version counts
    /// as recorded on `asOf` when no record has it yet (the build about to write one).
    public static func place(
        _ approvals: [Brief.Approval], current: String, currentInputs: InputFields, history: [RecordedVersion],
        asOf: CalendarDate
    ) -> [SignOff] {
        var timeline = history
        if !history.contains(where: { $0.version == current }) {
            timeline.append(RecordedVersion(version: current, recordedOn: asOf, inputs: currentInputs))
        }
        // In day order, keeping the records' order within a day.
        timeline = timeline.enumerated().sorted { ($0.element.recordedOn, $0.offset) < ($1.element.recordedOn, $1.offset) }
            .map(\.element)
        return approvals.map { approval in
            var signOff = SignOff(approval: approval, placement: .pending, version: nil, isStale: false, changesSince: nil)
            guard approval.status != .pending else { return signOff }
            if let pinned = approval.version {
                signOff.placement = .pinned
                signOff.version = pinned
            } else if let date = approval.date {
                switch versions(on: date, in: timeline) {
                case .one(let version):
                    signOff.placement = .byDate
                    signOff.version = version
                case .unplaced(.beforeFirstRecord) where history.isEmpty:
                    // The "first record" would be the one this build is about to write.
                    signOff.placement = .unplaced(.noRecord)
                case .unplaced(let why): signOff.placement = .unplaced(why)
                }
            } else {
                signOff.placement = .unplaced(.noDate)
            }
            if let version = signOff.version, version != current {
                signOff.isStale = true
                // The latest record of that version holds its inputs.
                let old = timeline.last { $0.version == version && $0.inputs != nil }?.inputs
                signOff.changesSince = old.map { currentInputs.changes(since: $0) }
            }
            return signOff
        }
    }

    enum DayVersions {
        case one(String)
        case unplaced(Unplaced)
    }

    /// The versions current at some time on `date`: the one current when the day began and any
    /// recorded during it.
    static func versions(on date: CalendarDate, in timeline: [RecordedVersion]) -> DayVersions {
        guard let first = timeline.map(\.recordedOn).min() else { return .unplaced(.noDate) }
        let before = timeline.filter { $0.recordedOn < date }
        var versions: [String] = before.last.map { [$0.version] } ?? []
        for v in timeline where v.recordedOn == date && !versions.contains(v.version) { versions.append(v.version) }
        if versions.isEmpty { return .unplaced(.beforeFirstRecord(first: first)) }
        if versions.count > 1 { return .unplaced(.severalVersionsThatDay(versions: versions)) }
        return .one(versions[0])
    }
}
