package dev.strata.sample.items;

import java.util.Optional;

/**
 * Where items live. Implementations throw {@link StoreUnavailableException} when they cannot
 * reach their storage (the service answers 503).
 */
public interface ItemStore extends AutoCloseable {

    Item create(ItemDraft draft);

    Optional<Item> find(long id);

    Page list(int limit, long offset);

    Optional<Item> update(long id, ItemDraft draft);

    boolean delete(long id);

    StoreHealth health();

    @Override
    void close();
}
