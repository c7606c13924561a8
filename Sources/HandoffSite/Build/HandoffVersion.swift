/// The program's version, shown by `handoff --version` and part of every cache entry's key.
public enum HandoffVersion {
    public static let current = "0.14.0"
}
