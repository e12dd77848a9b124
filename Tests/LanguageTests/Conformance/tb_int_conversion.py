value = int('forty-two')
