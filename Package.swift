// swift-tools-version: 6.0
// snatool: social network analysis and delivery chain analysis for public-service partnerships.

import PackageDescription

let package = Package(
    name: "snatool",
    products: [
        .library(name: "SNACore", targets: ["SNACore"]),
        .library(name: "SNAIO", targets: ["SNAIO"]),
        .library(name: "SNAMaps", targets: ["SNAMaps"]),
        .library(name: "SNAAssessments", targets: ["SNAAssessments"]),
        .library(name: "SNAReports", targets: ["SNAReports"]),
        .library(name: "SNASynthetic", targets: ["SNASynthetic"]),
        .library(name: "SNASpend", targets: ["SNASpend"]),
        .library(name: "SNAServer", targets: ["SNAServer"]),
        .library(name: "SNACommands", targets: ["SNACommands"]),
        .executable(name: "snatool", targets: ["snatool"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML instrument files, and file:line:column for errors in JSON and YAML ones.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `swift package generate-documentation`: the DocC catalogues of the libraries (docs/documentation.md).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Excel workbooks (.xlsx) are zip archives: ZIPFoundation reads them (inflate through zlib).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // HMAC-SHA256 for the pseudonyms of --anonymise (Pseudonymiser), the same on Linux and macOS.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // snatool serve: the HTTP server (SwiftNIO underneath) and its route-testing module.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // snatool serve: the embedded SQLite database (migrations, write-ahead logging, online backup).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The HTTP header names and statuses Hummingbird's requests and responses are made of.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.4.0"),
        // The server's request log, and SocketAddress for its rate limits (both come with Hummingbird).
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        // Graceful shutdown: open event streams end when the server is told to stop (comes with Hummingbird).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // Network model (themes, organisations, people, ties), compact graphs and metrics.
        .target(name: "SNACore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Files in and out: strict CSV, Excel workbooks, survey import, people and alias files, JSON and CSV output.
        .target(name: "SNAIO", dependencies: ["SNACore", .product(name: "ZIPFoundation", package: "ZIPFoundation")], resources: [.process("Resources")]),
        // The Graphviz C library, found through pkg-config. Only SNAMaps may link it.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        // Network maps rendered in process through Graphviz.
        .target(name: "SNAMaps", dependencies: ["SNACore", "CGraphviz"]),
        // Delivery chain analysis and other structured assessments; instruments are bundled data.
        .target(
            name: "SNAAssessments",
            dependencies: ["SNACore", "SNAIO", .product(name: "Yams", package: "Yams")],
            resources: [.process("Resources")]
        ),
        // The HTML report for a partnership board.
        .target(name: "SNAReports", dependencies: ["SNACore", "SNAIO", "SNAMaps", "SNAAssessments"]),
        // Where the area's public money goes: spend files, totals by provider and service, bubble diagrams, the join to the network.
        .target(name: "SNASpend", dependencies: ["SNACore", "SNAIO", "SNAMaps", "SNAAssessments"]),
        // Seeded generators for the bundled datasets and for benchmarks.
        .target(name: "SNASynthetic", dependencies: ["SNACore", "SNAIO"]),
        // snatool serve: the live DCA workshop and the network survey in the browser, on one SQLite file.
        // No analysis library depends on it.
        .target(
            name: "SNAServer",
            dependencies: [
                "SNACore", "SNAIO", "SNAAssessments", "SNAReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // GRDB extends sequences of strings (joined() into SQL): only files that import GRDB may see it.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The implementations of every `snatool` command, importable and testable.
        .target(
            name: "SNACommands",
            dependencies: [
                "SNACore", "SNAIO", "SNAMaps", "SNAAssessments", "SNAReports", "SNASynthetic", "SNASpend", "SNAServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The thin command-line entry point.
        .executableTarget(name: "snatool", dependencies: ["SNACommands"]),
        // A small program that uses the library as another tool would.
        .executableTarget(name: "survey-summary", dependencies: ["SNACore", "SNAIO"], path: "Examples/SurveySummary"),
        .executableTarget(name: "gatekeepers", dependencies: ["SNACore", "SNAIO"], path: "Examples/Gatekeepers"),
        .executableTarget(name: "dca-workshop", dependencies: ["SNAAssessments"], path: "Examples/DCAWorkshop"),
        // Timings of the library on bundled and generated surveys: docs/performance.md.
        .executableTarget(name: "snatool-bench", dependencies: ["SNACore", "SNAIO", "SNASynthetic"], path: "Benchmarks/snatool-bench"),
        // libFuzzer targets for every reader (scripts/fuzz, docs/fuzzing.md); built normally it replays saved inputs.
        .executableTarget(name: "snatool-fuzz", dependencies: ["SNACore", "SNAIO", "SNAAssessments", "SNASpend"], path: "Fuzz/snatool-fuzz"),

        .testTarget(name: "SNACoreTests", dependencies: ["SNACore"]),
        .testTarget(name: "SNAIOTests", dependencies: ["SNAIO", "SNACore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "SNAMapsTests", dependencies: ["SNAMaps", "SNACore", "SNAIO"]),
        .testTarget(name: "SNAAssessmentsTests", dependencies: ["SNAAssessments", "SNAIO", "SNACore"]),
        .testTarget(name: "SNAReportsTests", dependencies: ["SNAReports", "SNAAssessments", "SNAIO", "SNACore"]),
        .testTarget(name: "SNASpendTests", dependencies: ["SNASpend", "SNAIO", "SNACore"]),
        .testTarget(name: "SNASyntheticTests", dependencies: ["SNASynthetic", "SNAIO", "SNACore"]),
        // Values computed by igraph, networkx and R sna (Tests/Reference, scripts/reference).
        .testTarget(name: "PeerReferenceTests", dependencies: ["SNACore", "SNAIO"]),
        .testTarget(
            name: "SNAServerTests",
            dependencies: [
                "SNAServer", "SNAAssessments", "SNACore", "SNAIO",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "SNACommandsTests", dependencies: ["SNACommands", "snatool", "SNAIO", "SNACore"]),
    ],
    swiftLanguageModes: [.v6]
)
