print(int('  -0  '), float('-0'), float('1e-3'), int(2.9999), int(-2.9999), float('.5'), int('+5'), float('Infinity'))
