import HandoffCore

/// The words for the enablement kit.
enum KitText {
    static func origin(_ o: EnablementKit.Origin) -> String {
        switch o {
        case .defaultKit: "default kit"
        case .brief: "brief"
        case .briefReplacingDefault: "brief (replaces default)"
        }
    }

    /// What is wrong with an item: overdue, no owner, no due date.
    static func flags(_ item: EnablementKit.Item) -> [Badge] {
        var flags: [Badge] = []
        if item.isOverdue { flags.append(Badge("overdue", .bad)) }
        if item.lacksOwner { flags.append(Badge("no owner", .warn)) }
        if item.lacksDueDate { flags.append(Badge("no due date", .warn)) }
        return flags
    }
}
