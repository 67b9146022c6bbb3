"""Run the coding stages on a Dask cluster (``--scheduler tcp://host:8786``, or ``local``).

Dask's ``Client`` is a ``concurrent.futures.Executor``, so the same bounded, order-keeping
pipeline that drives the local process pool drives the cluster; workers load the model and the
dictionaries once per process through the same caches.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from eventwatch.engine import CodedBatch, EngineSettings, pipeline
from eventwatch.records import Article


def run_on_dask(articles: Iterable[Article], settings: EngineSettings,
                on_batch: Callable[[CodedBatch], None]) -> None:
    from distributed import Client, LocalCluster

    if settings.scheduler == "local":
        workers = max(1, min(settings.workers, os.cpu_count() or 1))
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            pipeline(client.get_executor(pure=False), articles, settings, on_batch,
                     inflight=workers * 2)
        return
    with Client(settings.scheduler) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pipeline(client.get_executor(pure=False), articles, settings, on_batch,
                 inflight=workers * 2)
