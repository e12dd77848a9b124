# expect: SyntaxError at 2:1
class A:
    def __repr__(self):
        return repr(self)
repr(A())
