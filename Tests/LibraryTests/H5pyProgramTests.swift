import Foundation
import Language
import Library
import Tensors
import XCTest

/// h5py and sklearn as the lessons use them, run through the interpreter.
final class H5pyProgramTests: XCTestCase {
  private let sharedData: String = {
    let here = URL(fileURLWithPath: #filePath)
    let repository = here.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return repository.deletingLastPathComponent().appendingPathComponent("shared/data").path
  }()

  private func run(_ interpreter: Interpreter, _ source: String) throws -> [String] {
    try interpreter.run(
      source, origin: SourceOrigin(file: "<test>"), display: .interactive
    ).map { try $0.repr() }
  }

  func testTheLessonCellRuns() throws {
    let interpreter = Interpreter(modules: BuiltinModules())
    _ = try run(
      interpreter,
      """
      import h5py
      with h5py.File('\(sharedData)/mini_cifar.h5','r') as h5f:
          x_cifar = h5f["x"][:]
          y_cifar = h5f["y"][:]
          first = h5f["x"][:2, :, 0]
          shown = repr(h5f["x"])

      from sklearn.model_selection import train_test_split
      x_train, x_test, y_train, y_test = train_test_split(x_cifar, y_cifar, test_size=.25)
      """)
    XCTAssertEqual(
      try run(interpreter, "x_train.shape\ny_train.shape\nx_test.shape\ny_test.shape"),
      ["(2253, 32, 32, 3)", "(2253,)", "(751, 32, 32, 3)", "(751,)"])
    XCTAssertEqual(try run(interpreter, "first.shape"), ["(2, 32, 3)"])
    XCTAssertEqual(
      try run(interpreter, "shown"),
      ["'<HDF5 dataset \"x\": shape (3004, 32, 32, 3), type \"|u1\">'"])
    XCTAssertEqual(try run(interpreter, "h5f"), ["<Closed HDF5 file>"])
    let labels = try XCTUnwrap(interpreter.global("y_cifar")?.object(as: NDArrayObject.self))
    XCTAssertEqual(labels.array.dtype, .int64)
  }

  func testToyDataThroughStarImport() throws {
    let interpreter = Interpreter(modules: BuiltinModules())
    _ = try run(
      interpreter,
      """
      from sklearn.datasets import *
      X, y = make_moons(300, shuffle=True, noise=0.25)
      C, c = make_circles(10, random_state=1, factor=.5)
      B, b = make_blobs(9, centers=3, random_state=0)
      """)
    XCTAssertEqual(
      try run(interpreter, "X.shape\ny.shape\nC.shape\nB.shape"),
      ["(300, 2)", "(300,)", "(10, 2)", "(9, 2)"])
  }

  func testFilesAndErrorsInPrograms() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("h5py-program-\(getpid())-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
    let interpreter = Interpreter(modules: BuiltinModules())
    _ = try run(
      interpreter,
      """
      import h5py
      f = h5py.File('\(directory)/t.h5', 'w')
      g = f.create_group('train')
      d = g.create_dataset('x', data=[[1.5, 2.5], [3.5, 4.5]], compression='gzip')
      d.attrs['units'] = 'm'
      f.attrs['n'] = 3
      f.close()
      f = h5py.File('\(directory)/t.h5', 'r')
      """)
    XCTAssertEqual(
      try run(
        interpreter,
        "list(f.keys())\n'train/x' in f\nlen(f['train'])\nf['train/x'][1, :]\n"
          + "f['train/x'].attrs['units']\nf['train/x'][...].sum()\nf.attrs['n']"),
      [
        "['train']", "True", "1", try run(interpreter, "f['train/x'][1]")[0], "'m'",
        try run(interpreter, "f['train/x'][:].sum()")[0], try run(interpreter, "f.attrs['n']")[0],
      ])
    XCTAssertThrowsError(try run(interpreter, "f['valid']")) { error in
      let message = "\(error)"
      XCTAssertTrue(message.hasPrefix("KeyError"), message)
      XCTAssertTrue(message.contains("it holds 'train'"), message)
    }
    XCTAssertThrowsError(try run(interpreter, "h5py.File('missing.h5', 'r')")) { error in
      XCTAssertTrue("\(error)".hasPrefix("FileNotFoundError: [Errno 2]"), "\(error)")
    }
    XCTAssertThrowsError(try run(interpreter, "f.create_group('new')")) { error in
      XCTAssertTrue("\(error)".contains("read-only"), "\(error)")
    }
    _ = try run(interpreter, "f.close()")
    XCTAssertThrowsError(try run(interpreter, "d[:]")) { error in
      XCTAssertTrue("\(error)".contains("is closed"), "\(error)")
    }
  }

  func testClassesForIsinstance() throws {
    let interpreter = Interpreter(modules: BuiltinModules())
    _ = try run(interpreter, "import h5py\nf = h5py.File('\(sharedData)/h5/groups.h5', 'r')")
    defer { _ = try? run(interpreter, "f.close()") }
    XCTAssertEqual(
      try run(
        interpreter,
        """
        g = f['train']
        x = f['train/x']
        isinstance(f, h5py.File), isinstance(f, h5py.Group), isinstance(f, h5py.Dataset)
        isinstance(g, h5py.Group), isinstance(g, h5py.File), isinstance(g, h5py.Dataset)
        isinstance(x, h5py.Dataset), isinstance(x, h5py.Group), isinstance(x, (int, h5py.Dataset))
        h5py.Dataset, h5py.Group, h5py.File
        """),
      [
        "(True, True, False)", "(True, False, False)", "(True, False, True)",
        "(<class 'h5py._hl.dataset.Dataset'>, <class 'h5py._hl.group.Group'>,"
          + " <class 'h5py._hl.files.File'>)",
      ])
    XCTAssertThrowsError(try run(interpreter, "h5py.Dataset()")) {
      XCTAssertEqual(($0 as? PyError)?.type.name, "TypeError")
    }
  }

  func testNarrowTypesKeepTheirDTypeAndReadExactly() throws {
    // Values and dtypes as h5py 3.16 with NumPy 2.4 reports them.
    let interpreter = Interpreter(modules: BuiltinModules())
    _ = try run(
      interpreter,
      "import h5py\nimport numpy as np\nf = h5py.File('\(sharedData)/h5/dtypes.h5', 'r')")
    defer { _ = try? run(interpreter, "f.close()") }
    XCTAssertEqual(
      try run(
        interpreter,
        """
        isinstance(f['i8'], h5py.Dataset), isinstance(f['i8'], h5py.Group)
        f['i8'].dtype, str(f['i8'].dtype), f['i8'].dtype.itemsize, f['i8'].dtype.str
        f['f16'].dtype, str(f['f16'].dtype), f['f16'].dtype.kind, f['f16'].nbytes
        f['i8'].dtype == 'i1', f['i8'].dtype == 'int8', f['i8'].dtype == np.int32
        f['f16'].dtype == 'float16', f['f16'].dtype == '<f2', f['f16'].dtype == np.float32
        f['f32'].dtype == np.float32, f['u8'].dtype == 'uint8', f['bool'].dtype == bool
        f['i8'][()].tolist()
        f['i8'][2:5].tolist()
        int(f['i8'][()].sum())
        f['f16'][()].tolist()
        float(f['f16'][()].astype(np.float64).sum())
        """),
      [
        "(True, False)", "(dtype('int8'), 'int8', 1, '|i1')",
        "(dtype('<f2'), 'float16', 'f', 12)", "(True, True, False)", "(True, True, False)",
        "(True, True, True)", "[-31, 19, 122, -28, 23, -16, 26, -14, 35]", "[122, -28, 23]",
        "136",
        "[0.1544189453125, 0.267578125, 0.88037109375, 0.509765625, 0.84716796875,"
          + " 0.6396484375]",
        "3.2989501953125",
      ])
    // Arrays widen to dtypes the runtime has; the values are unchanged.
    XCTAssertEqual(
      try run(interpreter, "f['i8'][()].dtype, f['f16'][()].dtype"),
      ["(dtype('int32'), dtype('float32'))"])
  }

  func testByteOrderTakesPartInDTypeEquality() throws {
    let interpreter = Interpreter(modules: BuiltinModules())
    _ = try run(
      interpreter,
      "import h5py\nimport numpy as np\nf = h5py.File('\(sharedData)/h5/big_endian.h5', 'r')")
    defer { _ = try? run(interpreter, "f.close()") }
    XCTAssertEqual(
      try run(interpreter, "f['n'].dtype, f['n'].dtype == np.int32, f['n'].dtype == '>i4'"),
      ["(dtype('>i4'), False, True)"])
  }
}
