"""Plotting a series to a PNG with matplotlib (imported only here: other commands don't
pay for it, and it draws off-screen with the Agg backend, so no display is needed)."""

from __future__ import annotations

from dragoman.dataset.stats import Series

_TOTALS = ("total", "events")


def plot_series(series: Series, path: str) -> None:
    """One panel per dyad, one line per value column (totals only when nothing else)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dyads = list(dict.fromkeys(d for _, d, _ in series.rows)) or ["*:*"]
    columns = [c for c in series.columns if c not in _TOTALS] or list(series.columns)
    fig, axes = plt.subplots(
        len(dyads), 1, figsize=(10, 3 + 2.2 * len(dyads)), sharex=True, squeeze=False
    )
    for ax, dyad in zip(axes[:, 0], dyads, strict=True):
        rows = [(p, v) for p, d, v in series.rows if d == dyad]
        periods = [p for p, _ in rows]
        for col in columns:
            i = series.columns.index(col)
            ax.plot(range(len(periods)), [v[i] for _, v in rows], marker="o", ms=3, label=col)
        ax.set_title(f"{dyad}: {series.measure} by {series.by}")
        ax.grid(alpha=0.3)
        if series.measure in ("goldstein", "plover"):
            ax.axhline(0, color="grey", lw=0.8)
        ax.legend(fontsize="small", ncol=4, loc="upper left")
        step = max(1, len(periods) // 12)
        ax.set_xticks(range(0, len(periods), step), periods[::step], rotation=45, ha="right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
