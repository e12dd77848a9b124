def find(items, target):
    for index, item in enumerate(items):
        if item == target:
            print('found at', index)
            break
    else:
        print('not found')
find([1, 2, 3], 2)
find([1, 2, 3], 5)
