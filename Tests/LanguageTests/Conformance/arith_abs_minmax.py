print(abs(-5), abs(5.5), abs(-0.0), abs(True), min(1, 2.5), max(-1, -1.5), max(3, 3.0), min([0, -0.0]))
