import Language
import Tensors

/// Turns a subscript key (`0`, `1:3`, `...`, `None`, masks, tuples of
/// them) into the runtime's index items.
func indexItems(_ key: Value) throws -> [IndexItem] {
  if let tuple = key.object(as: PyTuple.self) { return try tuple.items.map(indexItem) }
  return [try indexItem(key)]
}

private func indexItem(_ key: Value) throws -> IndexItem {
  switch key {
  case .int(let position): return .index(position)
  case .bool(let flag): return .array(NDArray(scalar: flag))
  case .none: return .newAxis
  case .float:
    throw PyError(
      .indexError,
      "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or"
        + " boolean arrays are valid indices")
  case .string:
    throw PyError(
      .indexError,
      "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis"
        + " (`None`) and integer or boolean arrays are valid indices")
  case .object(let object):
    switch object.type.name {
    case "slice":
      func bound(_ name: String) throws -> Int? {
        guard let value = try object.attribute(name), !value.isNone else { return nil }
        return try value.asInt(context: "slice indices")
      }
      return .slice(start: try bound("start"), stop: try bound("stop"), step: try bound("step"))
    case "ellipsis":
      return .ellipsis
    default:
      break
    }
    if let scalar = object as? NumPyIntegerScalar, scalar.dtype != .bool {
      return .index(try scalar.integerValue())
    }
    if (try? object.repr()) == "Ellipsis" { return .ellipsis }
    return .array(try key.asNDArray(context: "index"))
  }
}
