/// A stage of the build, named in every failure so the reader knows how far it got.
public enum BuildStage: String, Sendable, Equatable {
    case load, plan, render, write, records
}

/// Failures outside the briefs themselves: wrong usage or the file system (exit 2).
public indirect enum HandoffError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command line asks for something that cannot be done.
    case usage(String)
    /// Reading or writing a file failed.
    case io(path: String, message: String)
    /// A template in the templates folder does not parse.
    case template(String)
    /// A failure in a stage of the build.
    case during(BuildStage, HandoffError)

    public var description: String {
        switch self {
        case .usage(let message): "error: \(message)"
        case .io(let path, let message): "\(path): error: \(message)"
        case .template(let message): message
        case .during(let stage, .io(let path, let message)): "\(path): error: \(message) (while \(stage.doing))"
        case .during(let stage, let error): "\(error.description) (while \(stage.doing))"
        }
    }

    /// The stage a failure happened in, if known.
    public var stage: BuildStage? {
        if case .during(let stage, _) = self { return stage }
        return nil
    }
}

extension BuildStage {
    /// `while writing the site`.
    var doing: String {
        switch self {
        case .load: "loading the briefs"
        case .plan: "planning"
        case .render: "rendering the pages"
        case .write: "writing the site"
        case .records: "writing plan records"
        }
    }

    /// Runs `body`, naming this stage in any failure it throws.
    func run<T>(_ body: () throws(HandoffError) -> T) throws(HandoffError) -> T {
        do {
            return try body()
        } catch {
            if case .during = error { throw error }
            throw .during(self, error)
        }
    }

    func run<T>(_ body: () async throws(HandoffError) -> T) async throws(HandoffError) -> T {
        do {
            return try await body()
        } catch {
            if case .during = error { throw error }
            throw .during(self, error)
        }
    }
}
