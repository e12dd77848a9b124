values = [1, 2]
for code in ['valuse', 'vales', 'lenght', 'prnt', 'xyz123']:
    try:
        eval_result = {'valuse': lambda: valuse, 'vales': lambda: vales, 'lenght': lambda: lenght, 'prnt': lambda: prnt, 'xyz123': lambda: xyz123}[code]()
    except NameError as e:
        print(e)
