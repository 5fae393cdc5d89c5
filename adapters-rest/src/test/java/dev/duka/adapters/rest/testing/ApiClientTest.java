package dev.duka.adapters.rest.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract check must fail when a server strays from docs/openapi.yaml. */
class ApiClientTest {
  private HttpServer stub;
  private volatile String healthBody;
  private volatile int healthStatus;

  @BeforeEach
  void start() throws IOException {
    stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext(
        "/",
        exchange -> {
          byte[] body = healthBody.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("X-Request-Id", "stub");
          exchange.sendResponseHeaders(healthStatus, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    stub.start();
  }

  @AfterEach
  void stop() {
    stub.stop(0);
  }

  private ApiClient client() {
    return ApiClient.at(stub.getAddress().getPort());
  }

  @Test
  void passesAResponseThatMatchesTheContract() {
    healthStatus = 200;
    healthBody = "{\"status\":\"up\",\"database\":{\"status\":\"up\",\"latency_ms\":1.5}}";

    assertThat(client().get("/health").status()).isEqualTo(200);
  }

  @Test
  void failsOnAValueOutsideTheSchema() {
    healthStatus = 200;
    healthBody = "{\"status\":\"sideways\",\"database\":{\"status\":\"up\",\"latency_ms\":1}}";

    assertThatThrownBy(() -> client().get("/health"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("does not match docs/openapi.yaml")
        .hasMessageContaining("sideways");
  }

  @Test
  void failsOnAFieldTheContractDoesNotHave() {
    healthStatus = 200;
    healthBody =
        "{\"status\":\"up\",\"database\":{\"status\":\"up\",\"latency_ms\":1},\"password_hash\":\"x\"}";

    assertThatThrownBy(() -> client().get("/health"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("additionalProperties");
  }

  @Test
  void failsOnAStatusTheContractDoesNotList() {
    healthStatus = 418;
    healthBody = "{}";

    assertThatThrownBy(() -> client().get("/health"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("418");
  }

  @Test
  void failsOnARouteTheContractDoesNotHave() {
    healthStatus = 200;
    healthBody = "{}";

    assertThatThrownBy(() -> client().get("/api/v1/secret-admin"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("validation.request.path.missing");
  }

  @Test
  void skipsTheCheckWhenAskedTo() {
    healthStatus = 418;
    healthBody = "{}";

    assertThat(client().unchecked().get("/health").status()).isEqualTo(418);
  }
}
