// swift-tools-version: 6.1
import PackageDescription

// A pipeline of one's own on the Stream360 library product: see README.md.
let package = Package(
    name: "ClickWindows",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Stream360", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "ClickWindows",
            dependencies: [.product(name: "Stream360", package: "Stream360")]),
    ]
)
