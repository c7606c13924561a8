/// The commented starter brief that `handoff new SEGMENT` writes; it passes `handoff check`.
public enum StarterBrief {
    /// Segment words teams write in capitals.
    static let acronyms: Set<String> = [
        "smb", "emea", "apac", "amer", "latam", "dach", "anz", "nam", "na", "eu", "uk", "us", "abm", "plg", "mql", "sql", "ai",
        "saas", "b2b", "b2c", "sdr", "bdr", "ae", "csm", "isv", "oem", "msp", "gsi",
    ]

    /// A title from the slug: `smb` → "SMB inbound", `mid-market` → "Mid-market inbound",
    /// `inbound` → "Inbound", `emea-partners` → "EMEA partners".
    public static func title(for segment: String) -> String {
        let words = segment.split(separator: "-").map(String.init)
        var out: [String] = []
        for (i, word) in words.enumerated() {
            if acronyms.contains(word) {
                out.append(word.uppercased())
            } else if i == 0 {
                out.append(word.prefix(1).uppercased() + word.dropFirst())
            } else {
                // "mid-market" stays one word; other hyphens read as spaces.
                let joinsPrevious = words[i - 1] == "mid" || words[i - 1] == "self" || words[i - 1] == "co"
                if joinsPrevious, let last = out.popLast() { out.append(last + "-" + word) } else { out.append(word) }
            }
        }
        let title = out.joined(separator: " ")
        return words.contains("inbound") || words.contains("outbound") ? title : title + " inbound"
    }

    /// The editor schema's file name, beside the `Content` folder (`handoff schema` writes it).
    public static let schemaFile = "brief.schema.json"

    public static func text(segment: String) -> String {
        let title = title(for: segment)
        return """
            # yaml-language-server: $schema=../\(schemaFile)
            # Handoff brief for the \(segment) segment. Every field: docs/brief-reference.md
            # Check it with `handoff check`, build the packet with `handoff build`.
            segment: \(segment)
            title: \(title)
            goal: pipeline              # pipeline, expansion, product-activation or abm-campaign
            response-sla: 4h            # first-touch SLA: 15m, 2h, 1h30m, 1d
            sla-clock: business         # business (pod hours only) or calendar
            target-attainment: 90%
            launch: 2027-03-01
            owner: RevOps Director
            timezone: America/New_York
            hours: Mon-Fri 09:00-17:00
            contract-hours: 40h         # a rep's paid hours a week: staffing is costed in FTE

            funnel:
              - stage: MQL
                definition: Lead score at or above the threshold
              - stage: SQL
                definition: Discovery held and need confirmed

            qualification:
              - Company fits the ideal customer profile
              - Contact has a business email

            scoring:
              model: Lead score v1
              threshold: 60
              max: 100

            volume:
              leads-per-week: 100
              after-hours-share: 10%
              handle-time: 15m

            pods:
              - name: Core
                reps: 3                 # every rep works the brief's hours
                shrinkage: 20%
                # Or staff the pod in shifts (each rep works one; no 'reps' or 'hours' then):
                # shifts:
                #   - name: Early
                #     hours: Mon-Fri 08:00-16:00
                #     reps: 2
                #   - name: Late
                #     hours: Mon-Fri 11:00-19:00
                #     reps: 2

            routing:
              - name: Everyone
                assign: pod Core

            # When someone signs, set status and date, and copy the version shown beside their
            # sign-off line (version: 3f9a01c2): a later change to the brief asks them again.
            approvals:
              - role: RevOps Director
                status: pending
              - role: VP Sales
                status: pending

            """
    }
}
