import HandoffCore

/// The words for the routing blueprint.
enum RoutingText {
    static func owners(_ a: Assignment) -> String {
        switch a {
        case .accountOwner(let pod): pod.map { "account owner (AEs in \($0))" } ?? "account owner"
        case .pod(let name): name
        case .roundRobin(let names): names.joined(separator: ", ")
        case .owner(let person): person
        }
    }

    static func fallback(_ f: RoutingBlueprint.Fallback) -> String {
        switch f {
        case .accountOwner(let pod):
            pod.map { "no account match or owner away → round-robin in \($0)" } ?? "no account match or owner away → next matching rule"
        case .podQueue(let pod): "rep away → next available rep in \(pod); after hours → queued until \(pod) opens"
        case .rotation: "rep away → skipped in the rotation; pod closed → next pod in the rotation"
        case .namedOwner(let person, let firstLevel): "\(person) away → \(firstLevel)"
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
