package dev.duka.adapters.rest.security;

import io.javalin.http.Context;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The address of the client behind a request, for rate limits and logs. The socket's peer is the
 * client unless it is one of our trusted proxies; only then is {@code X-Forwarded-For} read, from
 * the right, because each proxy appends the address it saw: the right-most entries come from
 * proxies we trust, everything to the left of the first untrusted entry may be forged by the
 * client. A malformed entry on that walk means the header cannot be trusted, and the socket's peer
 * is used.
 *
 * <p>Addresses are read as literals only, never resolved through DNS, and come back in one
 * canonical text form ({@code 2001:db8:0:0:0:0:0:1}, IPv4-mapped IPv6 as plain IPv4), so one client
 * is one rate-limit key however a proxy spells its address.
 */
public final class ClientAddress {
  private static final String FORWARDED_FOR = "X-Forwarded-For";

  private final List<Network> trustedProxies;

  /**
   * @param trustedProxies exact addresses ({@code 10.0.0.7}, {@code ::1}) and CIDR ranges ({@code
   *     10.0.0.0/8}, {@code fd00::/8})
   * @throws IllegalArgumentException naming every entry that is neither
   */
  public ClientAddress(List<String> trustedProxies) {
    List<Network> networks = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (String entry : trustedProxies) {
      Optional<Network> network = Network.parse(entry);
      if (network.isPresent()) {
        networks.add(network.get());
      } else {
        invalid.add("\"" + entry + "\"");
      }
    }
    if (!invalid.isEmpty()) {
      throw new IllegalArgumentException(
          "TRUSTED_PROXIES entries are not IP addresses or CIDR ranges: "
              + String.join(", ", invalid));
    }
    this.trustedProxies = List.copyOf(networks);
  }

  /**
   * Reads the comma-separated {@code TRUSTED_PROXIES} setting; blank trusts no proxy.
   *
   * @throws IllegalArgumentException naming every entry that is not an address or range
   */
  public static ClientAddress trusting(String setting) {
    if (setting == null || setting.isBlank()) {
      return new ClientAddress(List.of());
    }
    List<String> entries = new ArrayList<>();
    for (String entry : setting.split(",", -1)) {
      entries.add(entry.trim());
    }
    return new ClientAddress(entries);
  }

  /** The client address of a Javalin request: its socket peer and every X-Forwarded-For line. */
  public String of(Context ctx) {
    List<String> lines = Collections.list(ctx.req().getHeaders(FORWARDED_FOR));
    return resolve(ctx.req().getRemoteAddr(), lines.isEmpty() ? null : String.join(",", lines));
  }

  /**
   * The client address, given the socket's peer and the {@code X-Forwarded-For} value ({@code null}
   * when absent; several header lines joined with commas, in order).
   *
   * @return the peer when it is not a trusted proxy; else the right-most X-Forwarded-For entry that
   *     is not a trusted proxy (or the left-most, if all are); the peer when the header is absent
   *     or an entry on the way is malformed. A peer that is not an IP literal comes back as given.
   */
  public String resolve(String socketAddress, String forwardedFor) {
    Objects.requireNonNull(socketAddress, "socketAddress");
    Optional<InetAddress> peer = literal(socketAddress);
    if (peer.isEmpty()) {
      return socketAddress.trim();
    }
    if (!isTrusted(peer.get()) || forwardedFor == null || forwardedFor.isBlank()) {
      return peer.get().getHostAddress();
    }
    String[] hops = forwardedFor.split(",", -1);
    InetAddress client = peer.get();
    for (int i = hops.length - 1; i >= 0; i--) {
      Optional<InetAddress> hop = literal(hops[i]);
      if (hop.isEmpty()) {
        return peer.get().getHostAddress();
      }
      client = hop.get();
      if (!isTrusted(client)) {
        break;
      }
    }
    return client.getHostAddress();
  }

