import DataFiles
import Language
import Tensors

extension TensorError: PythonConvertibleError {
  public var pythonExceptionName: String { kind.rawValue }
  public var pythonMessage: String { message }
}

extension DataFileError: PythonConvertibleError {
  public var pythonExceptionName: String { kind }
  public var pythonMessage: String { message }
}
