try:
    1 / 0
except ZeroDivisionError as e:
    print('caught', e, type(e), repr(e))
try:
    [][1]
except (KeyError, IndexError) as e:
    print('lookup', e)
try:
    {}['missing']
except LookupError as e:
    print('key', e)
try:
    raise ValueError('bad value')
except Exception as e:
    print(type(e).__name__, e.args)
finally:
    print('finally')
try:
    pass
except Exception:
    print('no')
else:
    print('else ran')
def f():
    try:
        return 'from try'
    finally:
        print('cleanup')
print(f())
try:
    try:
        raise KeyError('k')
    except KeyError:
        print('inner')
        raise
except KeyError as e:
    print('outer', repr(e))
try:
    undefined_name
except NameError as e:
    print(e)
try:
    int('x')
except ValueError as e:
    print(e)
try:
    'a' + 1
except TypeError as e:
    print(e)
try:
    assert 1 == 2, 'math is broken'
except AssertionError as e:
    print('assert', e)
try:
    raise RuntimeError
except RuntimeError as e:
    print('bare class', repr(e))
print(isinstance(ZeroDivisionError(), ArithmeticError), issubclass(KeyError, LookupError))
for exc in [ValueError, TypeError]:
    try:
        raise exc('m')
    except ValueError:
        print('value')
    except TypeError:
        print('type')
