import Language
import Library
import Support

#if canImport(Glibc)
  import Glibc
#endif

extension CommandLine {
  /// Runs the `mlscript` command with its arguments (the first is the
  /// command's own name); returns the exit code.
  public static func run(_ arguments: [String]) -> Int32 {
    if arguments.count == 3, arguments[1] == dataFileProbeFlag {
      return runDataFileProbe(arguments[2])
    }
    let options: Options
    switch Options.parse(Array(arguments.dropFirst())) {
    case .help:
      Console.shared.write(Options.usage + "\n")
      return 0
    case .version:
      Console.shared.write("mlscript \(mlscriptVersion)\n")
      return 0
    case .usageError(let message):
      StandardError.write("mlscript: \(message)\n\(Options.usageHint)\n")
      return 2
    case .run(let parsed):
      options = parsed
    }
    reopenClosedStandardStreams()
    // A reader that went away (`| head`) makes writes fail with EPIPE,
    // which `print` raises as BrokenPipeError, instead of killing us.
    signal(SIGPIPE, SIG_IGN)
    applyColor(options.color)
    InterruptSignal.install()
    if let executable = runningExecutable() { probeDataFiles(executable: executable) }
    defer { closeOpenDataFiles() }
    let status = LargeStack.run { Program(options: options).run() }
    return reportLostOutput(status)
  }

  /// Points standard streams the caller closed at /dev/null, as CPython
  /// treats them as absent: otherwise the next file opened (an HDF5 file,
  /// a transcript) would get descriptor 1 and receive what `print` writes.
  static func reopenClosedStandardStreams() {
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
    where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
      if null >= 0 && null != descriptor {
        dup2(null, descriptor)
        close(null)
      }
    }
  }

  /// The exit status once the program ended: output that could not be
  /// written and was not raised by `print` (a shown value, a progress bar)
  /// is reported, with CPython's status for a failed final flush.
  static func reportLostOutput(_ status: Int32) -> Int32 {
    guard let code = Console.shared.takeWriteFailure() else { return status }
    StandardError.write(
      "mlscript: cannot write standard output: \(PyError.system(errno: code).description)\n")
    return status == 0 ? 120 : status
  }

  /// The path of the executable running now, for child processes that
  /// run it again; nil when the system does not say.
  static func runningExecutable() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { return nil }
    buffer[length] = 0
    return String(cString: buffer)
  }

  /// Sets the console's colour depth from `--color`.
  static func applyColor(_ choice: Options.ColorChoice) {
    let environment = Console.processEnvironment()
    switch choice {
    case .auto:
      break
    case .never:
      Console.shared.colorDepth = .none
    case .always:
      let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
      let deep = colorTerm == "truecolor" || colorTerm == "24bit"
      Console.shared.colorDepth = deep ? .trueColor : .palette256
      StandardError.forcesColor = true
    }
  }
}

/// What one invocation of the command does, once its options are known.
struct Program {
  let options: Options
  /// Where the command was started, for paths given on the command line.
  let startDirectory = Program.currentDirectory()

  /// `sys.argv` as Python makes it: the script (`-c`, `-`, or empty at
  /// the REPL) followed by the program's own arguments.
  var argv: [String] {
    switch options.source {
    case .file(let path): return [path] + options.programArguments
    case .command: return ["-c"] + options.programArguments
    case .standardInput: return ["-"] + options.programArguments
    case nil: return [""]
    }
  }

  func run() -> Int32 {
    let session = Session(interpreter: Interpreter(modules: BuiltinModules(arguments: argv)))
    let interactiveInput = isatty(STDIN_FILENO) == 1
    guard let source = options.source else {
      if interactiveInput { return Repl(session: session).run() }
      return runLoaded(readStandardInput(), session: session)
    }
    switch source {
    case .command(let code):
      let lesson = Lesson(
        path: "<string>",
        cells: [LessonCell(kind: .code, title: nil, source: code, line: 1)])
      return finish(run(lesson, session: session, display: .script), session: session)
    case .standardInput:
      return runLoaded(readStandardInput(), session: session)
    case .file(let path):
      guard let lesson = Program.loadLesson(path) else {
        return Program.isReadableFile(path) ? 1 : 2
      }
      // A lesson runs in its own folder, as a Jupyter notebook does, so
      // that it finds its data files by relative paths.
      Program.enterDirectory(of: path)
      let stepping =
        interactiveInput && isatty(STDOUT_FILENO) == 1 && !options.runAll
        && !options.interactiveAfter
      if stepping {
        guard openTranscript(for: lesson, session: session) else { return 2 }
        let file = Program.absolute(path, from: startDirectory)
        return Stepper(lesson: lesson, session: session, file: file).run()
      }
      return finish(run(lesson, session: session, display: .cell), session: session)
    }
  }

