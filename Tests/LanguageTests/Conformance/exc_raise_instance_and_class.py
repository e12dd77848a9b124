for thing in [ValueError('with message'), ValueError, RuntimeError('rt')]:
    try:
        raise thing
    except Exception as e:
        print(type(e).__name__, repr(e), str(e), e.args)
