package app.roster.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 address or CIDR range, given as a literal (never a name to look up). */
record AddressRange(byte[] network, int prefix) {

    static AddressRange parse(String text) {
        String entry = text.strip();
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("Not an address or CIDR range: " + text);
        }
        byte[] address;
        try {
            address = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an address or CIDR range: " + text, e);
        }
        int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
        return new AddressRange(address, prefix);
    }

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
