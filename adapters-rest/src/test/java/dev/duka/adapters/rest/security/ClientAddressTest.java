package dev.duka.adapters.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {
  private static final String PROXY = "10.0.0.5";

  private final ClientAddress behindProxies =
      ClientAddress.trusting("10.0.0.5, 10.1.0.0/16, 192.168.7.0/24, ::1, fd00:abcd::/32");

  @Test
  void anUntrustedPeerIsTheClientWhateverItForwards() {
    assertThat(behindProxies.resolve("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsNeverRead() {
    ClientAddress direct = ClientAddress.trusting("");

    assertThat(direct.resolve(PROXY, "198.51.100.1")).isEqualTo(PROXY);
  }

  @Test
  void aTrustedProxyWithoutAHeaderIsItselfTheClient() {
    assertThat(behindProxies.resolve(PROXY, null)).isEqualTo(PROXY);
    assertThat(behindProxies.resolve(PROXY, "  ")).isEqualTo(PROXY);
  }

  @Test
  void aTrustedProxyHandsOverTheAddressItSaw() {
    assertThat(behindProxies.resolve(PROXY, "198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @Test
  void theRightMostUntrustedEntryWinsOverSpoofedLeftOnes() {
    String forwarded = "1.1.1.1, 8.8.8.8, 198.51.100.1";

    assertThat(behindProxies.resolve(PROXY, forwarded)).isEqualTo("198.51.100.1");
  }

  @Test
  void aChainOfTrustedProxiesIsSkipped() {
    String forwarded = "6.6.6.6, 198.51.100.1, 192.168.7.20, 10.1.3.4";

    assertThat(behindProxies.resolve(PROXY, forwarded)).isEqualTo("198.51.100.1");
  }

  @Test
  void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
    assertThat(behindProxies.resolve(PROXY, "192.168.7.20, 10.1.3.4")).isEqualTo("192.168.7.20");
  }

  @Test
  void cidrRangesMatchOnlyTheirPrefix() {
    assertThat(behindProxies.resolve("10.1.255.255", "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(behindProxies.resolve("10.2.0.1", "198.51.100.1")).isEqualTo("10.2.0.1");
    assertThat(behindProxies.resolve("192.168.8.1", "198.51.100.1")).isEqualTo("192.168.8.1");
  }

  @Test
  void rangesWithOddPrefixesMatchBitByBit() {
    ClientAddress odd = ClientAddress.trusting("172.16.0.0/12");

    assertThat(odd.resolve("172.31.255.1", "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(odd.resolve("172.32.0.1", "198.51.100.1")).isEqualTo("172.32.0.1");
    assertThat(odd.resolve("172.15.255.255", "198.51.100.1")).isEqualTo("172.15.255.255");
  }

  @Test
  void ipv6ProxiesAndClientsWork() {
    assertThat(behindProxies.resolve("::1", "2001:db8::42")).isEqualTo("2001:db8:0:0:0:0:0:42");
    assertThat(behindProxies.resolve("fd00:abcd:1::9", "2001:db8::42, fd00:abcd::7"))
        .isEqualTo("2001:db8:0:0:0:0:0:42");
    assertThat(behindProxies.resolve("fd00:abce::9", "2001:db8::42"))
        .isEqualTo("fd00:abce:0:0:0:0:0:9");
  }

  @Test
  void anIpv6PeerInBracketsOrWithAZoneIsRead() {
    assertThat(behindProxies.resolve("[0:0:0:0:0:0:0:1]", "198.51.100.1"))
        .isEqualTo("198.51.100.1");
    assertThat(behindProxies.resolve("fe80::1%eth0", "198.51.100.1"))
        .isEqualTo("fe80:0:0:0:0:0:0:1");
  }

  @Test
  void oneClientIsOneKeyHoweverItsAddressIsSpelled() {
    assertThat(behindProxies.resolve(PROXY, "2001:DB8:0::42"))
        .isEqualTo(behindProxies.resolve(PROXY, "[2001:db8::42]:443"))
        .isEqualTo(behindProxies.resolve("2001:db8::42", null));
    assertThat(behindProxies.resolve(PROXY, "::ffff:198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @Test
  void forwardedEntriesWithPortsAreRead() {
    assertThat(behindProxies.resolve(PROXY, "198.51.100.1:53211")).isEqualTo("198.51.100.1");
  }

  @Test
  void anIpv4MappedPeerCountsAsItsIpv4Address() {
    assertThat(behindProxies.resolve("::ffff:10.0.0.5", "198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "198.51.100.1, unknown",
        "198.51.100.1,",
        "198.51.100.1, , 10.1.0.1",
        "198.51.100.256",
        "198.51.100",
        "010.1.1.1",
        "localhost",
        "example.com",
        "2001:db8::zz",
        "[2001:db8::1",
        "198.51.100.1:http",
        "<script>",
        "１.２.３.４"
      })
  void aMalformedEntryOnTheWayFallsBackToThePeer(String forwarded) {
    assertThat(behindProxies.resolve(PROXY, forwarded)).isEqualTo(PROXY);
  }

  @Test
  void aMalformedEntryLeftOfTheClientIsNeverReached() {
    assertThat(behindProxies.resolve(PROXY, "not-an-ip, 198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @Test
  void aPeerThatIsNotAnAddressComesBackAsGiven() {
    assertThat(behindProxies.resolve("unix-socket", "198.51.100.1")).isEqualTo("unix-socket");
  }

  @Test
  void refusesTrustedProxySettingsThatAreNotAddressesNamingEachOne() {
    assertThatThrownBy(
            () -> ClientAddress.trusting("10.0.0.1, proxy.internal, 10.0.0.0/33, 10.0.0.0/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxy.internal")
        .hasMessageContaining("10.0.0.0/33")
        .hasMessageContaining("10.0.0.0/\"");
  }

  @Test
  void refusesAnEmptyEntryInTheTrustedProxySetting() {
    assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.1,,10.0.0.2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsTheWholeAddressSpaceAsARange() {
    ClientAddress everyone = new ClientAddress(List.of("0.0.0.0/0", "::/0"));

    assertThat(everyone.resolve("203.0.113.9", "198.51.100.1, 2001:db8::1"))
        .isEqualTo("198.51.100.1");
  }
}
