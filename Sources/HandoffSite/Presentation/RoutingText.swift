import HandoffCore

/// The words for the routing blueprint.
enum RoutingText {
    static func owners(_ a: Assignment) -> String {
        switch a {
        case .accountOwner(let pod): pod.map { "account owner (AEs in \($0))" } ?? "account owner"
        case .pod(let name): name
        case .roundRobin(let names): names.joined(separator: ", ")
        case .owner(let person): person
        case .queue(let name): "\(name) queue"
        }
    }

    static func fallback(_ f: RoutingBlueprint.Fallback) -> String {
        switch f {
        case .accountOwner(let pod, let retries):
            pod.map { "owner untouched after the SLA → another AE in \($0) (at most \(retries)×)" }
                ?? "no account match or owner away → next matching rule"
        case .podQueue(let pod): "one queue: the next free rep in \(pod) takes it; after hours → waits until \(pod) opens"
        case .rotation(let retries):
            "rep at max-open or pod closed → next in the rotation; nobody open → the pod that opens first; untouched after the SLA → next rep (at most \(retries)×)"
        case .namedOwner(let person, let firstLevel): "\(person) away → \(firstLevel)"
        case .outsideQueue(let name): "worked by the \(name) team outside sales; no first-touch SLA"
        }
    }

    /// The share with where it came from, unless the brief stated it.
    static func share(_ row: RoutingBlueprint.Row) -> String {
        Format.percent(row.share) + (row.shareSource == .brief ? "" : " (\(row.shareSource.rawValue))")
    }

    /// Why a rule has no synthetic lead.
    static func unreachable(_ row: RoutingBlueprint.Row) -> String {
        if row.conditionIsImpossible { return "condition can never hold" }
        if row.shadowedBy.isEmpty { return "caught first by earlier rules" }
        return "caught first by " + row.shadowedBy.map { "'\($0)'" }.joined(separator: ", ")
    }
}
