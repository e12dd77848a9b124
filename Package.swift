// swift-tools-version:6.0
import PackageDescription

// The layers of mlscript, lowest first. Each target depends only on targets
// above it in this list, so the architecture reads top to bottom:
//   C libraries and headers, Support (console, Ctrl-C), VectorKernels -> Tensors -> TerminalGraphics,
//   Networks, DataFiles -> Language -> Library (the built-in modules)
//   -> Notebook (lessons, REPL) -> mlscript (the command).
let package = Package(
  name: "mlscript",
  products: [
    .executable(name: "mlscript", targets: ["mlscript"]),
    .executable(name: "mlscript-bench", targets: ["Benchmarks"]),
  ],
  targets: [
    .systemLibrary(
      name: "CBLAS", pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(
      name: "CHDF5", pkgConfig: "hdf5",
      providers: [.apt(["libhdf5-dev"])]),
    .systemLibrary(
      name: "CReadline", pkgConfig: "readline",
      providers: [.apt(["libreadline-dev"])]),

    // Non-temporal stores, which Swift cannot spell; a header, no library.
    .systemLibrary(name: "CNonTemporal"),

    .target(name: "Support"),
    // Compiled for AVX2 and FMA; Tensors calls it only on processors that
    // report both.
    .target(
      name: "VectorKernels",
      swiftSettings: [.unsafeFlags(["-Xcc", "-mavx2", "-Xcc", "-mfma"])]),
    .target(name: "Tensors", dependencies: ["CBLAS", "CNonTemporal", "VectorKernels"]),
    .target(name: "TerminalGraphics", dependencies: ["Support"]),
    .target(name: "Networks", dependencies: ["Tensors", "Support"]),
    .target(name: "DataFiles", dependencies: ["Tensors", "CHDF5"]),
    .target(
      name: "Language", dependencies: ["Support"],
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
    .target(
      name: "Library",
      dependencies: [
        "Language", "Tensors", "Networks", "DataFiles", "TerminalGraphics", "Support",
      ]),
    .target(
      name: "Notebook",
      dependencies: ["Library", "Language", "TerminalGraphics", "Support", "CReadline"]),
    .executableTarget(name: "mlscript", dependencies: ["Notebook"]),
    .executableTarget(name: "Benchmarks", dependencies: ["Tensors", "CBLAS"]),

    .testTarget(name: "TensorsTests", dependencies: ["Tensors"]),
    .testTarget(name: "NetworksTests", dependencies: ["Networks", "Tensors", "DataFiles"]),
    .testTarget(name: "DataFilesTests", dependencies: ["DataFiles", "Tensors"]),
    .testTarget(
      name: "TerminalGraphicsTests", dependencies: ["TerminalGraphics", "Support"],
      exclude: ["Golden"]),
    .testTarget(
      name: "LanguageTests", dependencies: ["Language", "Support"],
      exclude: ["Conformance", "regenerate.sh"]),
    .testTarget(name: "LibraryTests", dependencies: ["Library", "Language"]),
    .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Library", "Language"]),
    .testTarget(
      name: "RobustnessTests",
      dependencies: ["Library", "Language", "Support", "Tensors", "DataFiles"],
      exclude: ["Corpus", "HDF5Crafted"]),
  ],
  swiftLanguageModes: [.v5]
)
