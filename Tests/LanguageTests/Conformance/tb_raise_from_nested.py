def validate(shape):
    if len(shape) != 2:
        raise ValueError(f"expected 2 dimensions, got {len(shape)}")
def build(shapes):
    for s in shapes:
        validate(s)
build([(1, 2), (1, 2, 3)])
