# expect: ModuleNotFoundError at 2:1
import numpyy
