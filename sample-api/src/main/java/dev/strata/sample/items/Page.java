package dev.strata.sample.items;

import java.util.List;

/** One page of items, ordered by id, with the total count. */
public record Page(List<Item> items, int limit, long offset, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
