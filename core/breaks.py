"""Natural breaks (Jenks): the class limits that minimise the within-class variance.

Exact dynamic programme (Fisher 1958, Jenks 1977) over the distinct values
weighted by their counts. Beyond ``max_values`` distinct values it runs on
that many evenly spaced quantiles of the data (QGIS samples its Jenks
classification the same way), which keeps it to a fraction of a second on
the 35,000 communes of France.
"""

import numpy as np


def jenks_breaks(values, classes=5, max_values=2000):
    """Lower limits of the upper ``classes - 1`` classes, decreasing (highest class first).

    A value ``>=`` the first limit is in the top class, and so on. With fewer
    distinct values than classes, the limits repeat the lowest value so that
    the missing classes stay empty.
    """
    data = np.asarray(values, dtype="float64")
    data = data[np.isfinite(data)]
    if data.size == 0:
        return [np.inf] * (classes - 1)
    points, counts = np.unique(data, return_counts=True)
    if points.size > max_values:
        points = np.quantile(data, np.linspace(0.0, 1.0, max_values))
        points, counts = np.unique(points, return_counts=True)
    n = points.size
    if n <= classes:
        # One class per distinct value from the top; classes beyond them start above every value.
        tops = list(points[::-1][: classes - 1])
        return [float(t) for t in tops] + [np.inf] * (classes - 1 - len(tops))
    weights = counts.astype("float64")
    # Prefix sums: the weighted sum of squared deviations of points[i..j] in O(1).
    w = np.concatenate([[0.0], np.cumsum(weights)])
    s1 = np.concatenate([[0.0], np.cumsum(weights * points)])
    s2 = np.concatenate([[0.0], np.cumsum(weights * points ** 2)])

    def ssd(starts, end):  # classes points[starts..end], inclusive, for an array of starts
        count = w[end + 1] - w[starts]
        total = s1[end + 1] - s1[starts]
        return (s2[end + 1] - s2[starts]) - total ** 2 / count

    # cost[k][j]: best total for points[0..j] in k+1 classes; start[k][j]: first point of the last class.
    cost = np.full((classes, n), np.inf)
    start = np.zeros((classes, n), dtype=int)
    cost[0] = ssd(np.zeros(n, dtype=int), np.arange(n))
    # The ends j go by blocks, all candidate starts of a block in one matrix. The best start never
    # moves left as j grows (the within-class variance is a Monge cost, as Ckmeans.1d.dp uses): a
    # block's starts begin at the previous end's best. Same limits as one j at a time, 3× faster,
    # which keeps the panel's live re-scoring by natural breaks under 100 ms on all of France.
    block = 64
    for k in range(1, classes):
        for first in range(k, n, block):
            last = min(first + block, n)
            low = k if first == k else int(start[k][first - 1])
            ends = np.arange(first, last)[:, None]
            starts = np.arange(low, last)[None, :]
            with np.errstate(divide="ignore", invalid="ignore"):
                candidates = cost[k - 1][starts - 1] + ssd(starts, ends)
            candidates[starts > ends] = np.inf  # a class ends after it starts
            best = np.argmin(candidates, axis=1)
            cost[k][first:last] = candidates[np.arange(last - first), best]
            start[k][first:last] = best + low
    limits, end = [], n - 1
    for k in range(classes - 1, 0, -1):
        first = start[k][end]
        limits.append(float(points[first]))
        end = first - 1
    return limits
