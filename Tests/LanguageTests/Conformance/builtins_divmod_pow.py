print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), pow(3, 4), pow(2, -1), pow(5, 3, 7), pow(2.0, 0.5))
