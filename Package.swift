// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Handoff",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "handoff", targets: ["handoff"]),
        .library(name: "HandoffCore", targets: ["HandoffCore"]),
        .library(name: "HandoffSite", targets: ["HandoffSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // cmark-gfm from the system (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The one system call Glibc's Swift module does not export: an atomic folder exchange.
        .target(name: "CHandoffSystem"),
        // The SLA simulation: a network and a replica's leads in, what happened out. Its only
        // client is HandoffCore's planner.
        .target(name: "HandoffEngine"),
        // Briefs in, plan values out: YAML-lite, the brief model, planning. No I/O, no clock.
        .target(
            name: "HandoffCore",
            dependencies: [
                "HandoffEngine",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        // Plan values in, Markdown/HTML out, plus the build driver (the only file-system user).
        .target(
            name: "HandoffSite",
            dependencies: [
                "HandoffCore",
                "CCmarkGFM",
                "CHandoffSystem",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `handoff serve`: the site from memory over HTTP, re-planned as briefs are saved.
        .target(
            name: "HandoffServe",
            dependencies: [
                "HandoffCore",
                "HandoffSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "handoff",
            dependencies: [
                "HandoffCore",
                "HandoffSite",
                "HandoffServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The YAML-lite fuzz target: a replay tool by default, libFuzzer's entry with `make fuzz`.
        .executableTarget(name: "handoff-fuzz", dependencies: ["HandoffCore"], path: "Sources/HandoffFuzz"),
        .testTarget(name: "HandoffCoreTests", dependencies: ["HandoffCore", "HandoffEngine"], exclude: ["YAMLLite/Regressions"]),
        .testTarget(name: "HandoffEngineTests", dependencies: ["HandoffEngine"]),
        .testTarget(
            name: "HandoffSiteTests",
            dependencies: ["HandoffSite", "HandoffCore", "HandoffServe"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
