print(r'\n', R'\t', u'unicode', f'{1+1}', rf'{2}\n', 'a' 'b' f'{3}', '''it's''', """say "hi\"""")
