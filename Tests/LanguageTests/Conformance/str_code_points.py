# Strings measure, index and slice by code point, as CPython does.
s = "e\u0301"
print(len(s), s[0], repr(s[1]), repr(s[::-1]), len("👍🏽"), list("👍🏽"))
t = "caf" + s + " ok"
print(len(t), t[3], repr(t[4]), t[5:], t[-2:], t[:4], repr(t[::2]))
print([ord(c) for c in t], [hex(ord(c)) for c in reversed(t)])
print(t.find("\u0301"), t.find("ok"), t.index(" "), t.rfind("e"), t.find("e\u0301", 1, 5))
print(t.find("x"), t.count("e"), "\u0301" in t, "e" in s, t.startswith("cafe"))
print(repr(t.ljust(9, "*")), repr(t.rjust(9)), repr(t.center(10, "-")), repr(s.zfill(4)))
print(repr(f"{t:>10}"), repr(f"{t:^9}|"), repr(f"{s:.1}"), repr(f"{'👍🏽':<4}|"))
print(repr("%5s|" % s), repr("{:*<5}".format(s)))
print("\u00e9" == "e\u0301", "\u00e9" != "e\u0301", len({"\u00e9", "e\u0301"}), "\u00e9" < "e\u0301")
d = {"\u00e9": 1}
print("e\u0301" in d, d.get("e\u0301"), sorted(["e\u0301", "\u00e9", "e"]))
flag = "🇫🇷"
print(len(flag), flag[1] == "\U0001F1F7", flag[:1] + "|" + flag[1:])
for c in "a\u0301b":
    print(repr(c), end=" ")
print()
try:
    ord(s)
except TypeError as e:
    print(e)
try:
    s[2]
except IndexError as e:
    print(e)
