package app.roster.webhook;

import app.roster.shared.AddressRange;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Where Roster may send a webhook (the SSRF rules): an absolute HTTPS URL (HTTP only when the setting allows it)
 * whose host resolves to public addresses only, unless an address is on the allow-list. Checked when an endpoint
 * is registered and again before every delivery, where the sender connects to the very address checked here.
 */
@Component
class TargetAddresses {

    /** Ranges no webhook may reach: private, shared (CGNAT), loopback, link-local (cloud metadata), reserved. */
    private static final List<String> REFUSED = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "224.0.0.0/3", "::/127", "fc00::/7", "fe80::/10", "ff00::/8", "64:ff9b::/96", "2002::/16");

    private final WebhookSettings settings;

    TargetAddresses(WebhookSettings settings) {
        this.settings = settings;
    }

    /** Thrown when a URL or its addresses are refused; the message names why, never the whole URL. */
    static class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    /** The URL if its form is acceptable (scheme, host, no user info); no lookup. */
    URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && settings.allowHttp())) {
            throw new Refused("not https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused("no host, or user info or fragment");
        }
        return uri;
    }

    /**
     * Resolves the host once and answers the address to connect to. Every address the name resolves to must be
     * acceptable, not just the first: otherwise a name with one public and one private address would pass.
     */
    InetAddress resolve(URI uri) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("host not found");
        }
        for (InetAddress address : addresses) {
            if (!acceptable(address)) {
                throw new Refused("refused address " + address.getHostAddress());
            }
        }
        return addresses[0];
    }

    boolean acceptable(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (settings.allowedAddresses().stream().map(AddressRange::required).anyMatch(range -> range.contains(bytes))) {
            return true;
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet6Address && isMappedIpv4(bytes)) {
            return false;
        }
        return REFUSED.stream().map(AddressRange::required).noneMatch(range -> range.contains(bytes));
    }

    /** {@code ::ffff:a.b.c.d} (Java already answers most as IPv4), refused outright rather than unwrapped. */
    private static boolean isMappedIpv4(byte[] bytes) {
        byte[] prefix = Arrays.copyOf(bytes, 12);
        byte[] mapped = new byte[12];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        return Arrays.equals(prefix, mapped);
    }
}
