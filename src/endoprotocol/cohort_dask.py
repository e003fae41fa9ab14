"""`batch --dask`: the same per-line function over partitions of the input, on a Dask cluster.

An optional extra (`pip install 'endoprotocol[dask]'`). The input is read in windows of
`window` lines; each window becomes a `dask.bag` of chunks, computed on the cluster, and
its results are yielded in input order before the next window is read, so memory stays
bounded and the output is byte-identical to `batch` without Dask. Each worker process
loads the packs once (from the pack cache when it can) and keeps them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from endoprotocol.cohort import LineResult, Settings, chunked, plan_chunk
from endoprotocol.errors import UsageError


def run_dask(
    settings: Settings,
    lines: Iterable[tuple[int, bytes]],
    *,
    scheduler: str = "local",
    chunk_size: int = 64,
    window: int = 4096,
    workers: int | None = None,
) -> Iterator[LineResult]:
    """Results in input order. `scheduler`: 'local' (a local cluster of processes) or the
    address of a running scheduler."""
    try:
        import dask.bag
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--dask needs Dask", hint="pip install 'endoprotocol[dask]'") from None
    stack: list[Any] = []
    try:
        if scheduler == "local":
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            stack.append(cluster)
            client = Client(cluster)
        else:
            client = Client(scheduler)
        stack.append(client)
        source = iter(lines)
        while True:
            part = list(islice(source, window))
            if not part:
                break
            chunks = list(chunked(part, chunk_size))
            bag = dask.bag.from_sequence(chunks, npartitions=len(chunks))
            done = bag.map(lambda chunk: plan_chunk(settings, chunk)).compute()
            for results in done:
                yield from results
    finally:
        for thing in reversed(stack):
            thing.close()
