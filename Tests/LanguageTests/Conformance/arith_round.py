print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(2.675, 2), round(1.005, 2))
print(round(12345, -1), round(12355, -1), round(0.1234, 3), round(5), round(5.0), round(-3.75, 1))
