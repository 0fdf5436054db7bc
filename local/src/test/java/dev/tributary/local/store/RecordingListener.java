package dev.tributary.local.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A watch listener that keeps what it is told. */
class RecordingListener implements WatchListener {

  final List<WatchEvent> events = new CopyOnWriteArrayList<>();
  final AtomicInteger ends = new AtomicInteger();
  final AtomicReference<StoreException.Expired> endCause = new AtomicReference<>();

  @Override
  public void onEvent(WatchEvent event) {
    events.add(event);
  }

  @Override
  public void onEnd(StoreException.Expired cause) {
    endCause.set(cause);
    ends.incrementAndGet();
  }

  List<Long> revisions() {
    return events.stream().map(WatchEvent::revision).toList();
  }

  List<String> names() {
    return events.stream().map(event -> event.key().toString()).toList();
  }
}
