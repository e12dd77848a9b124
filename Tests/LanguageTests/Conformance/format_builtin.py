print(format(3.14159, '.3f'), format(255, 'x'), format(0.5, '%'), format('x', '>3'), format(12345, ','), format(7, '03d'))
