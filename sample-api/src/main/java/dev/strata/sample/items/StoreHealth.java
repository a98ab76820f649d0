package dev.strata.sample.items;

/** Whether the item store can serve requests, and if not, why. */
public record StoreHealth(boolean up, String detail) {

    public static StoreHealth up(String detail) {
        return new StoreHealth(true, detail);
    }

    public static StoreHealth down(String detail) {
        return new StoreHealth(false, detail);
    }
}
