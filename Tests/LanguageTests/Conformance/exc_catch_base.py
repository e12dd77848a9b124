try:
    [1][5]
except LookupError as e:
    print('LookupError caught', type(e).__name__)
try:
    {}['k']
except Exception as e:
    print('Exception caught', type(e).__name__, e)
