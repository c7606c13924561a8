/// Failures outside the briefs themselves: wrong usage or the file system (exit 2).
public enum HandoffError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command line asks for something that cannot be done.
    case usage(String)
    /// Reading or writing a file failed.
    case io(path: String, message: String)
    /// A template in the templates folder does not parse.
    case template(String)

    public var description: String {
        switch self {
        case .usage(let message): "error: \(message)"
        case .io(let path, let message): "\(path): error: \(message)"
        case .template(let message): message
        }
    }
}
