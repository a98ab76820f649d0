package dev.strata.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 250m}, {@code 2}, {@code 512Mi}, {@code 1G}), held as
 * thousandths of its unit so that CPU millicores and memory bytes add up exactly.
 *
 * <p>Parsing is strict on purpose: {@code 4Gb} or {@code 1.5 Gi} are mistakes a user should hear
 * about, not values to guess at (fabric8's {@code Quantity} accepts more than the API server does).
 */
public record Quantity(long milli) implements Comparable<Quantity> {

    public static final Quantity ZERO = new Quantity(0);

    private static final Pattern SYNTAX = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$");
    private static final Map<String, BigDecimal> FACTORS = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("m", new BigDecimal("0.001")),
            Map.entry("k", BigDecimal.TEN.pow(3)),
            Map.entry("M", BigDecimal.TEN.pow(6)),
            Map.entry("G", BigDecimal.TEN.pow(9)),
            Map.entry("T", BigDecimal.TEN.pow(12)),
            Map.entry("P", BigDecimal.TEN.pow(15)),
            Map.entry("E", BigDecimal.TEN.pow(18)),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
            Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    public Quantity {
        if (milli < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + milli);
        }
    }

    /** Parses a quantity, or explains in one line why it is not one. */
    public static Optional<Quantity> tryParse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (text.isBlank() || !m.matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(m.group(1)).multiply(FACTORS.get(m.group(2) == null ? "" : m.group(2)));
        BigDecimal milli = value.multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.CEILING);
        if (milli.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Quantity(milli.longValueExact()));
    }

    @JsonCreator
    public static Quantity parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "\"" + text + "\" is not a quantity; use e.g. 500m or 2 for CPU, 512Mi or 4Gi for memory"));
    }

    public static Quantity cores(double cores) {
        return new Quantity(Math.round(cores * 1000));
    }

    public static Quantity millicores(long m) {
        return new Quantity(m);
    }

    public static Quantity bytes(long bytes) {
        return new Quantity(bytes * 1000);
    }

    /** CPU in millicores: a thousandth of a core is this type's resolution, as in the API server. */
    public long millicores() {
        return milli;
    }

    /** Memory in bytes (rounded up). */
    public long bytes() {
        return ceilDiv(milli, 1000);
    }

    public Quantity plus(Quantity other) {
        return new Quantity(Math.addExact(milli, other.milli));
    }

    public Quantity minus(Quantity other) {
        return new Quantity(Math.max(0, milli - other.milli));
    }

    public Quantity times(long n) {
        return new Quantity(Math.multiplyExact(milli, n));
    }

    public boolean isZero() {
        return milli == 0;
    }

    @Override
    public int compareTo(Quantity o) {
        return Long.compare(milli, o.milli);
    }

    /** CPU as Kubernetes writes it: {@code 250m}, or whole cores when exact ({@code 2}). */
    public String toCpuString() {
        return milli % 1000 == 0 ? Long.toString(milli / 1000) : milli + "m";
    }

    /** Memory with the largest binary unit that keeps it exact, else Mi with one decimal. */
    public String toMemoryString() {
        long b = bytes();
        String[] units = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
        int[] shifts = {60, 50, 40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long f = 1L << shifts[i];
            if (b >= f && b % f == 0) {
                return (b / f) + units[i];
            }
        }
        return b < 1024 ? Long.toString(b) : BigDecimal.valueOf(b).divide(BigDecimal.valueOf(1L << 20), 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "Mi";
    }

    /** Memory in MiB, rounded to the nearest, for tables. */
    public String toMiB() {
        return Math.round(bytes() / (double) (1L << 20)) + "Mi";
    }

    private static long ceilDiv(long a, long b) {
        return Math.floorDiv(a + b - 1, b);
    }
}
