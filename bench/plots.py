"""Line charts for docs/BENCHMARKS.md, drawn with matplotlib as SVG into docs/plots/."""

from pathlib import Path

PLOTS = Path(__file__).resolve().parent.parent / "docs/plots"


def line_chart(name: str, title: str, xlabel: str, ylabel: str,
               series: dict[str, list[tuple[float, float]]], log_x: bool = False) -> str:
    """Draws `series` (label → points) into docs/plots/NAME.svg; returns the path relative to docs/."""
    try:
        import matplotlib
    except ImportError:
        raise SystemExit("matplotlib is missing: run `make setup-bench`, which installs it")
    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    # Same bytes for the same figures: no timestamps or random ids in the SVG.
    matplotlib.rcParams["svg.hashsalt"] = name
    fig, ax = plt.subplots(figsize=(7, 4))
    for label, points in series.items():
        xs, ys = zip(*sorted(points))
        ax.plot(xs, ys, marker="o", label=label)
    if log_x:
        ax.set_xscale("log", base=2)
        ax.set_xticks([x for x, _ in next(iter(series.values()))])
        ax.get_xaxis().set_major_formatter(matplotlib.ticker.ScalarFormatter())
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    PLOTS.mkdir(parents=True, exist_ok=True)
    path = PLOTS / f"{name}.svg"
    fig.savefig(path, metadata={"Date": None})
    plt.close(fig)
    return f"plots/{name}.svg"
