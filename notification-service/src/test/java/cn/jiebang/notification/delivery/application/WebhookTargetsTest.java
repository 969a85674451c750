package cn.jiebang.notification.delivery.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook address rules over literal addresses, one per block of the IANA registries and then some. */
class WebhookTargetsTest {

    private final WebhookTargets targets = new WebhookTargets(false);

    private static String url(String address) {
        return address.contains(":") ? "http://[" + address + "]:8443/hook" : "http://" + address + ":8443/hook";
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4 special-purpose registry
            "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254", "127.0.0.1",
            "127.255.255.254", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.1", "192.0.0.8",
            "192.0.0.9", "192.0.0.10", "192.0.0.170", "192.0.2.1", "192.0.2.2", "192.0.2.255", "192.88.99.1",
            "192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "240.0.0.1",
            "255.255.255.254", "255.255.255.255",
            // multicast
            "224.0.0.1", "232.1.1.1", "239.255.255.250",
            // IPv6 special-purpose registry
            "::", "::1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::7f00:1", "::a00:1", "::8.8.8.8",
            "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::c000:201", "64:ff9b::6440:1", "64:ff9b:1::808:808",
            "100::1", "100:0:0:1::1", "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:2::1",
            "2001:10::1", "2001:1::1", "2001:db8::1", "2001:db8:ffff::1", "2002:7f00:1::1", "2002:a00:1::1",
            "2002:c000:201::1", "3fff::1", "3fff:fff:ffff::1", "5f00::1", "fc00::1", "fd00::2", "fe80::1",
            "fe80::fc:ff:fe00:1", "febf::1", "fec0::1", "ff02::1", "ff05::1:3", "ff0e::1",
            // reserved or unallocated IPv6
            "400::1", "4000::1", "8000::1", "e000::1",
    })
    void refusesEveryAddressThatIsNotGloballyReachable(String address) {
        WebhookTargets.NotAllowed refused = assertThrows(WebhookTargets.NotAllowed.class, () -> targets.check(url(address)),
                address + " must be refused");
        assertEquals("webhook-url-not-allowed", refused.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1.1.1.1", "8.8.8.8", "9.9.9.9", "93.184.215.14", "100.63.255.255", "100.128.0.0", "172.15.255.255",
            "172.32.0.0", "192.0.1.255", "192.0.3.0", "192.31.196.1", "192.52.193.1", "192.88.98.255",
            "192.169.0.1", "192.175.48.1", "198.17.255.255", "198.20.0.0", "223.255.255.254",
            "2606:4700:4700::1111", "2001:4860:4860::8888", "2400:cb00::1", "2620:4f:8000::1", "2a00:1450::1",
            "2001:200::1",
            // an IPv4 address in a translation prefix is judged as that IPv4 address
            "64:ff9b::808:808", "2002:808:808::1",
    })
    void acceptsGloballyReachableAddresses(String address) {
        assertDoesNotThrow(() -> targets.check(url(address)), address + " is public");
    }

    @Test
    void refusesEveryAddressOfThisHost() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress own : Collections.list(nic.getInetAddresses())) {
                String literal = own.getHostAddress().replaceFirst("%.*$", "");
                assertTrue(WebhookTargets.isOwn(InetAddress.getByName(literal)), literal + " on " + nic.getName());
                assertThrows(WebhookTargets.NotAllowed.class, () -> targets.check(url(literal)),
                        literal + " on " + nic.getName() + " is this host's own");
            }
        }
        InetAddress publicOwn = InetAddress.getByName("93.184.215.14");
        assertFalse(WebhookTargets.isOwn(publicOwn), "not one of ours");
    }

    @Test
    void checksEveryAddressTheHostResolvesTo() {
        Map<String, List<String>> dns = Map.of(
                "mixed.example", List.of("93.184.215.14", "2606:4700:4700::1111", "10.1.2.3"),
                "public.example", List.of("93.184.215.14", "2606:4700:4700::1111"));
        WebhookTargets resolving = new WebhookTargets(false, host -> {
            List<String> answer = dns.get(host);
            if (answer == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> addresses = new java.util.ArrayList<>();
            for (String literal : answer) {
                addresses.add(InetAddress.getByAddress(host, PublicAddresses.bytes(literal)));
            }
            return addresses;
        });

        WebhookTargets.NotAllowed mixed = assertThrows(WebhookTargets.NotAllowed.class,
                () -> resolving.check("https://mixed.example/hook"));
        assertTrue(mixed.getMessage().contains("10.1.2.3"), mixed.getMessage());
        assertThrows(WebhookTargets.NotAllowed.class, () -> resolving.check("https://nowhere.example/hook"),
                "a host that does not resolve");
        WebhookTargets.Target target = resolving.target("https://public.example/hook?x=1");
        assertEquals("93.184.215.14", target.address().getHostAddress(), "the first address checked is the one used");
        assertEquals(443, target.port());
        assertEquals("public.example", target.hostName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.215.14/x", "file:///etc/passwd", "http:///nohost", "http://exa mple.com/"})
    void refusesWhatIsNotAnHttpUrlWithAHost(String url) {
        assertThrows(WebhookTargets.NotAllowed.class, () -> targets.check(url));
    }

    @Test
    void allowPrivateAddressesLiftsTheAddressRulesButAPostStillNeedsAnAddress() {
        WebhookTargets open = new WebhookTargets(true);
        assertEquals("127.0.0.1", open.target("http://127.0.0.1:9/hook").address().getHostAddress());
        assertDoesNotThrow(() -> open.check("http://does-not-resolve.invalid/hook"), "registered as before");
        assertThrows(WebhookTargets.NotAllowed.class, () -> open.target("http://does-not-resolve.invalid/hook"));
        assertThrows(WebhookTargets.NotAllowed.class, () -> open.check("ftp://127.0.0.1/hook"));
    }
}
