# Raises at top level after printing one line.
print('before the raise')


def explode():
    raise ValueError('top-level failure')


explode()
print('never printed')
