/// The version `mlscript --version` prints and `tf.__version__` reports.
public let mlscriptVersion = "0.1.0"
