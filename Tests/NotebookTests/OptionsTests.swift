import Notebook
import XCTest

final class OptionsTests: XCTestCase {
  private func options(_ arguments: [String]) -> Options? {
    if case .run(let options) = Options.parse(arguments) { return options }
    return nil
  }

  func testNoArgumentsOpensTheRepl() throws {
    let parsed = try XCTUnwrap(options([]))
    XCTAssertNil(parsed.source)
    XCTAssertFalse(parsed.runAll)
    XCTAssertEqual(parsed.color, .auto)
  }

  func testFileWithFlags() throws {
    let parsed = try XCTUnwrap(
      options(["--run", "--color=never", "--transcript", "out.md", "-i", "l.mlscript", "a", "-x"]))
    XCTAssertEqual(parsed.source, .file("l.mlscript"))
    XCTAssertTrue(parsed.runAll)
    XCTAssertTrue(parsed.interactiveAfter)
    XCTAssertEqual(parsed.color, .never)
    XCTAssertEqual(parsed.transcriptPath, "out.md")
    // What follows the file belongs to the program, flags included.
    XCTAssertEqual(parsed.programArguments, ["a", "-x"])
  }

  func testInlineAndSeparateValues() throws {
    XCTAssertEqual(try XCTUnwrap(options(["--transcript=t.md", "f"])).transcriptPath, "t.md")
    XCTAssertEqual(try XCTUnwrap(options(["--color", "always"])).color, .always)
    XCTAssertEqual(try XCTUnwrap(options(["-c", "print(1)", "x"])).source, .command("print(1)"))
    XCTAssertEqual(try XCTUnwrap(options(["-c", "1", "x"])).programArguments, ["x"])
    XCTAssertEqual(try XCTUnwrap(options(["-"])).source, .standardInput)
    XCTAssertEqual(try XCTUnwrap(options(["--", "-odd.mlscript"])).source, .file("-odd.mlscript"))
  }

  func testHelpVersionAndErrors() {
    XCTAssertEqual(Options.parse(["--help"]), .help)
    XCTAssertEqual(Options.parse(["-h", "--bogus"]), .help)
    XCTAssertEqual(Options.parse(["--version"]), .version)
    XCTAssertEqual(Options.parse(["-V"]), .version)
    XCTAssertEqual(Options.parse(["--bogus"]), .usageError("unknown option '--bogus'"))
    XCTAssertEqual(
      Options.parse(["--color=sometimes"]),
      .usageError("invalid --color value 'sometimes' (use auto, always or never)"))
    XCTAssertEqual(Options.parse(["-c"]), .usageError("option -c needs the code to run"))
    XCTAssertEqual(
      Options.parse(["--transcript"]), .usageError("option --transcript needs a file name"))
  }

  func testUsageShowsExamples() {
    XCTAssertTrue(Options.usage.contains("mlscript --run lesson.mlscript"))
    XCTAssertTrue(Options.usage.contains("--transcript OUT.md"))
    XCTAssertFalse(Options.usageHint.contains("\n"))
  }
}
