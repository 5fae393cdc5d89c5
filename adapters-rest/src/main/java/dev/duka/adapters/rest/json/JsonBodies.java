package dev.duka.adapters.rest.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.duka.domain.error.InvalidValueException;
import dev.duka.domain.error.Violation;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Reads request bodies: JSON only (else 415), within the size limit (else 413), every unknown field
 * named at once, then every jakarta.validation constraint checked at once. Anything wrong is a 400
 * listing each field.
 */
public final class JsonBodies {
  private final ObjectMapper mapper;

  /**
   * Built on first use or by {@link #prepare}: starting Hibernate Validator loads some 400 classes
   * (0.3-0.4 s), which a server need not wait for before it can answer.
   */
  private volatile Validator validator;

  public JsonBodies(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** Builds the validator now, if it is not built yet; the server calls it once it is ready. */
  public void prepare() {
    validator();
  }

  private Validator validator() {
    Validator built = validator;
    if (built == null) {
      synchronized (this) {
        built = validator;
        if (built == null) {
          built =
              Validation.byDefaultProvider()
                  .configure()
                  .messageInterpolator(new ParameterMessageInterpolator())
                  .buildValidatorFactory()
                  .getValidator();
          validator = built;
        }
      }
    }
    return built;
  }

  /**
   * The body of {@code ctx} as a {@code type}, validated.
   *
   * @throws HttpResponseException 415 when the body is not JSON, 413 when it is too large
   * @throws InvalidValueException listing unknown fields or broken constraints
   */
  public <T> T read(Context ctx, Class<T> type) {
    requireJson(ctx);
    String body = ctx.body();
    if (body.isBlank()) {
      throw new InvalidValueException("body", "a JSON body is required");
    }
    return parse(body, type);
  }

  /**
   * The body of a PATCH as a JSON object whose keys must all be in {@code allowed}; every other key
   * is named in one 400, and nothing is changed.
   */
  public ObjectNode readPatch(Context ctx, Set<String> allowed) {
    requireJson(ctx);
    String body = ctx.body();
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (JacksonException e) {
      throw new JsonFailure(e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidValueException("body", "must be a JSON object");
    }
    List<Violation> unknown = new ArrayList<>();
    tree.fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowed.contains(name)) {
                unknown.add(new Violation(name, "is not a field you can change here"));
              }
            });
    if (!unknown.isEmpty()) {
      throw new InvalidValueException(unknown);
    }
    return (ObjectNode) tree;
  }

  /** A part of a body as a {@code type}, validated; problems are named under {@code field}. */
  public <T> T convert(JsonNode node, Class<T> type, String field) {
    try {
      return parse(mapper.writeValueAsString(node), type);
    } catch (InvalidValueException invalid) {
      throw new InvalidValueException(
          invalid.violations().stream()
              .map(
                  v ->
                      new Violation(
                          v.field().equals("body") ? field : field + "." + v.field(), v.message()))
              .toList());
    } catch (JacksonException e) {
      throw new JsonFailure(e);
    }
  }

  /** A string member of a PATCH, or null when it is JSON null and {@code nullable}. */
  public static String string(ObjectNode patch, String field, boolean nullable) {
    JsonNode value = patch.get(field);
    if (value.isNull() && nullable) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidValueException(
          field, nullable ? "must be a string or null" : "must be a string");
    }
    return withoutNul(field, value.asText());
  }

  /**
   * {@code text}, which came in field (or query parameter) {@code field}.
   *
   * @throws InvalidValueException when it holds the NUL character, which PostgreSQL cannot store
   */
  public static String withoutNul(String field, String text) {
    if (TextWithoutNul.holdsNul(text)) {
      throw new InvalidValueException(field, TextWithoutNul.MESSAGE);
    }
    return text;
  }

  /** A boolean member of a PATCH. */
  public static boolean bool(ObjectNode patch, String field) {
    JsonNode value = patch.get(field);
    if (!value.isBoolean()) {
      throw new InvalidValueException(field, "must be true or false");
    }
    return value.asBoolean();
  }

  /** Parses and validates {@code json} as a {@code type}; for parts of multipart requests too. */
  public <T> T parse(String json, Class<T> type) {
    UnknownFields unknown = new UnknownFields();
    T value;
    try {
      value = mapper.readerFor(type).withHandler(unknown).readValue(json);
    } catch (JacksonException e) {
      throw new JsonFailure(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!unknown.fields.isEmpty()) {
      throw new InvalidValueException(
          unknown.fields.stream()
              .map(field -> new Violation(field, "is not a known field"))
              .toList());
    }
    if (value == null) {
      throw new InvalidValueException("body", "must be a JSON object");
    }
    validate(value);
    return value;
  }

  /**
   * Checks the jakarta.validation constraints of {@code value}.
   *
   * @throws InvalidValueException listing every broken constraint, sorted by field
   */
  public <T> void validate(T value) {
    List<Violation> violations = new ArrayList<>();
    for (ConstraintViolation<T> violation : validator().validate(value)) {
      violations.add(
          new Violation(snakeCase(violation.getPropertyPath().toString()), violation.getMessage()));
    }
    if (!violations.isEmpty()) {
      violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
      throw new InvalidValueException(violations);
    }
  }

  private static void requireJson(Context ctx) {
    String contentType = ctx.contentType();
    String mediaType =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new HttpResponseException(
          415,
          "send the body as application/json" + (contentType == null ? "" : ", not " + mediaType));
    }
  }

  /** {@code items[0].productId} → {@code items[0].product_id}, matching the wire names. */
  static String snakeCase(String path) {
    return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** Collects every unknown field instead of failing on the first. */
  private static final class UnknownFields extends DeserializationProblemHandler {
    private final List<String> fields = new ArrayList<>();

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext context,
        JsonParser parser,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      fields.add(dotted(parser.getParsingContext().pathAsPointer(), propertyName));
      parser.skipChildren();
      return true;
    }
  }

  /** {@code /items/0} and {@code foo} → {@code items[0].foo}. */
  public static String dotted(JsonPointer parent, String property) {
    StringBuilder path = new StringBuilder();
    for (JsonPointer p = parent; p != null && !p.matches(); p = p.tail()) {
      if (p.getMatchingIndex() >= 0) {
        path.append('[').append(p.getMatchingIndex()).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(p.getMatchingProperty());
      }
    }
    String last = path.toString();
    if (property.isEmpty() || last.endsWith(property)) {
      return last;
    }
    return last.isEmpty() ? property : last + "." + property;
  }

  /** A checked Jackson failure carried out of {@link #parse} unchanged in meaning. */
  public static final class JsonFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JsonFailure(JacksonException cause) {
      super(cause.getOriginalMessage(), cause);
    }

    public JacksonException json() {
      return (JacksonException) getCause();
    }
  }
}
