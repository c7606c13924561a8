import HandoffCore

/// How a synthetic lead reads: `region = EMEA, employees = 5000, account.owner not set`.
enum LeadText {
    static func description(_ lead: Lead) -> String {
        let parts =
            lead.attributes.keys.sorted().compactMap { key in
                lead.attributes[key].map { value in
                    key == ConditionAtom.arrivalField ? "arrives \(Int(value).map(WeekMinutes.describe) ?? value)" : "\(key) = \(value)"
                }
            }
            + lead.unsetFields.sorted().map { "\($0) not set" }
        return parts.isEmpty ? "any lead" : parts.joined(separator: ", ")
    }
}
