config = {'model': {'layers': [64, 32]}}
units = config['model']['layers'][5]
