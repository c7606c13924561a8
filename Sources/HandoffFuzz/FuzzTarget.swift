import Foundation
import HandoffCore

/// One fuzz input: parse it as YAML-lite and, where it parses, decode it as a brief. Neither may
/// crash, every diagnostic must point inside the file, and an accepted document must parse to
/// the same tree twice. Accepted documents are compared with PyYAML's BaseLoader in a second
/// step (`make fuzz`), over the corpus libFuzzer leaves behind.
enum FuzzTarget {
    static func run(_ bytes: [UInt8]) {
        let document = YAMLLiteParser.parse(bytes: bytes, file: "fuzz.yml")
        let lineCount = bytes.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
        for d in document.diagnostics {
            precondition(d.location.line >= 1 && d.location.line <= lineCount, "diagnostic outside the file: \(d.headline)")
            precondition(d.location.column >= 1, "diagnostic before column 1: \(d.headline)")
            _ = d.description
        }
        _ = BriefDecoder.decode(document)
        guard !document.diagnostics.hasErrors else { return }
        let again = YAMLLiteParser.parse(bytes: bytes, file: "fuzz.yml")
        precondition(again.root == document.root, "two parses of one input differ")
        _ = (document.root?.json ?? .null).serialized()
    }

    /// The accepted files among `paths`, as the manifest `scripts/yaml-oracle.py` reads.
    static func manifest(_ arguments: [String]) -> String {
        var cases: [JSONValue] = []
        // A folder stands for the files in it (a libFuzzer corpus).
        let paths = arguments.flatMap { path -> [String] in
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [path] }
            return names.sorted().map { path + "/" + $0 }
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let document = YAMLLiteParser.parse(bytes: [UInt8](data), file: path)
            guard !document.diagnostics.hasErrors else { continue }
            cases.append(.object([("path", .string(path)), ("tree", document.root?.json ?? .null)]))
        }
        return JSONValue.array(cases).serialized()
    }
}

#if HANDOFF_LIBFUZZER
    /// libFuzzer's driver, run from our own entry point: SwiftPM links an executable's main as
    /// `<target>_main`, so libFuzzer's `main` is never pulled in (`make fuzz` builds this with
    /// `-sanitize=fuzzer,address -parse-as-library -DHANDOFF_LIBFUZZER`).
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        FuzzTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    @_cdecl("handoff_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var vector = argv
        return LLVMFuzzerRunDriver(&count, &vector) { data, size in fuzzOneInput(data, size) }
    }
#else
    /// Without libFuzzer: `handoff-fuzz FILE…` replays inputs through the target (the
    /// regression tests do this), `handoff-fuzz --manifest FILE…` prints the oracle manifest.
    @main
    struct Replay {
        static func main() {
            var arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.first == "--manifest" {
                arguments.removeFirst()
                print(FuzzTarget.manifest(arguments), terminator: "")
                return
            }
            for path in arguments {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                FuzzTarget.run([UInt8](data))
            }
            print("replayed \(arguments.count) inputs")
        }
    }
#endif
