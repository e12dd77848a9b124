print(bin(10), hex(255), oct(8), bin(-5), hex(-16), int(bin(10), 2), int(hex(255), 16), int('777', 8))
