result = None
result.shape
