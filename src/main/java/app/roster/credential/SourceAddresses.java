package app.roster.credential;

import app.roster.shared.AddressRange;

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
            if (AddressRange.parse(entry).isEmpty() || entries.size() == MAX_ENTRIES) {
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
        Optional<byte[]> address = AddressRange.literal(ip);
        return address.isPresent() && entries.stream().map(AddressRange::parse).flatMap(Optional::stream)
                .anyMatch(range -> range.contains(address.get()));
    }

    /** As stored and shown: comma-separated. */
    public String text() {
        return String.join(", ", entries);
    }

}
