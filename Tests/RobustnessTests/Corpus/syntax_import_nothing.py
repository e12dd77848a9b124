# expect: SyntaxError at 2:7
import
