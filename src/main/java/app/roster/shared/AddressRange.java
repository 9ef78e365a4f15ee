package app.roster.shared;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address, or a CIDR range, written as a literal: never a name to look up. Used for an API key's
 * allowed sources and for the addresses a webhook may or may not be sent to.
 */
public record AddressRange(byte[] network, int prefix) {

    /** The range {@code text} names ({@code 203.0.113.7}, {@code 10.0.0.0/8}, {@code fd00::/8}); empty if none. */
    public static Optional<AddressRange> parse(String text) {
        String entry = text == null ? "" : text.strip();
        int slash = entry.indexOf('/');
        Optional<byte[]> address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().length * 8;
        if (slash < 0) {
            return Optional.of(new AddressRange(address.get(), bits));
        }
        String prefix = entry.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
            return Optional.empty();
        }
        return Optional.of(new AddressRange(address.get(), Integer.parseInt(prefix)));
    }

    /** The range {@code text} names, which must be one (a setting, a constant). */
    public static AddressRange required(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("Not an address or CIDR range: " + text));
    }

    /** The bytes of an address literal; empty for anything else, a host name included. */
    public static Optional<byte[]> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45 || !text.matches("[0-9a-fA-F:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(text).getAddress());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefix / 8;
        if (!Arrays.equals(address, 0, fullBytes, network, 0, fullBytes)) {
            return false;
        }
        int remainingBits = prefix % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xff << (8 - remainingBits) & 0xff;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
