package cn.jiebang.notification.application;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where webhooks may point: by default only at public addresses, so an organization cannot make the
 * platform call into its own network (SSRF). Checked when a webhook is registered and again before each
 * POST (an address can change after registration). {@code jiebang.webhooks.allow-private-addresses=true}
 * lifts it, for tests and closed deployments.
 */
@Singleton
public class WebhookTargets {

    private final boolean allowPrivate;

    WebhookTargets(@Value("${jiebang.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public void check(String url) {
        if (allowPrivate) {
            return;
        }
        String host = URI.create(url).getHost();
        if (host == null) {
            throw new NotAllowed(url, "it names no host");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || isUniqueLocal(address)) {
                    throw new NotAllowed(url, host + " is a private or local address (" + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            throw new NotAllowed(url, host + " does not resolve");
        }
    }

    /** IPv6 fc00::/7, the IPv6 counterpart of the private ranges. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
    }

    public static class NotAllowed extends DomainProblem {
        NotAllowed(String url, String why) {
            super(Kind.REJECTED, "webhook-url-not-allowed", "a webhook must point at a public address: " + why,
                    List.of(new FieldProblem("url", "must be a public http(s) address: " + why)));
        }
    }
}
