# expect: ModuleNotFoundError at 2:1
from os import system
