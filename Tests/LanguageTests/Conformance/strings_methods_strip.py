print(repr('  x  '.strip()), repr('xxhixx'.strip('x')), repr('\n\tz\n'.strip()), repr('abcba'.strip('ab')), repr('  y'.lstrip()), repr('y  '.rstrip()))
