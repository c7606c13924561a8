/// The enablement kit of a segment (SPEC §3.5): the default kit for the goal merged with the
/// brief's own items, with due dates, flags, and the request list sorted by due date.
public struct EnablementKit: Sendable {
    /// One asset to deliver.
    public struct Item: Sendable, Hashable {
        public var asset: String
        public var kind: EnablementKind
        public var owner: String?
        public var due: CalendarDate?
        public var status: EnablementStatus
        /// Pod names; empty means every pod.
        public var pods: [String]
        public var origin: Origin
        public var isOverdue: Bool
        public var lacksOwner: Bool { owner == nil }
        public var lacksDueDate: Bool { due == nil }
    }

    /// Where an item comes from.
    public enum Origin: String, Sendable, Hashable {
        /// The default kit for the goal.
        case defaultKit
        /// The brief's own item.
        case brief
        /// The brief's own item, in place of the default item of the same name.
        case briefReplacingDefault
    }

    /// The request list: sorted by due date (undated last), then asset name.
    public var items: [Item]
    /// Whether every item names its pods (the diamond pattern's condition).
    public var everyItemNamesPods: Bool

    public var overdue: [Item] { items.filter(\.isOverdue) }
    /// The earliest due date among items not yet ready.
    public var nextDue: CalendarDate? { items.filter { $0.status != .ready }.compactMap(\.due).min() }

    /// Items serving one pod (those naming it, and those serving every pod).
    public func items(for pod: String) -> [Item] { items.filter { $0.pods.isEmpty || $0.pods.contains(pod) } }

    public static func plan(_ brief: Brief, asOf: CalendarDate, findings: inout [Finding]) -> EnablementKit {
        let defaults = DefaultKits.kit(goal: brief.goal, segment: brief.segment)
        var items: [Item] = defaults.map { d in
            let due = brief.launch?.adding(days: -d.leadTimeDays)
            return Item(
                asset: d.asset, kind: d.kind, owner: d.owner, due: due, status: .notStarted, pods: [], origin: .defaultKit,
                isOverdue: false)
        }
        for own in brief.enablement {
            let replaced = items.firstIndex { $0.asset.caseInsensitiveCompare(own.asset) == .orderedSame }
            // The team does not need this default item: it leaves the kit, and nothing is overdue.
            if own.status == .notNeeded {
                if let replaced {
                    items.remove(at: replaced)
                } else {
                    findings.append(.warning(.notNeededWithoutDefault(asset: own.asset, defaults: defaults.map(\.asset)), at: own.location))
                }
                continue
            }
            let base = replaced.map { items[$0] }
            let due = own.due ?? own.leadTime.flatMap { lt in brief.launch?.adding(days: -(lt.days + (lt.hours + 23) / 24)) } ?? base?.due
            // Pods an item names are checked with the other cross-references when decoding.
            if let due, let launch = brief.launch, due > launch {
                findings.append(.warning(.enablementAfterLaunch(asset: own.asset, due: due, launch: launch), at: own.location))
            }
            let item = Item(
                asset: own.asset, kind: own.kind ?? base?.kind ?? .collateral, owner: own.owner ?? base?.owner, due: due,
                status: own.status ?? .notStarted, pods: own.pods ?? [],
                origin: replaced == nil ? .brief : .briefReplacingDefault, isOverdue: false)
            if let replaced { items[replaced] = item } else { items.append(item) }
        }
        for i in items.indices {
            if let due = items[i].due, due < asOf, items[i].status != .ready { items[i].isOverdue = true }
        }
        items.sort { a, b in
            switch (a.due, b.due) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.asset < b.asset
            }
        }
        // Default items serve every pod by design; the brief's own items must say which.
        let everyNamesPods = !brief.enablement.isEmpty && brief.enablement.allSatisfy { $0.pods != nil }
        return EnablementKit(items: items, everyItemNamesPods: everyNamesPods)
    }
}
