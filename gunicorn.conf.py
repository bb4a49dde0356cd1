"""gunicorn's settings, read from the working directory by every `gunicorn kb.wsgi`.

`preload_app`: the master imports the application (kb/wsgi.py), which loads the
sentence encoder's 118 MB of weights, and then forks the workers; they share those
pages copy-on-write instead of loading a copy each (docs/capacity.md). The price: a
code change needs a restart of the master (`kill -HUP` reloads the workers only).
"""

preload_app = True
