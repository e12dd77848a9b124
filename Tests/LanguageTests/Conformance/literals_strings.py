print('single', "double", '''triple
line''', """another""")
print('esc\tape\n\\ \x41 \u00e9 \101', r'raw\n')
print("con" "cat" 'ena' "tion")
print(repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('\n\t'))
print(len("héllo"), "abc"[1], "abc"[-1], "abcdef"[1:4], "abcdef"[::-1], "abcdef"[::2])
