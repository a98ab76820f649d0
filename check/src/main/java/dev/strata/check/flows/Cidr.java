package dev.strata.check.flows;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IPv4 or IPv6 CIDR (a bare address is a /32 or /128); only literal addresses are parsed, never names. */
record Cidr(BigInteger base, int prefix, int bits) {

    static Optional<Cidr> parse(String text) {
        String[] parts = text.trim().split("/", 2);
        if (!parts[0].matches("[0-9a-fA-F:.]+")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(parts[0]).getAddress();
            int bits = bytes.length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
            return Optional.of(new Cidr(mask(new BigInteger(1, bytes), prefix, bits), prefix, bits));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static BigInteger mask(BigInteger value, int prefix, int bits) {
        return value.shiftRight(bits - prefix).shiftLeft(bits - prefix);
    }

    /** Whether every address of {@code other} is in this block. */
    boolean contains(Cidr other) {
        return other.bits == bits && other.prefix >= prefix && mask(other.base, prefix, bits).equals(base);
    }

    /** 0.0.0.0/0 or ::/0: every address. */
    boolean everything() {
        return prefix == 0;
    }
}
