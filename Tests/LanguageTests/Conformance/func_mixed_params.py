def layer(units, *args, activation=None, use_bias=True, **kwargs):
    return units, args, activation, use_bias, kwargs
print(layer(64))
print(layer(32, 'extra', activation='relu', name='dense'))
print(layer(units=8, use_bias=False))
