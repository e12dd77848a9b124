def layer(x):
    return x['weights']

def model(inputs):
    outputs = [layer(i) for i in inputs]
    return outputs

model([{'weights': 1}, {'bias': 2}])
