package dev.duka.adapters.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * Reads JSON strings as Jackson does, but refuses one holding the NUL character ({@code \u0000}):
 * PostgreSQL cannot store it in text, so it would fail the request with a 500 after validation had
 * passed. Every string of every body is read by it.
 */
public class TextWithoutNul extends StdScalarDeserializer<String> {
  private static final long serialVersionUID = 1L;

  /** The message every refusal of a NUL character carries, in a body or a query. */
  public static final String MESSAGE = "must not contain the NUL character (\\u0000)";

  public TextWithoutNul() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String text = StringDeserializer.instance.deserialize(parser, context);
    if (holdsNul(text)) {
      throw new NulCharacterException(parser);
    }
    return text;
  }

  /** True when {@code text} holds the NUL character. */
  static boolean holdsNul(String text) {
    return text != null && text.indexOf('\0') >= 0;
  }

  /**
   * For an optional field the contract does not make nullable ({@code @JsonDeserialize(using =
   * TextWithoutNul.NeverNull.class)}): it may be left out, but an explicit {@code null} is refused
   * instead of being read as "left out". ({@code @JsonSetter(nulls = FAIL)} refuses a left-out
   * record component too.)
   */
  public static final class NeverNull extends TextWithoutNul {
    private static final long serialVersionUID = 1L;

    @Override
    public String getNullValue(DeserializationContext context) throws JsonMappingException {
      throw MismatchedInputException.from(
          context.getParser(), String.class, "must be a string, not null");
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return null;
    }
  }

  /** A string with a NUL character; Jackson adds the path of the field as it unwinds. */
  public static final class NulCharacterException extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    NulCharacterException(JsonParser parser) {
      super(parser, MESSAGE);
    }
  }
}
