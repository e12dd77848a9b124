print(abs(-0), abs(-0.0), abs(-3) == 3, abs(-2.5), abs(True), -abs(-4))
