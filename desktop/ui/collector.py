"""Python's cycle collector, run on the GUI thread only.

Left automatic, the collector runs on whichever thread happens to allocate when a threshold
is crossed: often a runner's worker in the middle of a query. A reference cycle that holds a
Qt object (a dialog and its slots, a model and its view) is then destroyed off the GUI
thread, which crashes the process (seen once in the test suite: a segmentation fault inside
a worker's query). Anki turns automatic collection off for the same reason and collects on
its main thread; so does this.

``GuiThreadCollector`` disables automatic collection and, on a timer on the GUI thread,
applies CPython's own generational rule: collect the youngest generation when its count
passed its threshold, an older one when enough younger collections accumulated. Memory
therefore behaves as before, one timer tick later at most.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# Often enough that garbage does not pile up between ticks; a tick that finds the counts
# below the thresholds costs a few microseconds.
TICK_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Automatic collection back as it was (at the end of the session)."""
        self._timer.stop()
        self.tick()
        if self._was_enabled:
            gc.enable()

    def tick(self) -> None:
        generation = due_generation(gc.get_count(), gc.get_threshold())
        if generation is not None:
            gc.collect(generation)
            self.collections += 1


def due_generation(counts: tuple[int, int, int],
                   thresholds: tuple[int, ...]) -> int | None:
    """The generation CPython would collect now (None: none is due): the oldest one whose
    count passed its threshold, looked at only once the youngest is due."""
    threshold0 = thresholds[0] if thresholds else 0
    if threshold0 <= 0 or counts[0] <= threshold0:
        return None
    for generation in (2, 1):
        if len(thresholds) > generation and counts[generation] > thresholds[generation]:
            return generation
    return 0
