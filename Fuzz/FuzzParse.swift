import Language

/// Feeds arbitrary bytes, as source text, to the lexer and the parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let interpreter = Interpreter(modules: nil)
  _ = interpreter.syntaxCheck(text, origin: SourceOrigin(file: "<fuzz>"))
  return 0
}
