prices = {'apple': 1.25, 'pear': 0.8}
for name, price in prices.items():
    print(f'{name:6} {price:5.2f}')
for name in sorted(prices, key=prices.get):
    print(name)
