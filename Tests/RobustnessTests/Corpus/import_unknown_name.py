# expect: ImportError at 2:1
from numpy import nothing_here
