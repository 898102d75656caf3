"""The toolbox's algorithms, one a module, as the provider lists them.

Each module is a leaf: only ``processing/provider.py`` imports it. What two
algorithms share lives beside this folder (inputs, reports, frames, outputs).
"""
