import Language
import Tensors

/// Declares the members of `ndarray` (and of `tf.Tensor`, which shares
/// them and adds `numpy()`).
func makeArrayType(_ name: String) -> PyType {
  PyType(name) { t in
    declareProperties(t, isTensor: name != "ndarray")
    declareShapeMethods(t)
    declareReductions(t)
    declareElementMethods(t)
  }
}

private func declareProperties(_ t: PyType, isTensor: Bool) {
  t.property("shape") { (o: NDArrayObject) in
    isTensor ? .object(TensorShape(o.array.shape)) : shapeTuple(o.array.shape)
  }
  t.property("ndim") { (o: NDArrayObject) in .int(o.array.ndim) }
  t.property("size") { (o: NDArrayObject) in .int(o.array.count) }
  t.property("dtype") { (o: NDArrayObject) in
    .object(DTypeObject(o.array.dtype, isScalarType: false))
  }
  t.property("itemsize") { (o: NDArrayObject) in .int(o.array.dtype.itemSize) }
  t.property("nbytes") { (o: NDArrayObject) in .int(o.array.count * o.array.dtype.itemSize) }
  t.property("T") { (o: NDArrayObject) in o.wrap(try o.array.transposed()) }
  t.method("numpy") { (o: NDArrayObject, _) in
    Value(array: o.array, flavor: .ndarray)
  }
}

private func declareShapeMethods(_ t: PyType) {
  t.method("reshape") { (o: NDArrayObject, args) in
    let a = try args.bind("reshape(*shape, order='C')")
    return o.wrap(try o.array.reshaped(try shapeArguments(a.extra, context: "reshape()")))
  }
  t.method("flatten") { (o: NDArrayObject, _) in o.wrap(try o.array.flattened()) }
  t.method("ravel") { (o: NDArrayObject, _) in o.wrap(try o.array.raveled()) }
  t.method("copy") { (o: NDArrayObject, _) in o.wrap(try o.array.copy()) }
  t.method("astype") { (o: NDArrayObject, args) in
    let a = try args.bind("astype(dtype, order='K', casting='unsafe', subok=True, copy=True)")
    return o.wrap(try o.array.astype(try parseDType(a["dtype"] ?? .none)))
  }
  t.method("transpose") { (o: NDArrayObject, args) in
    let a = try args.bind("transpose(*axes)")
    let axes = a.extra.isEmpty ? nil : try shapeArguments(a.extra, context: "transpose()")
    return o.wrap(try o.array.transposed(axes))
  }
  t.method("swapaxes") { (o: NDArrayObject, args) in
    let a = try args.bind("swapaxes(axis1, axis2)")
    return o.wrap(try o.array.swappingAxes(try a.int("axis1"), try a.int("axis2")))
  }
  t.method("squeeze") { (o: NDArrayObject, args) in
    let a = try args.bind("squeeze(axis=None)")
    return o.wrap(try o.array.squeezed(try a.axes()))
  }
  t.method("tolist") { (o: NDArrayObject, _) in try Value.list(of: o.array) }
  t.method("item") { (o: NDArrayObject, args) in
    try ArrayOperations.item(o.array, args.positional)
  }
  t.method("fill") { (o: NDArrayObject, args) in
    let a = try args.bind("fill(value)")
    try o.array.assign(try (a["value"] ?? .none).asNDArray(storingInto: o.array.dtype))
    return .none
  }
  t.method("nonzero") { (o: NDArrayObject, _) in
    .tuple(try o.array.nonzero().map { Value(array: $0) })
  }
  t.method("dot") { (o: NDArrayObject, args) in
    let a = try args.bind("dot(b)")
    return o.wrap(try NDArray.dot(o.array, try a.array("b")))
  }
}

private func declareReductions(_ t: PyType) {
  let reductions: [(String, ReductionOp)] = [
    ("sum", .sum), ("prod", .prod), ("mean", .mean), ("min", .min), ("max", .max),
    ("argmin", .argmin), ("argmax", .argmax), ("any", .any), ("all", .all),
  ]
  for (name, op) in reductions {
    let signature = "\(name)(\(ArrayOperations.reductionSignature(name, op)))"
    t.method(name) { (o: NDArrayObject, args) in
      o.wrap(try ArrayOperations.reduce(op, o.array, try args.bind(signature)))
    }
  }
  for name in ["std", "var"] {
    let signature = "\(name)(axis=None, dtype=None, out=None, ddof=0, keepdims=False)"
    t.method(name) { (o: NDArrayObject, args) in
      o.wrap(
        try ArrayOperations.spread(name, o.array, try args.bind(signature), std: name == "std"))
    }
  }
  t.method("cumsum") { (o: NDArrayObject, args) in
    let a = try args.bind("cumsum(axis=None, dtype=None, out=None)")
    let axis = try a.optional("axis").map { try $0.asInt(context: "cumsum() axis") }
    return o.wrap(try o.array.cumulativeSum(axis: axis))
  }
}

private func declareElementMethods(_ t: PyType) {
  t.method("round") { (o: NDArrayObject, args) in
    let a = try args.bind("round(decimals=0, out=None)")
    return o.wrap(try o.array.rounded(decimals: try a.int("decimals", default: 0)))
  }
  t.method("clip") { (o: NDArrayObject, args) in
    let a = try args.bind("clip(min=None, max=None, out=None)")
    return o.wrap(try ArrayOperations.clip(o.array, a["min"], a["max"]))
  }
  t.method("argsort") { (o: NDArrayObject, args) in
    let a = try args.bind("argsort(axis=-1, kind=None, order=None)")
    return o.wrap(try o.array.argsort(axis: try a.int("axis", default: -1)))
  }
  t.method("sort") { (o: NDArrayObject, args) in
    let a = try args.bind("sort(axis=-1, kind=None, order=None)")
    try o.array.assign(try o.array.sorted(axis: try a.int("axis", default: -1)))
    return .none
  }
}
