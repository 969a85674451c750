package cn.jiebang.notification.delivery.application;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may point: by default only at public addresses ({@link PublicAddresses}) that are not this
 * host's own, so an organization cannot make the platform call into its own network (SSRF). Checked when
 * a webhook is registered and again before each POST, which then goes to exactly the address checked: the
 * host is looked up once per POST, so a DNS answer that changes between the check and the connection
 * (DNS rebinding) is never used unchecked. {@code jiebang.webhooks.allow-private-addresses=true} lifts the
 * address rules (not the single lookup), for tests and closed deployments.
 */
@Singleton
public class WebhookTargets {

    private final boolean allowPrivate;
    private final HostResolver resolver;

    @Inject
    WebhookTargets(@Value("${jiebang.webhooks.allow-private-addresses:false}") boolean allowPrivate,
                   HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    WebhookTargets(boolean allowPrivate) {
        this(allowPrivate, new HostResolver.Default());
    }

    /** Where a webhook's POST goes: its URL, and the checked address to connect to instead of the URL's host. */
    public record Target(URI uri, InetAddress address) {

        boolean https() {
            return "https".equalsIgnoreCase(uri.getScheme());
        }

        int port() {
            return uri.getPort() != -1 ? uri.getPort() : https() ? 443 : 80;
        }

        /** The URL's host without the brackets of an IPv6 literal: for TLS (SNI, certificate check). */
        String hostName() {
            return bare(uri.getHost());
        }
    }

    /** At registration: an http(s) URL whose host resolves to allowed addresses only. */
    public void check(String url) {
        URI uri = parse(url);
        if (!allowPrivate) {
            resolve(url, uri);
        }
    }

    /** Before a POST: looks the URL's host up once and checks every address; the POST goes to the first. */
    public Target target(String url) {
        URI uri = parse(url);
        return new Target(uri, resolve(url, uri));
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new NotAllowed(url, "it is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new NotAllowed(url, "only http and https are allowed");
        }
        if (uri.getHost() == null) {
            throw new NotAllowed(url, "it names no host");
        }
        return uri;
    }

    private InetAddress resolve(String url, URI uri) {
        String host = bare(uri.getHost());
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            addresses = List.of();
        }
        if (addresses.isEmpty()) {
            throw new NotAllowed(url, host + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                whyNotAllowed(address).ifPresent(why -> {
                    throw new NotAllowed(url, host + " has the address " + address.getHostAddress() + ", " + why);
                });
            }
        }
        return addresses.get(0);
    }

    /** Why the platform must not call the address, or empty when it may. */
    static Optional<String> whyNotAllowed(InetAddress address) {
        Optional<String> special = PublicAddresses.whyNotPublic(address);
        if (special.isPresent()) {
            return special.map(why -> "which is not public: " + why);
        }
        return isOwn(address) ? Optional.of("which is one of this host's own addresses") : Optional.empty();
    }

    /** Whether one of this host's network interfaces has the address: read each time, interfaces change. */
    static boolean isOwn(InetAddress address) {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress own : Collections.list(nic.getInetAddresses())) {
                    if (Arrays.equals(own.getAddress(), address.getAddress())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SocketException e) {
            // cannot tell which addresses are ours: refuse rather than risk calling ourselves
            return true;
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public static class NotAllowed extends DomainProblem {
        NotAllowed(String url, String why) {
            super(Kind.REJECTED, "webhook-url-not-allowed", "a webhook must point at a public address: " + why,
                    List.of(new FieldProblem("url", "must be a public http(s) address: " + why)));
        }
    }
}
