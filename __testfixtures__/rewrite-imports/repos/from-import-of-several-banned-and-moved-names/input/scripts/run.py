import pkg.errors, pkg.util

print(pkg.errors.A, pkg.util)
