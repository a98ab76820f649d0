package dev.strata.sample.items;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Items in memory: the default, needs nothing, lost on restart. */
public final class InMemoryItemStore implements ItemStore {

    private final ConcurrentSkipListMap<Long, Item> items = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    public InMemoryItemStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Item create(ItemDraft draft) {
        Instant now = clock.instant();
        Item item = new Item(ids.incrementAndGet(), draft.name(), draft.description(), now, now);
        items.put(item.id(), item);
        return item;
    }

    @Override
    public Optional<Item> find(long id) {
        return Optional.ofNullable(items.get(id));
    }

    @Override
    public Page list(int limit, long offset) {
        return new Page(items.values().stream().skip(offset).limit(limit).toList(), limit, offset, items.size());
    }

    @Override
    public Optional<Item> update(long id, ItemDraft draft) {
        return Optional.ofNullable(items.computeIfPresent(id, (key, old) ->
                new Item(id, draft.name(), draft.description(), old.createdAt(), clock.instant())));
    }

    @Override
    public boolean delete(long id) {
        return items.remove(id) != null;
    }

    @Override
    public StoreHealth health() {
        return StoreHealth.up("memory");
    }

    @Override
    public void close() {
        items.clear();
    }
}
