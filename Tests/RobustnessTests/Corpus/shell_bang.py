# expect: RuntimeError at 2:1
!ls -la
