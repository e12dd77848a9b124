/// What the `mlscript` command was asked to do, read from its arguments.
public struct Options: Equatable, Sendable {
  /// Where the code to run comes from.
  public enum Source: Equatable, Sendable {
    /// A lesson or script file.
    case file(String)
    /// Standard input (`-`).
    case standardInput
    /// The text after `-c`.
    case command(String)
  }

  /// How much colour to use.
  public enum ColorChoice: String, Equatable, Sendable {
    /// Colour when the output is a terminal and `NO_COLOR` is not set.
    case auto
    /// Colour always.
    case always
    /// No colour.
    case never
  }

  /// The code to run; nil opens the REPL.
  public var source: Source?
  /// Run every cell without stepping, even on a terminal (`--run`).
  public var runAll = false
  /// Open the REPL after running the code (`-i`).
  public var interactiveAfter = false
  /// Where to write the transcript (`--transcript`).
  public var transcriptPath: String?
  /// The colour setting (`--color`).
  public var color = ColorChoice.auto
  /// Arguments after the file or command, for the program itself.
  public var programArguments: [String] = []

  /// Makes the options of a bare `mlscript`.
  public init() {}
}

/// The outcome of reading the command line.
public enum ParsedCommandLine: Equatable, Sendable {
  /// Run with these options.
  case run(Options)
  /// Print the usage text (`--help`).
  case help
  /// Print the version (`--version`).
  case version
  /// The arguments were wrong; the message says how.
  case usageError(String)
}

extension Options {
  /// Reads the arguments that follow the command's name.
  public static func parse(_ arguments: [String]) -> ParsedCommandLine {
    var options = Options()
    var index = 0

    func value(of flag: String, inline: String?) -> String? {
      if let inline { return inline }
      index += 1
      return index < arguments.count ? arguments[index] : nil
    }

    while index < arguments.count {
      let argument = arguments[index]
      let (flag, inline) = splitFlag(argument)
      switch flag {
      case "-h", "--help":
        return .help
      case "-V", "--version":
        return .version
      case "--run":
        options.runAll = true
      case "-i":
        options.interactiveAfter = true
      case "--transcript":
        guard let path = value(of: flag, inline: inline), !path.isEmpty else {
          return .usageError("option --transcript needs a file name")
        }
        options.transcriptPath = path
      case "--color", "--colour":
        guard let text = value(of: flag, inline: inline) else {
          return .usageError("option --color needs a value: auto, always or never")
        }
        guard let choice = ColorChoice(rawValue: text) else {
          return .usageError("invalid --color value '\(text)' (use auto, always or never)")
        }
        options.color = choice
      case "-c":
        guard let code = value(of: flag, inline: nil) else {
          return .usageError("option -c needs the code to run")
        }
        options.source = .command(code)
        options.programArguments = Array(arguments[(index + 1)...])
        return .run(options)
      case "-":
        options.source = .standardInput
        options.programArguments = Array(arguments[(index + 1)...])
        return .run(options)
      case "--":
        index += 1
        if index < arguments.count {
          options.source = .file(arguments[index])
          options.programArguments = Array(arguments[(index + 1)...])
        }
        return .run(options)
      default:
        if argument.hasPrefix("-") {
          return .usageError("unknown option '\(argument)'")
        }
        options.source = .file(argument)
        options.programArguments = Array(arguments[(index + 1)...])
        return .run(options)
      }
      index += 1
    }
    return .run(options)
  }

  /// `--name=value` as the flag and its value; other arguments as they are.
  private static func splitFlag(_ argument: String) -> (String, String?) {
    guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
      return (argument, nil)
    }
    return (
      String(argument[..<equals]), String(argument[argument.index(after: equals)...])
    )
  }

  /// The text `--help` prints.
  public static let usage = """
    usage: mlscript [options] [FILE | -c CODE | -] [args...]

    Runs mlscript, a notebook for learning deep learning in the terminal.

      mlscript                      open the REPL
      mlscript lesson.mlscript      step through a lesson, cell by cell
      mlscript --run lesson.mlscript
                                    run every cell, stopping at the first error
      mlscript -c 'print(1 + 1)'    run one piece of code
      mlscript - < script.mlscript  run code read from standard input
      mlscript -i lesson.mlscript   run a lesson, then open the REPL with its variables

    options:
      --run                 run every cell in order instead of stepping
      -i                    open the REPL after running the code
      --transcript OUT.md   write each cell's source and output to OUT.md as it runs
      --color=WHEN          auto (default), always or never; NO_COLOR turns auto off
      -c CODE               run CODE
      -                     read the code from standard input
      -h, --help            show this help
      -V, --version         show the version

    exit status: 0 success, 1 an error in the code, 2 bad usage or an unreadable
    file, 130 interrupted.
    """

  /// The one line shown under a usage error.
  public static let usageHint =
    "usage: mlscript [options] [FILE | -c CODE | -]; try 'mlscript --help'"
}
