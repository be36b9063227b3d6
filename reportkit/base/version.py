"""The version of reportkit, kept here so every stage can record which reportkit built a
report without importing the package's face (`reportkit/__init__.py`), which sits above them."""

__version__ = "0.1.0"
