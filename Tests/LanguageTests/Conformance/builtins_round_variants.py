print(round(3.14159, 3), round(2.5), round(3.5), round(-2.5), round(1e15), round(123.456, -1), round(-0.4), round(0.6), round(7, 2))
