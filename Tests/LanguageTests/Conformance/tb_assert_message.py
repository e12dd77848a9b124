def train(epochs):
    assert epochs > 0, "epochs must be positive"
train(0)
