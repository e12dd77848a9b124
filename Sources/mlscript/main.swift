import Notebook

#if canImport(Glibc)
  import Glibc
#endif

exit(CommandLine.run(CommandLine.arguments))
