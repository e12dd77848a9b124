raise RuntimeError('custom failure with details')
