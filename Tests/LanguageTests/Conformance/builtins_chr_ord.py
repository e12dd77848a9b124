print([chr(c) for c in range(65, 70)], [ord(c) for c in 'az09'], chr(0x263A), ord('\n'))
