# expect: ModuleNotFoundError at 2:1
import os
os.system('ls')
