package cn.jiebang.notification.delivery.application;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the platform may call on an organization's behalf: globally reachable unicast addresses
 * only.
 *
 * <p>The blocks below are those of the IANA IPv4 Special-Purpose Address Registry
 * (https://www.iana.org/assignments/iana-ipv4-special-registry/) and the IANA IPv6 Special-Purpose Address
 * Registry (https://www.iana.org/assignments/iana-ipv6-special-registry/), both per RFC 6890 and as
 * updated to 2025, whose "Globally Reachable" is False or N/A, plus multicast (RFC 5771, RFC 4291).
 * The guarantee is one-sided: where such a block has globally reachable addresses carved out of it (the
 * anycast addresses 192.0.0.9 and 192.0.0.10, and AMT, AS112 and others in 2001::/23), the whole block is
 * refused; none of them is a webhook receiver.
 *
 * <p>IPv6 outside 2000::/3, the global unicast space of the IANA IPv6 Address Space registry, is refused
 * too (that covers IPv4-compatible ::/96 and everything reserved or unallocated). The two prefixes that
 * carry an IPv4 address to a translator or relay, NAT64 64:ff9b::/96 (RFC 6052) and 6to4 2002::/16
 * (RFC 3056), are judged by that IPv4 address. An {@link java.net.Inet4Address} is judged as IPv4, which is
 * also what Java makes of an IPv4-mapped literal such as {@code ::ffff:127.0.0.1}.
 */
final class PublicAddresses {

    record Block(byte[] network, int bits, String text, String name) {

        static Block of(String cidr, String name) {
            int slash = cidr.indexOf('/');
            return new Block(bytes(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)), cidr, name);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }

        @Override
        public String toString() {
            return text + " (" + name + ")";
        }
    }

    static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", "\"this network\", RFC 791"),
            Block.of("10.0.0.0/8", "private use, RFC 1918"),
            Block.of("100.64.0.0/10", "shared address space, RFC 6598"),
            Block.of("127.0.0.0/8", "loopback, RFC 1122"),
            Block.of("169.254.0.0/16", "link local, RFC 3927"),
            Block.of("172.16.0.0/12", "private use, RFC 1918"),
            Block.of("192.0.0.0/24", "IETF protocol assignments, RFC 6890"),
            Block.of("192.0.2.0/24", "documentation, RFC 5737"),
            Block.of("192.88.99.0/24", "deprecated 6to4 relay anycast, RFC 7526"),
            Block.of("192.168.0.0/16", "private use, RFC 1918"),
            Block.of("198.18.0.0/15", "benchmarking, RFC 2544"),
            Block.of("198.51.100.0/24", "documentation, RFC 5737"),
            Block.of("203.0.113.0/24", "documentation, RFC 5737"),
            Block.of("224.0.0.0/4", "multicast, RFC 5771"),
            Block.of("255.255.255.255/32", "limited broadcast, RFC 919"),
            Block.of("240.0.0.0/4", "reserved, RFC 1112"));

    static final List<Block> IPV6 = List.of(
            Block.of("::/128", "unspecified, RFC 4291"),
            Block.of("::1/128", "loopback, RFC 4291"),
            Block.of("::ffff:0:0/96", "IPv4-mapped, RFC 4291"),
            Block.of("::/96", "IPv4-compatible, deprecated, RFC 4291"),
            Block.of("64:ff9b:1::/48", "local-use IPv4/IPv6 translation, RFC 8215"),
            Block.of("100::/64", "discard-only, RFC 6666"),
            Block.of("100:0:0:1::/64", "dummy IPv6 prefix, RFC 9780"),
            Block.of("2001::/23", "IETF protocol assignments (Teredo, benchmarking, ORCHID ...), RFC 2928"),
            Block.of("2001:db8::/32", "documentation, RFC 3849"),
            Block.of("3fff::/20", "documentation, RFC 9637"),
            Block.of("5f00::/16", "segment routing SIDs, RFC 9602"),
            Block.of("fc00::/7", "unique local, RFC 4193"),
            Block.of("fe80::/10", "link-local unicast, RFC 4291"),
            Block.of("fec0::/10", "site-local, deprecated, RFC 3879"),
            Block.of("ff00::/8", "multicast, RFC 4291"));

    static final Block NAT64 = Block.of("64:ff9b::/96", "NAT64 well-known prefix, RFC 6052");
    static final Block SIX_TO_FOUR = Block.of("2002::/16", "6to4, RFC 3056");
    static final Block GLOBAL_UNICAST = Block.of("2000::/3", "IPv6 global unicast");

    private PublicAddresses() {
    }

    /** Why the address is not a public one, or empty when it is. */
    static Optional<String> whyNotPublic(InetAddress address) {
        return whyNotPublic(address.getAddress());
    }

    static Optional<String> whyNotPublic(byte[] address) {
        if (address.length == 4) {
            return IPV4.stream().filter(b -> b.contains(address)).findFirst().map(Block::toString);
        }
        Optional<String> special = IPV6.stream().filter(b -> b.contains(address)).findFirst().map(Block::toString);
        if (special.isPresent()) {
            return special;
        }
        if (NAT64.contains(address)) {
            return carried(Arrays.copyOfRange(address, 12, 16), NAT64);
        }
        if (SIX_TO_FOUR.contains(address)) {
            return carried(Arrays.copyOfRange(address, 2, 6), SIX_TO_FOUR);
        }
        if (!GLOBAL_UNICAST.contains(address)) {
            return Optional.of("outside " + GLOBAL_UNICAST);
        }
        return Optional.empty();
    }

    private static Optional<String> carried(byte[] ipv4, Block prefix) {
        return whyNotPublic(ipv4).map(why -> prefix + " carrying " + text(ipv4) + ", " + why);
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The bytes of a literal address; IPv6 stays 16 bytes even where Java would make an IPv4 of it. */
    static byte[] bytes(String literal) {
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && bytes.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + literal, e);
        }
    }
}
