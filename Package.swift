// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "readlist",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .library(name: "ReadingList", targets: ["ReadingList"]),
        .executable(name: "readlist", targets: ["ReadlistCLI"]),
        .executable(name: "readlist-bench", targets: ["ReadlistBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // The model: value types, identity, text anchoring. No storage, no CLI.
        .target(
            name: "ReadingListModel",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Internals shared by storage and import (package access only, never public).
        .target(name: "ReadingListSupport"),
        // SQLite storage through GRDB; GRDB never appears in its public API.
        .target(
            name: "ReadingListStorage",
            dependencies: [
                "ReadingListModel", "ReadingListSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // JSON shapes that cross a process boundary (CLI --json, export).
        .target(name: "ReadingListWire", dependencies: ["ReadingListModel"]),
        // The sync session: a pull each way over any transport, through the wire codec.
        .target(
            name: "ReadingListSync",
            dependencies: ["ReadingListModel", "ReadingListStorage", "ReadingListWire", "ReadingListSupport"]
        ),
        // libxml2, as the system provides it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Turning saved pages and text files into articles.
        .target(name: "ReadingListExtraction", dependencies: ["CLibXML2"]),
        // Fetching web pages over HTTP and HTTPS: redirects, timeouts, a size cap, gzip.
        .target(
            name: "ReadingListFetch",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ]
        ),
        // Reading other services' export files (CSV; HTML through libxml2; JSON, streamed; zip
        // archives and folders of them) into imported articles. Wire for readlist's own export.
        .target(
            name: "ReadingListImport",
            dependencies: [
                "ReadingListModel", "ReadingListSupport", "ReadingListWire", "ReadingListExtraction", "CLibXML2",
                .product(name: "CSV", package: "CSV.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Writing articles in other formats: bookmark files, Pocket CSV, Markdown notes.
        .target(
            name: "ReadingListExport",
            dependencies: ["ReadingListModel", "ReadingListWire", .product(name: "CSV", package: "CSV.swift")]
        ),
        // The library product: one import for embedders.
        .target(
            name: "ReadingList",
            dependencies: [
                "ReadingListModel", "ReadingListStorage", "ReadingListWire", "ReadingListSync",
                "ReadingListExtraction", "ReadingListImport", "ReadingListExport", "ReadingListFetch",
            ]
        ),
        .executableTarget(
            name: "ReadlistCLI",
            dependencies: [
                "ReadingList",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ReadingListExample", dependencies: ["ReadingList"]),
        // `readlist-bench`: hot paths against a plain-SQLite baseline, which uses SQLite's C API
        // through the same library GRDB links.
        .executableTarget(
            name: "ReadlistBench",
            dependencies: [
                "ReadingList", "ReadingListExtraction",
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support: reading Protocol/vectors files (used by test targets only).
        .target(name: "ProtocolVectors", path: "Tests/ProtocolVectors"),
        .testTarget(name: "ReadingListModelTests", dependencies: ["ReadingListModel"]),
        .testTarget(name: "ReadingListSupportTests", dependencies: ["ReadingListSupport"]),
        .testTarget(
            name: "ReadingListStorageTests",
            dependencies: [
                "ReadingListStorage", "ReadingListModel", "ReadingListWire", "ProtocolVectors",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "ReadingListWireTests",
            dependencies: ["ReadingListWire", "ReadingListModel", "ProtocolVectors"]
        ),
        .testTarget(name: "ReadingListExtractionTests", dependencies: ["ReadingListExtraction"]),
        .testTarget(
            name: "ReadingListImportTests", dependencies: ["ReadingListImport", "ReadingListModel", "ReadingListWire"]
        ),
        .testTarget(
            name: "ReadingListSyncTests",
            dependencies: [
                "ReadingListSync", "ReadingListStorage", "ReadingListWire", "ReadingListModel", "ProtocolVectors",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "ReadingListExportTests",
            dependencies: ["ReadingListExport", "ReadingListModel", "ReadingListImport"]
        ),
        // A loopback HTTP server (SwiftNIO) that test suites fetch pages from; no outside network.
        .target(
            name: "LoopbackHTTPServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ],
            path: "Tests/LoopbackHTTPServer"
        ),
        .testTarget(name: "ReadingListFetchTests", dependencies: ["ReadingListFetch", "LoopbackHTTPServer"]),
        .testTarget(name: "ReadlistCLITests", dependencies: ["ReadingList", "LoopbackHTTPServer"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}
