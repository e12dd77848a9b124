# String methods match, split and strip by code point, not by character.
t = "cafe\u0301 bar, cafe\u0301 baz"
print(t.split("e"), t.split(","), t.split("\u0301", 1), t.rsplit("e", 1), t.rsplit(" ", 2))
print(repr(t.replace("e", "E")), repr(t.replace("\u0301", "", 1)), repr("ab".replace("", "-", 2)))
print(repr("e\u0301".replace("", "|")), t.count("\u0301"), t.count(""), "\u00e9" in t)
print(t.partition("e"), t.rpartition("e"), t.partition("zz"), t.rpartition("zz"))
print(t.startswith("cafe"), t.endswith("e\u0301 baz"), t.startswith("e\u0301", 3), t.endswith(("x", "baz")))
print(repr(t.removeprefix("cafe")), repr(t.removesuffix("\u0301 baz")), repr(t.removeprefix("caf\u00e9")))
print(repr("\u0301\u0301ab\u0301".strip("\u0301")), repr("e\u0301\u0301".rstrip("\u0301")), repr("\u0301e".lstrip("\u0301")))
print(repr("  x\u2003 ".strip()), repr("\u00e9\u0301".split("\u0301")), "a\u0301".find("a"), "a\u0301".rfind("\u0301"))
try:
    t.partition("")
except ValueError as e:
    print(e)
try:
    t.rsplit("", 1)
except ValueError as e:
    print(e)
