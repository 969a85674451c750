package cn.jiebang.notification.delivery.application;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicAddressesPropertiesTest {

    /** A random address inside the block: its prefix kept, the rest of the bits random. */
    private static byte[] inside(PublicAddresses.Block block, long seed) {
        byte[] address = block.network().clone();
        Random random = new Random(seed);
        for (int bit = block.bits(); bit < address.length * 8; bit++) {
            if (random.nextBoolean()) {
                address[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            }
        }
        return address;
    }

    @Provide
    Arbitrary<PublicAddresses.Block> refusedBlocks() {
        return Arbitraries.of(concat(PublicAddresses.IPV4, PublicAddresses.IPV6));
    }

    private static List<PublicAddresses.Block> concat(List<PublicAddresses.Block> a, List<PublicAddresses.Block> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Property
    void everyAddressOfARefusedBlockIsRefused(@ForAll("refusedBlocks") PublicAddresses.Block block, @ForAll long seed) {
        byte[] address = inside(block, seed);
        assertTrue(PublicAddresses.whyNotPublic(address).isPresent(), block + " holds " + hex(address));
    }

    @Property
    void anIpv4AddressCarriedByNat64Or6to4IsJudgedAsItself(@ForAll int value) {
        byte[] ipv4 = java.nio.ByteBuffer.allocate(4).putInt(value).array();
        boolean refused = PublicAddresses.whyNotPublic(ipv4).isPresent();

        byte[] nat64 = PublicAddresses.bytes("64:ff9b::");
        System.arraycopy(ipv4, 0, nat64, 12, 4);
        byte[] sixToFour = PublicAddresses.bytes("2002::");
        System.arraycopy(ipv4, 0, sixToFour, 2, 4);
        sixToFour[15] = 1;
        assertEquals(refused, PublicAddresses.whyNotPublic(nat64).isPresent(), hex(nat64));
        assertEquals(refused, PublicAddresses.whyNotPublic(sixToFour).isPresent(), hex(sixToFour));
    }

    @Property
    void ipv6OutsideGlobalUnicastIsRefused(@ForAll long seed) {
        byte[] address = inside(PublicAddresses.Block.of("::/0", "all"), seed);
        boolean globalUnicast = PublicAddresses.GLOBAL_UNICAST.contains(address);
        boolean carriesIpv4 = PublicAddresses.NAT64.contains(address);
        if (!globalUnicast && !carriesIpv4) {
            assertTrue(PublicAddresses.whyNotPublic(address).isPresent(), hex(address));
        }
    }

    private static String hex(byte[] address) {
        return java.util.HexFormat.of().formatHex(address);
    }
}