  private func runLoaded(_ lesson: Lesson?, session: Session) -> Int32 {
    // Input that was read but is not UTF-8 has had its SyntaxError shown.
    guard let lesson else { return 1 }
    return finish(run(lesson, session: session, display: .cell), session: session)
  }

  private func run(_ lesson: Lesson, session: Session, display: DisplayMode) -> Int32 {
    guard openTranscript(for: lesson, session: session) else { return 2 }
    return BatchRunner(session: session, display: display).run(lesson)
  }

  /// After the code ran: the REPL when `-i` asked for it.
  private func finish(_ status: Int32, session: Session) -> Int32 {
    guard options.interactiveAfter else { return status }
    session.transcript = nil
    return Repl(session: session).run()
  }

  private func openTranscript(for lesson: Lesson, session: Session) -> Bool {
    guard let path = options.transcriptPath else { return true }
    // `--transcript lesson.mlscript` with the output name forgotten would
    // otherwise overwrite the lesson itself.
    if path.hasSuffix(".mlscript") || path.hasSuffix(".py") || path == lesson.path {
      StandardError.write(
        "mlscript: refusing to write the transcript over \(path), a program file;"
          + " name a .md file after --transcript\n")
      return false
    }
    let transcript = Transcript(
      path: Program.absolute(path, from: startDirectory), sourceName: lesson.path)
    do {
      try transcript.flush()
    } catch {
      StandardError.write("mlscript: \(error)\n")
      return false
    }
    session.transcript = transcript
    Console.shared.observers.append { [weak transcript] text in
      transcript?.appendOutput(text)
    }
    StandardError.observer = { [weak transcript] text in transcript?.appendOutput(text) }
    return true
  }

  private func readStandardInput() -> Lesson? {
    guard let bytes = readDescriptorZero() else {
      StandardError.write("mlscript: cannot read standard input\n")
      exit(2)
    }
    return Program.decodeLesson(bytes, path: "<stdin>")
  }

  private func readDescriptorZero() -> [UInt8]? {
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return nil }
      if count == 0 { return result }
      result += chunk[0..<count]
    }
  }

  /// The working directory's absolute path.
  static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(cString: buffer)
  }

  /// `path` made absolute against `directory`.
  static func absolute(_ path: String, from directory: String) -> String {
    path.hasPrefix("/") ? path : directory + "/" + path
  }

  /// Moves into the folder holding `path`; stays put when it cannot.
  static func enterDirectory(of path: String) {
    guard let slash = path.lastIndex(of: "/") else { return }
    let folder = slash == path.startIndex ? "/" : String(path[..<slash])
    _ = chdir(folder)
  }

  /// Whether `path` names a regular file this process can read, telling a
  /// program with a SyntaxError (status 1) from a missing file (status 2).
  static func isReadableFile(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
      && access(path, R_OK) == 0
  }

  /// Reads and splits a lesson file; on failure says why and returns nil.
  static func loadLesson(_ path: String) -> Lesson? {
    var status = stat()
    if stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
      StandardError.write("mlscript: cannot read \(path): it is a directory\n")
      return nil
    }
    guard let bytes = AtomicFile.read(path) else {
      let reason = String(cString: strerror(errno))
      StandardError.write("mlscript: cannot read \(path): \(reason)\n")
      return nil
    }
    return decodeLesson(bytes, path: path)
  }

  /// The lesson in `bytes`; nil, after showing the SyntaxError, when they
  /// are not UTF-8, since a lossy reading would change the program.
  static func decodeLesson(_ bytes: [UInt8], path: String) -> Lesson? {
    do {
      let text = try SourceDecoding.decode(bytes, origin: SourceOrigin(file: path))
      return Lesson(parsing: text, path: path)
    } catch let error as PyError {
      let line = error.location?.line ?? 1
      StandardError.write(
        "  File \"\(path)\", line \(line)\n\(error.type.name): \(error.message)\n")
      return nil
    } catch {
      StandardError.write("mlscript: cannot read \(path): \(error)\n")
      return nil
    }
  }
}
