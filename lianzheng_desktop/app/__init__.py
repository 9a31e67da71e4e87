"""The application layer: the one way in to a data file and the one clock, shared by the
window (qt) and the command line (cli), and the use cases they both run (reports).

Neither the window nor the command line opens a database or reads the clock on its own:
they ask this layer, which asks storage. Nothing here speaks SQL or Qt.
"""
