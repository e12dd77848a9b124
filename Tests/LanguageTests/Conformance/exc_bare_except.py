try:
    undefined_function()
except:
    print('bare except caught it')
