import Foundation
import HandoffCore

/// SLA models of earlier runs, so an unchanged brief is not simulated again. The simulation is
/// nearly all of a brief's planning time, and its model depends only on the brief's planning
/// inputs and sample (the inputs digest) and on the program that simulated it; each entry
/// records both and is used only when both match. An entry that cannot be read, decoded or
/// matched is ignored, never trusted, and replaced.
public struct SLACache: Sendable {
    /// The folder of entries, one file per inputs digest.
    public var folder: String
    /// What identifies the program: its version and its executable, so any rebuild of the tool
    /// starts afresh.
    public var tool: String
    var disk: Disk

    public init(folder: String, tool: String = SLACache.currentTool(), disk: Disk = Disk()) {
        self.folder = folder
        self.tool = tool
        self.disk = disk
    }

    static let format = "handoff-sla-cache"
    static let formatVersion = 1

    /// One file's contents.
    struct Entry: Codable {
        var format: String
        var version: Int
        var tool: String
        var inputs: String
        var model: SLAModel
    }

    func path(_ digest: String) -> String {
        folder + "/sla-" + String(digest.drop { $0 != ":" }.dropFirst()) + ".json"
    }

    /// The model simulated for these inputs by this program, if one was kept and reads back whole.
    public func model(for digest: String) -> SLAModel? {
        guard let text = disk.text(path(digest)) else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let entry = try? decoder.decode(Entry.self, from: Data(text.utf8)),
            entry.format == Self.format, entry.version == Self.formatVersion, entry.tool == tool, entry.inputs == digest
        else { return nil }
        return entry.model
    }

    /// Keeps a model for later runs: written beside its name and renamed into place, so a
    /// reader sees a whole entry or none. A failure only costs the next run a simulation.
    public func keep(_ model: SLAModel, for digest: String) {
        let encoder = JSONEncoder()
        // Sorted keys: the same model is the same bytes, run after run.
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard (try? disk.makeFolders(folder)) != nil,
            let data = try? encoder.encode(
                Entry(format: Self.format, version: Self.formatVersion, tool: tool, inputs: digest, model: model))
        else { return }
        disk.replace(path(digest), with: data)
    }

    /// Removes entries no current brief uses, so the folder does not grow with every edit, and
    /// build stamps a killed build left half-written.
    public func prune(keeping digests: Set<String>) {
        let wanted = Set(digests.map { (path($0) as NSString).lastPathComponent })
        for name in disk.list(folder) ?? []
        where (name.hasPrefix("sla-") && !wanted.contains(name)) || (name.hasPrefix("build-") && name.hasSuffix(".tmp")) {
            disk.unlink(folder + "/" + name)
        }
    }

    /// The running program: the tool's version, and its executable's size and modification time.
    public static func currentTool() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "handoff \(HandoffVersion.current)" }
        return "handoff \(HandoffVersion.current) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
