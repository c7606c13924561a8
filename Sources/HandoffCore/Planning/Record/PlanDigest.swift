import Crypto
import Foundation

/// The digest of a brief's planning inputs: SHA-256 over a canonical form of the YAML-lite tree
/// (map keys sorted, compact JSON) plus the sample's text. Comments, blank lines, indentation
/// and key order do not change it; any value does. Approvals are not planning inputs: signing a
/// version must not change it.
public enum PlanDigest {
    public static func digest(_ tree: YAMLNode, sampleCSV: String?) -> String {
        var inputs = tree
        if case .mapping(var root) = tree {
            root.entries.removeAll { InputFields.excludedKeys.contains($0.key.value) }
            inputs = .mapping(root)
        }
        var canonical = canonicalJSON(inputs).serialized(pretty: false)
        if let sampleCSV { canonical += "\u{0}sample\u{0}" + sampleCSV }
        return "sha256:" + hex(SHA256.hash(data: Data(canonical.utf8)))
    }

    /// The keys no SLA model reads: words, people, the funnel, the kit, the agreement. A change
    /// to them is a new version but not a new simulation.
    public static let modelIndependentKeys: Set<String> = [
        "title", "owner", "goal", "funnel", "qualification", "scoring", "enablement", "dependencies", "delivery-sla",
        "acceptance", "pattern", "fields",
    ]

    /// What an SLA model is kept under (the cache, `serve`'s memory): the planning inputs the
    /// simulation reads, and the sample (its shares). `model:sha256:…`, never a version.
    public static func modelDigest(_ tree: YAMLNode, sampleCSV: String?) -> String {
        var inputs = tree
        if case .mapping(var root) = tree {
            root.entries.removeAll { modelIndependentKeys.contains($0.key.value) }
            inputs = .mapping(root)
        }
        return "model:" + digest(inputs, sampleCSV: sampleCSV)
    }

    /// Bytes as lowercase hexadecimal digits.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }

    static func canonicalJSON(_ node: YAMLNode) -> JSONValue {
        switch node {
        case .scalar(let s): .string(s.value)
        case .sequence(let s): .array(s.items.map(canonicalJSON))
        case .mapping(let m): .object(m.entries.sorted { $0.key.value < $1.key.value }.map { ($0.key.value, canonicalJSON($0.value)) })
        }
    }

    /// The version people see and pin approvals to: the digest's first 8 hex digits.
    public static func version(of digest: String) -> String {
        String(digest.drop(while: { $0 != ":" }).dropFirst().prefix(8))
    }
}
