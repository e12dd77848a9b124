# expect: TypeError at 2:10
s = '%d' % 'a'
