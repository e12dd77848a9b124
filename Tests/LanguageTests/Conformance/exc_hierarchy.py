for exc in [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, NameError, AttributeError, RecursionError, ModuleNotFoundError, FileNotFoundError, KeyboardInterrupt]:
    print(exc.__name__, issubclass(exc, Exception), issubclass(exc, BaseException))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(IndexError, LookupError), issubclass(ModuleNotFoundError, ImportError), issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError), issubclass(FileNotFoundError, OSError))
