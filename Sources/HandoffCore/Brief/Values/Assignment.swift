import Foundation

/// How a routing rule assigns its leads (`assign`).
public enum Assignment: Sendable, Hashable, CustomStringConvertible {
    /// The account's owner; capacity counted against the AE pod named by `pod:`.
    case accountOwner(pod: String?)
    /// One pod.
    case pod(String)
    /// Rotation across pods, split by reps unless weights are given.
    case roundRobin([String])
    /// A named person; SLA capacity is not modelled.
    case owner(String)
    /// A queue outside sales (support, spam, nurture): counted in the shares, no first-touch SLA.
    case queue(String)

    /// Parses `account-owner`, `pod NAME`, `round-robin A, B`, `owner PERSON`, `queue NAME`.
    public static func parse(_ text: String, pod: String?) -> Result<Assignment, ConditionError> {
        let t = text.trimmed
        if t == "account-owner" { return .success(.accountOwner(pod: pod)) }
        if t.hasPrefix("pod ") {
            let name = t.dropFirst(4).trimmed
            return name.isEmpty ? .failure(ConditionError(message: "'pod' needs a pod name")) : .success(.pod(name))
        }
        if t.hasPrefix("round-robin ") {
            let names = t.dropFirst(12).split(separator: ",").map { $0.trimmed }
            guard !names.isEmpty, !names.contains(where: \.isEmpty) else {
                return .failure(ConditionError(message: "'round-robin' needs pod names separated by commas"))
            }
            return .success(.roundRobin(names))
        }
        if t.hasPrefix("owner ") {
            let name = t.dropFirst(6).trimmed
            return name.isEmpty ? .failure(ConditionError(message: "'owner' needs a person's name")) : .success(.owner(name))
        }
        if t.hasPrefix("queue ") {
            let name = t.dropFirst(6).trimmed
            return name.isEmpty ? .failure(ConditionError(message: "'queue' needs a queue name")) : .success(.queue(name))
        }
        return .failure(
            ConditionError(
                message: "'\(t)' is not an assignment (use account-owner, pod NAME, round-robin NAME, NAME, owner PERSON, or queue NAME)"))
    }

    /// Pods whose capacity this assignment draws on.
    public var pods: [String] {
        switch self {
        case .accountOwner(let pod): pod.map { [$0] } ?? []
        case .pod(let name): [name]
        case .roundRobin(let names): names
        case .owner, .queue: []
        }
    }

    /// The method's name for the routing matrix.
    public var method: String {
        switch self {
        case .accountOwner: "account owner"
        case .pod: "pod queue"
        case .roundRobin: "round-robin"
        case .owner: "named owner"
        case .queue: "queue outside sales"
        }
    }

    public var description: String {
        switch self {
        case .accountOwner(let pod): pod.map { "account-owner (pod \($0))" } ?? "account-owner"
        case .pod(let name): "pod \(name)"
        case .roundRobin(let names): "round-robin \(names.joined(separator: ", "))"
        case .owner(let person): "owner \(person)"
        case .queue(let name): "queue \(name)"
        }
    }
}
