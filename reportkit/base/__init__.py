"""Small shared basics every stage may use: the build's clock, content hashes, the
workbooks a command was given, and the files a build reads and writes — atomically,
inside the output folder, stamped with the inputs that made them. Nothing here knows the
pipeline, so any stage can lean on it without a circle."""
