# expect: RuntimeError at 2:5
f = open('/etc/passwd', 'w')
