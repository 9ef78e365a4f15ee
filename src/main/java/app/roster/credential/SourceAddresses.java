package app.roster.credential;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The client addresses a platform API key may be used from: IPv4 or IPv6 addresses and CIDR ranges. None listed
 * means any address. Only literals are accepted (never a host name, which would need a DNS lookup).
 */
public record SourceAddresses(List<String> entries) {

    public static final SourceAddresses ANY = new SourceAddresses(List.of());
    private static final int MAX_ENTRIES = 50;

    public SourceAddresses {
        entries = List.copyOf(entries);
    }

    /** Addresses separated by commas, spaces or new lines; empty when one of them is not an address or range. */
    public static Optional<SourceAddresses> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(ANY);
        }
        List<String> entries = new ArrayList<>();
        for (String entry : text.strip().split("[,\\s]+")) {
            if (range(entry).isEmpty() || entries.size() == MAX_ENTRIES) {
                return Optional.empty();
            }
            entries.add(entry);
        }
        return Optional.of(new SourceAddresses(entries));
    }

    public boolean any() {
        return entries.isEmpty();
    }

    public boolean allows(String ip) {
        if (any()) {
            return true;
        }
        Optional<byte[]> address = literal(ip);
        return address.isPresent() && entries.stream().map(SourceAddresses::range).flatMap(Optional::stream)
                .anyMatch(range -> range.contains(address.get()));
    }

    /** As stored and shown: comma-separated. */
    public String text() {
        return String.join(", ", entries);
    }

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
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

    private static Optional<Range> range(String entry) {
        int slash = entry.indexOf('/');
        Optional<byte[]> address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().length * 8;
        if (slash < 0) {
            return Optional.of(new Range(address.get(), bits));
        }
        String prefix = entry.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
            return Optional.empty();
        }
        return Optional.of(new Range(address.get(), Integer.parseInt(prefix)));
    }

    private static Optional<byte[]> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45 || !text.matches("[0-9a-fA-F:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(text).getAddress());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
