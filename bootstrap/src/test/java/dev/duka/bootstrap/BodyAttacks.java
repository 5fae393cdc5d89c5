package dev.duka.bootstrap;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Bad bodies made from a valid one and its schema in the contract: each required field missing, an
 * unknown field, {@code null} where the schema does not allow it, values of the wrong JSON type,
 * strings and numbers beyond their limits or patterns, and bodies that are not the JSON asked for
 * at all (truncated, duplicate keys, 10,000 levels deep, 10 MB, another media type). Every one must
 * be refused with the status it names, and change nothing.
 */
final class BodyAttacks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int DEPTH = 10_000;

  /** One bad request body and the status it must get. */
  record Attack(String what, byte[] body, String contentType, int expected) {
    static Attack json(String what, String body, int expected) {
      return new Attack(what, body.getBytes(StandardCharsets.UTF_8), "application/json", expected);
    }

    static Attack json(String what, JsonNode body) {
      return json(what, write(body), 400);
    }
  }

  private final JsonNode valid;
  private final List<Attack> attacks = new ArrayList<>();

  private BodyAttacks(JsonNode valid) {
    this.valid = valid;
  }

  /**
   * Every attack on {@code validBody}, a body {@code schema} accepts.
   *
   * @param bodyRequired false when the operation also takes no body at all
   */
  static List<Attack> on(String validBody, Schema<?> schema, boolean bodyRequired) {
    JsonNode valid;
    try {
      valid = JSON.readTree(validBody);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + validBody, e);
    }
    BodyAttacks generator = new BodyAttacks(valid);
    generator.notTheJsonAskedFor(validBody, bodyRequired);
    generator.walk(JsonPointer.empty(), schema, valid);
    return List.copyOf(generator.attacks);
  }

  private void notTheJsonAskedFor(String validBody, boolean bodyRequired) {
    if (bodyRequired) {
      attacks.add(Attack.json("an empty body", "", 400));
    }
    for (String other : List.of("null", "[]", "\"text\"", "42", "true")) {
      attacks.add(Attack.json("the body " + other, other, 400));
    }
    attacks.add(
        Attack.json("a truncated body", validBody.substring(0, validBody.length() - 1), 400));
    attacks.add(Attack.json("trailing tokens", validBody + " {}", 400));
    Iterator<Map.Entry<String, JsonNode>> fields = valid.fields();
    if (fields.hasNext()) {
      Map.Entry<String, JsonNode> first = fields.next();
      attacks.add(
          Attack.json(
              "a duplicate key " + first.getKey(),
              "{\""
                  + first.getKey()
                  + "\":"
                  + write(first.getValue())
                  + ","
                  + validBody.substring(1),
              400));
    }
    attacks.add(Attack.json(DEPTH + " nested arrays", "[".repeat(DEPTH) + "]".repeat(DEPTH), 400));
    attacks.add(
        Attack.json(
            DEPTH + " nested arrays in a field",
            "{\"deep\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "," + validBody.substring(1),
            400));
    attacks.add(
        Attack.json(
            DEPTH + " nested objects", "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH), 400));
    attacks.add(
        Attack.json(
            "a 10 MB body",
            "{\"padding\":\"" + "a".repeat(10 * 1024 * 1024) + "\"," + validBody.substring(1),
            413));
    byte[] broken =
        validBody.replaceFirst("\"([^\"]*)\"", "\"\u0001$1\"").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < broken.length; i++) {
      if (broken[i] == 1) {
        broken[i] = (byte) 0xC3; // a UTF-8 lead byte followed by a quote: invalid UTF-8
      }
    }
    attacks.add(new Attack("invalid UTF-8", broken, "application/json", 400));
    byte[] bytes = validBody.getBytes(StandardCharsets.UTF_8);
    attacks.add(new Attack("the body as text/plain", bytes, "text/plain", 415));
    attacks.add(new Attack("the body as a form", bytes, "application/x-www-form-urlencoded", 415));
    attacks.add(new Attack("no Content-Type", bytes, null, 415));
  }

  private void walk(JsonPointer at, Schema<?> schema, JsonNode value) {
    if (schema == null || value == null) {
      return;
    }
    if (value.isObject() && schema.getProperties() != null) {
      if (Boolean.FALSE.equals(schema.getAdditionalProperties())) {
        attacks.add(
            Attack.json(
                "an unknown field in " + name(at), with(at, "unknown_field", NODES.numberNode(1))));
      }
      if (schema.getRequired() != null) {
        for (String required : schema.getRequired()) {
          if (value.has(required)) {
            attacks.add(
                Attack.json("no " + name(at.appendProperty(required)), without(at, required)));
          }
        }
      }
      for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
        String field = property.getKey();
        if (value.has(field)) {
          badValues(at, field, property.getValue());
          walk(at.appendProperty(field), property.getValue(), value.get(field));
        }
      }
    } else if (value.isArray() && value.size() > 0) {
      if (schema.getMinItems() != null && schema.getMinItems() > 0) {
        attacks.add(Attack.json(name(at) + " empty", replaced(at, NODES.arrayNode())));
      }
      if (schema.getMaxItems() != null) {
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i <= schema.getMaxItems(); i++) {
          many.add(value.get(0).deepCopy());
        }
        attacks.add(Attack.json(name(at) + " with " + many.size() + " items", replaced(at, many)));
      }
      walk(at.appendIndex(0), schema.getItems(), value.get(0));
    }
  }

  /** Values of {@code field} (under {@code at}) that its schema refuses. */
  private void badValues(JsonPointer at, String field, Schema<?> schema) {
    String where = name(at.appendProperty(field));
    List<JsonNode> bad = new ArrayList<>();
    if (!Boolean.TRUE.equals(schema.getNullable())) {
      bad.add(NODES.nullNode());
    }
    String type = schema.getType() == null ? "object" : schema.getType();
    switch (type) {
      case "string" -> {
        bad.add(NODES.numberNode(123));
        bad.add(NODES.objectNode());
        if (schema.getMaxLength() != null) {
          bad.add(NODES.textNode("a".repeat(schema.getMaxLength() + 1)));
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
          bad.add(NODES.textNode(""));
        }
        if (schema.getPattern() != null
            || schema.getEnum() != null
            || "uuid".equals(schema.getFormat())) {
          bad.add(NODES.textNode("' OR 1=1; --"));
        }
        bad.add(NODES.textNode("a\u0000b"));
        bad.add(NODES.textNode("a".repeat(200_000)));
      }
      case "integer" -> {
        bad.add(NODES.textNode("1"));
        bad.add(NODES.textNode("1e9"));
        bad.add(NODES.numberNode(new BigDecimal("1.5")));
        bad.add(NODES.numberNode(new BigDecimal("1e9")));
        bad.add(NODES.booleanNode(true));
        bad.add(NODES.numberNode(new BigDecimal("9223372036854775808")));
        bad.add(NODES.numberNode(new BigDecimal("9".repeat(1000))));
        if (schema.getMinimum() != null) {
          bad.add(NODES.numberNode(schema.getMinimum().subtract(BigDecimal.ONE)));
          if (schema.getMinimum().signum() >= 0) {
            bad.add(NODES.numberNode(-1));
          }
        }
        if (schema.getMaximum() != null) {
          bad.add(NODES.numberNode(schema.getMaximum().add(BigDecimal.ONE)));
          bad.add(NODES.numberNode(2147483648L));
        }
      }
      case "boolean" -> {
        bad.add(NODES.textNode("true"));
        bad.add(NODES.numberNode(1));
      }
      case "array" -> {
        bad.add(NODES.objectNode());
        bad.add(NODES.textNode("x"));
      }
      default -> {
        bad.add(NODES.textNode("x"));
        bad.add(NODES.arrayNode());
      }
    }
    for (JsonNode value : bad) {
      String shown =
          value.isTextual() && value.asText().length() > 20
              ? "a string of " + value.asText().length() + " characters"
              : abbreviated(write(value));
      attacks.add(Attack.json(where + " = " + shown, with(at, field, value)));
    }
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  private JsonNode with(JsonPointer at, String field, JsonNode value) {
    JsonNode copy = valid.deepCopy();
    ((ObjectNode) copy.at(at)).set(field, value);
    return copy;
  }

  private JsonNode without(JsonPointer at, String field) {
    JsonNode copy = valid.deepCopy();
    ((ObjectNode) copy.at(at)).remove(field);
    return copy;
  }

  private JsonNode replaced(JsonPointer at, JsonNode value) {
    if (at.matches()) {
      return value;
    }
    JsonNode copy = valid.deepCopy();
    JsonNode parent = copy.at(at.head());
    String last = at.last().getMatchingProperty();
    if (parent.isArray()) {
      ((ArrayNode) parent).set(at.last().getMatchingIndex(), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
    return copy;
  }

  private static String name(JsonPointer at) {
    return at.matches() ? "the body" : at.toString().substring(1).replace('/', '.');
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
