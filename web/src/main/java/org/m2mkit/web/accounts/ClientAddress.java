package org.m2mkit.web.accounts;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address of the person at the other end. Behind a reverse proxy every request comes from the proxy, so the
 * proxy's {@code X-Forwarded-For} header names the client; but anyone can send that header, so it is believed only
 * when the request comes from one of the trusted proxies (setting {@code trusted-proxies}), and only as far back as
 * the chain of trusted proxies goes.
 */
public final class ClientAddress {

    /** Trusts no proxy: the address is always the connection's. */
    public static final ClientAddress DIRECT = new ClientAddress(List.of());

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> trusted;

    private ClientAddress(List<Range> trusted) {
        this.trusted = trusted;
    }

    /**
     * Reads a list of addresses and CIDR ranges separated by commas or spaces ({@code 10.0.0.1, 192.168.0.0/16,
     * ::1}); an empty list trusts no proxy.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP address or range
     */
    public static ClientAddress trusting(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : SEPARATORS.split(list == null ? "" : list.strip())) {
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] network = bytes(slash < 0 ? entry : entry.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
            }
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0 to "
                            + network.length * 8);
                }
            }
            ranges.add(new Range(network, bits));
        }
        return ranges.isEmpty() ? DIRECT : new ClientAddress(List.copyOf(ranges));
    }

    /** The address bytes of an IP literal; null for anything else (host names are never looked up). */
    private static byte[] bytes(String literal) {
        String s = literal.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || !LITERAL.matcher(s).matches() || !s.contains(".") && !s.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private boolean isTrusted(String address) {
        byte[] b = bytes(address);
        return b != null && trusted.stream().anyMatch(r -> r.contains(b));
    }

    /** The client's address for this request. */
    public String of(Context ctx) {
        return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    /**
     * The connection's address, or, when that is a trusted proxy, the right-most address in {@code forwardedFor}
     * that is not a trusted proxy itself (the ones left of it could have been written by the client).
     */
    String of(String remote, String forwardedFor) {
        if (trusted.isEmpty() || forwardedFor == null || !isTrusted(remote)) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        String client = remote;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (bytes(hop) == null) {
                break; // not an address: stop believing the header here
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }
}
