epoch = 3
loss = 0.25
print(f"{epoch=}, {loss=:.3f}, {epoch + 1 = }")
