d = {'a': 1}
def get(k):
    return d[k]
get('b')
