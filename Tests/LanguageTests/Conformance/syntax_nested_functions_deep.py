def f1():
    def f2():
        def f3():
            def f4():
                return 'deep'
            return f4()
        return f3()
    return f2()
print(f1())
