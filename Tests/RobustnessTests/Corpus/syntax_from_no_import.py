# expect: SyntaxError at 2:11
from numpy
