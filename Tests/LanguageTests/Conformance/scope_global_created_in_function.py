def create():
    global created
    created = 'made inside'
create()
print(created)
