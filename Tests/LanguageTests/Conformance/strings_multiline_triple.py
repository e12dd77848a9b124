text = """line one
    indented line
last"""
print(text)
print(len(text.splitlines()), text.count('\n'))
