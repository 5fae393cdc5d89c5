package dev.duka.adapters.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ClientAddress#of} reads what Jetty really reports: the peer and every header line. */
class ClientAddressIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static Javalin loopbackTrusted;
  private static Javalin nothingTrusted;

  @BeforeAll
  static void start() {
    loopbackTrusted = serve(ClientAddress.trusting("127.0.0.1, ::1"));
    nothingTrusted = serve(ClientAddress.trusting(""));
  }

  @AfterAll
  static void stop() {
    loopbackTrusted.stop();
    nothingTrusted.stop();
  }

  @Test
  void aDirectClientIsItsSocketAddress() throws Exception {
    assertThat(whoAmI(nothingTrusted, "198.51.100.1")).isEqualTo("127.0.0.1");
  }

  @Test
  void behindATrustedProxyTheForwardedAddressIsTheClient() throws Exception {
    assertThat(whoAmI(loopbackTrusted, "6.6.6.6, 198.51.100.1")).isEqualTo("198.51.100.1");
  }

  @Test
  void severalHeaderLinesAreReadAsOneListInOrder() throws Exception {
    assertThat(whoAmI(loopbackTrusted, "6.6.6.6", "198.51.100.1", "127.0.0.1"))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void withoutTheHeaderTheTrustedProxyIsTheClient() throws Exception {
    assertThat(whoAmI(loopbackTrusted)).isEqualTo("127.0.0.1");
  }

  private static Javalin serve(ClientAddress clientAddress) {
    return Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = "127.0.0.1";
              config.jetty.port = 0;
              config.routes.get("/who", ctx -> ctx.result(clientAddress.of(ctx)));
            })
        .start();
  }

  private static String whoAmI(Javalin server, String... forwardedFor)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/who"));
    for (String line : forwardedFor) {
      request.header("X-Forwarded-For", line);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
