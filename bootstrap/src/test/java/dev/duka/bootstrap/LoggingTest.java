package dev.duka.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LoggingTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @AfterEach
  void backToTheTestsConfiguration() throws Exception {
    MDC.clear();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  @Test
  void writesOneJsonObjectPerLineWithTheRequestFields() throws Exception {
    String out =
        stdoutOf(
            () -> {
              Logging.configure(false);
              MDC.put("request_id", "r-1");
              LoggerFactory.getLogger("dev.duka.sample").info("order placed");
              LoggerFactory.getLogger("dev.duka.sample").debug("not at INFO");
            });

    assertThat(out.lines()).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(out);
    assertThat(line.path("message").asText()).isEqualTo("order placed");
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("request_id").asText()).isEqualTo("r-1");
    assertThat(line.path("logger_name").asText()).isEqualTo("dev.duka.sample");
    assertThat(line.has("time")).isTrue();
    assertThat(line.has("@timestamp")).isFalse();
    assertThat(line.has("@version")).isFalse();
    assertThat(line.has("level_value")).isFalse();
  }

  @Test
  void jsonKeepsTheLibrariesToWarnings() {
    Logging.configure(false);

    assertThat(context.getLogger("org.eclipse.jetty").isInfoEnabled()).isFalse();
    assertThat(context.getLogger("com.zaxxer.hikari").isInfoEnabled()).isFalse();
    assertThat(context.getLogger("org.flywaydb").isInfoEnabled()).isFalse();
    assertThat(context.getLogger("dev.duka.sample").isInfoEnabled()).isTrue();
    assertThat(context.getLogger("dev.duka.sample").isDebugEnabled()).isFalse();
  }

  @Test
  void debugWritesReadableLinesWithDukaAtDebug() {
    String out =
        stdoutOf(
            () -> {
              Logging.configure(true);
              MDC.put("request_id", "r-2");
              LoggerFactory.getLogger("dev.duka.sample").debug("cart priced");
            });

    assertThat(out.strip())
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG \\[r-2\\] dev.duka.sample - cart priced");
  }

  @Test
  void leavesTheStartToATestsOwnLogbackXml() {
    Logging logging = new Logging();
    logging.setContext(context);

    assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
  }

  private static String stdoutOf(Runnable logging) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      logging.run();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
