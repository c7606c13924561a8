import Foundation

/// Writes the site into a temporary folder beside the output folder and swaps it in whole, so a
/// failed build leaves the previous site untouched. Each folder is created once and each file
/// written once.
public enum SiteWriter {
    /// Writes `files`; `keep` lists paths (folders or files) to carry over from the previous
    /// output, such as other segments' pages under `--segment`. Top-level dotfiles (`.gitkeep`)
    /// are always carried over.
    public static func write(_ files: [SiteFile], to output: String, keep: [String] = []) throws(HandoffError) {
        let fm = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        let temp = parent.appendingPathComponent(".\(outputURL.lastPathComponent).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(outputURL.lastPathComponent).old-\(pid)")
        do {
            try? fm.removeItem(at: temp)
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            var made: Set<String> = []
            for file in files {
                let dir = (file.path as NSString).deletingLastPathComponent
                if !dir.isEmpty, !made.contains(dir) {
                    try fm.createDirectory(at: temp.appendingPathComponent(dir), withIntermediateDirectories: true)
                    made.insert(dir)
                }
                let url = temp.appendingPathComponent(file.path)
                guard fm.createFile(atPath: url.path, contents: Data(file.contents.utf8)) else {
                    throw HandoffError.io(path: url.path, message: "cannot write the file")
                }
            }
            let previous = (try? fm.contentsOfDirectory(atPath: outputURL.path)) ?? []
            let carried = previous.filter { $0.hasPrefix(".") } + keep
            for path in carried {
                let source = outputURL.appendingPathComponent(path)
                guard fm.fileExists(atPath: source.path) else { continue }
                let target = temp.appendingPathComponent(path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? fm.removeItem(at: target)
                try fm.copyItem(at: source, to: target)
            }
            if fm.fileExists(atPath: outputURL.path) {
                try fm.moveItem(at: outputURL, to: old)
            }
            try fm.moveItem(at: temp, to: outputURL)
            try? fm.removeItem(at: old)
        } catch let error as HandoffError {
            try? fm.removeItem(at: temp)
            throw error
        } catch {
            try? fm.removeItem(at: temp)
            if !fm.fileExists(atPath: outputURL.path), fm.fileExists(atPath: old.path) {
                try? fm.moveItem(at: old, to: outputURL)
            }
            throw .io(path: output, message: "cannot write the site: \(error.localizedDescription)")
        }
    }
}