  private boolean isTrusted(InetAddress address) {
    for (Network network : trustedProxies) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An IP literal, as a proxy or server may write it: {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code
   * 2001:db8::1}, {@code [2001:db8::1]}, {@code [2001:db8::1]:443}, with an optional IPv6 zone.
   * Empty for anything else, including host names, which are never looked up.
   */
  static Optional<InetAddress> literal(String text) {
    String candidate = text.trim();
    if (candidate.startsWith("[")) {
      int close = candidate.indexOf(']');
      if (close < 0 || !isPortSuffix(candidate.substring(close + 1))) {
        return Optional.empty();
      }
      return ipv6(candidate.substring(1, close));
    }
    int colon = candidate.indexOf(':');
    if (colon < 0) {
      return ipv4(candidate);
    }
    if (colon == candidate.lastIndexOf(':') && candidate.indexOf('.') >= 0) {
      return isPortSuffix(candidate.substring(colon))
          ? ipv4(candidate.substring(0, colon))
          : none();
    }
    return ipv6(candidate);
  }

  private static boolean isPortSuffix(String text) {
    if (text.isEmpty()) {
      return true;
    }
    if (text.charAt(0) != ':' || text.length() < 2 || text.length() > 6) {
      return false;
    }
    return text.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Strict dotted quad: four decimal parts 0–255, no leading zeros (which some read as octal). */
  private static Optional<InetAddress> ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return none();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty()
          || part.length() > 3
          || (part.length() > 1 && part.charAt(0) == '0')
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return none();
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return none();
      }
      bytes[i] = (byte) value;
    }
    return byAddress(bytes);
  }

  private static Optional<InetAddress> ipv6(String text) {
    int zone = text.indexOf('%');
    String address = zone < 0 ? text : text.substring(0, zone);
    // With a colon and nothing but hex digits, colons and dots, starting with a hex digit or a
    // colon, the JDK parses the text as an IPv6 literal or refuses it: it never resolves it.
    if (address.length() < 2
        || address.length() > 45
        || address.indexOf(':') < 0
        || !(address.charAt(0) == ':' || isAsciiHex(address.charAt(0)))
        || !address.chars().allMatch(c -> c == ':' || c == '.' || isAsciiHex(c))) {
      return none();
    }
    try {
      // Drops any zone: the numeric address alone identifies the client.
      return byAddress(InetAddress.getByName(address).getAddress());
    } catch (UnknownHostException notALiteral) {
      return none();
    }
  }

  /** Not {@link Character#digit}, which also takes other scripts' digits. */
  private static boolean isAsciiHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static Optional<InetAddress> byAddress(byte[] bytes) {
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException impossible) {
      return none();
    }
  }

  private static Optional<InetAddress> none() {
    return Optional.empty();
  }

  /** An address range: the first {@code prefix} bits of {@code address}. */
  private record Network(byte[] address, int prefix) {
    static Optional<Network> parse(String text) {
      String trimmed = text.trim();
      int slash = trimmed.indexOf('/');
      String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
      if (host.contains("[") || host.contains("%") || isWithPort(host)) {
        return Optional.empty();
      }
      Optional<InetAddress> address = literal(host);
      if (address.isEmpty()) {
        return Optional.empty();
      }
      int bits = address.get() instanceof Inet4Address ? 32 : 128;
      int prefix = bits;
      if (slash >= 0) {
        String digits = trimmed.substring(slash + 1);
        if (digits.isEmpty()
            || digits.length() > 3
            || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          return Optional.empty();
        }
        prefix = Integer.parseInt(digits);
        if (prefix > bits) {
          return Optional.empty();
        }
      }
      return Optional.of(new Network(address.get().getAddress(), prefix));
    }

    private static boolean isWithPort(String host) {
      int colon = host.indexOf(':');
      return colon >= 0 && colon == host.lastIndexOf(':') && host.indexOf('.') >= 0;
    }

    boolean contains(InetAddress candidate) {
      byte[] bytes = candidate.getAddress();
      if (bytes.length != address.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (bytes[i] != address[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (bytes[whole] & mask) == (address[whole] & mask);
    }
  }
}
