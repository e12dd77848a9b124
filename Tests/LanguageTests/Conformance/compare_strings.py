print('apple' < 'banana', 'Zebra' < 'apple', 'abc' < 'abcd', '' < 'a', 'a' == 'a', 'é' > 'z')
