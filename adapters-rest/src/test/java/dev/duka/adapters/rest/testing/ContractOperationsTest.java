package dev.duka.adapters.rest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.duka.adapters.rest.testing.ContractOperations.Operation;
import org.junit.jupiter.api.Test;

/** The operations read from docs/openapi.yaml are the ones tests generated from it rely on. */
class ContractOperationsTest {
  private static Operation find(String key) {
    return ContractOperations.all().stream()
        .filter(operation -> operation.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in the contract"));
  }

  @Test
  void readsWhoMayCallEachOperation() {
    assertThat(find("GET /health").anonymous()).isTrue();
    assertThat(find("POST /api/v1/orders/cart/summary").anonymous()).isTrue();
    assertThat(find("POST /api/v1/orders").anonymous()).isFalse();
  }

  @Test
  void resolvesTheJsonBodySchemaWithItsRequiredFields() {
    var body = find("POST /api/v1/orders").jsonBody().orElseThrow();

    assertThat(body.getRequired()).containsExactlyInAnyOrder("items", "shipping_address");
    assertThat(body.getProperties().get("shipping_address").getProperties()).containsKey("line1");
    assertThat(find("GET /api/v1/orders").jsonBody()).isEmpty();
  }

  @Test
  void listsTheDocumentedStatusesAndThePathsMethods() {
    assertThat(find("GET /api/v1/orders/{id}").statuses()).contains("200", "401", "404");
    assertThat(ContractOperations.methodsOf("/api/v1/orders/{id}")).containsExactly("GET", "PATCH");
  }
}
