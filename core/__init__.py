"""Pure-Python core of Centralités: pandas and numpy only, never QGIS or Qt."""
