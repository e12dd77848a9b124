history = {'loss': [0.9, 0.5, 0.3], 'accuracy': [0.6, 0.8, 0.9]}
for key in history:
    values = history[key]
    print(f"{key:>10}: first={values[0]:.2f} last={values[-1]:.2f} best={max(values):.2f}")
best_epoch = min(range(len(history['loss'])), key=lambda e: history['loss'][e])
print('best epoch', best_epoch + 1)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [row[1] for row in grid], [grid[i][i] for i in range(3)])
transposed = list(map(list, zip(*grid)))
print(transposed)
records = [{'name': 'a', 'score': 3}, {'name': 'b', 'score': 1}]
records.sort(key=lambda r: r['score'])
print([r['name'] for r in records])
counts = {}
for word in 'the cat the dog the end'.split():
    counts[word] = counts.get(word, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1])[0])
