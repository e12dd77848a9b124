import_name = 'x'
value = import_name.upper().missing_method()
