package dev.duka.adapters.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a PostgreSQL database is: a JDBC URL and optional credentials. Reads both the {@code
 * postgres://user:pass@host:port/db} form hosting platforms hand out and plain {@code
 * jdbc:postgresql://…} URLs.
 */
public record JdbcTarget(String jdbcUrl, String user, String password) {
  public JdbcTarget {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Reads a database URL.
   *
   * @throws IllegalArgumentException naming what is wrong with the URL (never its password)
   */
  public static JdbcTarget parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("DATABASE_URL is empty");
    }
    String trimmed = url.strip();
    if (trimmed.startsWith("jdbc:postgresql://")) {
      return new JdbcTarget(trimmed, "", "");
    }
    if (!(trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://"))) {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException invalid) {
      throw new IllegalArgumentException("DATABASE_URL is not a valid URL");
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException("DATABASE_URL needs a host and a database name");
    }
    String user = "";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    String jdbcUrl =
        "jdbc:postgresql://"
            + uri.getHost()
            + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + uri.getRawPath()
            + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
    return new JdbcTarget(jdbcUrl, user, password);
  }

  /** The same server and credentials, another database. */
  public JdbcTarget withDatabase(String database) {
    if (!database.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    String replaced = jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/?]+/)[^?]*", "$1" + database);
    if (replaced.equals(jdbcUrl)
        && !jdbcUrl.matches("^jdbc:postgresql://[^/?]+/" + database + "(\\?.*)?$")) {
      throw new IllegalArgumentException("the URL names no database to replace");
    }
    return new JdbcTarget(replaced, user, password);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "JdbcTarget["
        + jdbcUrl.replaceAll("password=[^&]*", "password=***")
        + ", user="
        + user
        + "]";
  }
}
