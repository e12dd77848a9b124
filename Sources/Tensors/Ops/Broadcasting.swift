extension NDArray {
  /// The shape NumPy broadcasts `shapes` to, or ValueError naming them.
  public static func broadcastShape(_ shapes: [[Int]]) throws -> [Int] {
    let rank = shapes.map(\.count).max() ?? 0
    var result = [Int](repeating: 1, count: rank)
    for shape in shapes {
      for (i, length) in shape.enumerated() {
        let axis = rank - shape.count + i
        if result[axis] == 1 {
          result[axis] = length
        } else if length != 1 && length != result[axis] {
          let listed = shapes.map(compactShape).joined(separator: " ")
          throw TensorError(
            .valueError,
            "operands could not be broadcast together with shapes \(listed) ")
        }
      }
    }
    return result
  }

  /// Strides that read this array as if it had `target` shape (zero along
  /// broadcast axes); the caller has checked compatibility.
  func broadcastStrides(to target: [Int]) -> [Int] {
    var result = [Int](repeating: 0, count: target.count)
    let shift = target.count - shape.count
    for axis in shape.indices where shape[axis] != 1 {
      result[axis + shift] = strides[axis]
    }
    return result
  }

  /// A read-only-in-spirit view of the array broadcast to `target`.
  public func broadcast(to target: [Int]) throws -> NDArray {
    let joined = try NDArray.broadcastShape([shape, target])
    guard joined == target else {
      throw TensorError(
        .valueError,
        "could not broadcast input array from shape \(compactShape(shape))"
          + " into shape \(compactShape(target))")
    }
    try NDArray.checkAddressable(target, dtype: dtype)
    return NDArray(
      storage: storage, dtype: dtype, shape: target,
      strides: broadcastStrides(to: target), offset: offset)
  }
}

/// A shape as NumPy writes it in error messages: `(5,2)`, `(3,)`.
public func compactShape(_ shape: [Int]) -> String {
  if shape.count == 1 { return "(\(shape[0]),)" }
  return "(" + shape.map(String.init).joined(separator: ",") + ")"
}
