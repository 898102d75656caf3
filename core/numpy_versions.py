"""numpy calls whose spelling changed between the oldest numpy the plugin supports (1.20, QGIS 3.22
on Windows) and today's: the quantile's method is ``method=`` from numpy 1.22, ``interpolation=`` before."""

import numpy as np


def quantile(values, q, method, axis=None):
    try:
        return np.quantile(values, q, axis=axis, method=method)
    except TypeError:  # numpy < 1.22
        return np.quantile(values, q, axis=axis, interpolation=method)


def percentile(values, q, method, axis=None):
    try:
        return np.percentile(values, q, axis=axis, method=method)
    except TypeError:  # numpy < 1.22
        return np.percentile(values, q, axis=axis, interpolation=method)
