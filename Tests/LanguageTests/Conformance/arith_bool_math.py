print(True + 1, False * 5, True / 2, sum([True, True, False]), True == 1, False == 0)
