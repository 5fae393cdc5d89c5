package dev.duka.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;
import org.slf4j.LoggerFactory;

/**
 * JSON logs (one object per line, with request_id, user_id and the HTTP fields from the MDC) by
 * default; plain text when {@code DEBUG=true}.
 *
 * <p>Configured in code rather than in logback XML: reading the XML twice (once at start, once
 * after DEBUG was known) took about a third of a second of every start (docs/benchmarks.md,
 * "Tuning"). Logback finds this class through {@code META-INF/services} and uses it until {@link
 * #configure(boolean)} runs; a {@code logback-test.xml} on the class path (the tests') wins.
 */
public final class Logging extends ContextAwareBase implements Configurator {
  private static final Map<String, Level> JSON_LEVELS =
      Map.of(
          "io.zonky", Level.WARN,
          "org.eclipse.jetty", Level.WARN,
          "com.zaxxer.hikari", Level.WARN,
          "org.flywaydb", Level.WARN,
          "io.javalin", Level.WARN);
  private static final Map<String, Level> PLAIN_LEVELS =
      Map.of(
          "io.zonky", Level.WARN,
          "org.eclipse.jetty", Level.INFO,
          "com.zaxxer.hikari", Level.INFO,
          "dev.duka", Level.DEBUG);

  /** For logback's service loader. */
  public Logging() {}

  /** Until Duka has read DEBUG: warnings and errors as plain lines on stderr. */
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (Logging.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(
        context,
        console(
            context,
            "STDERR",
            "System.err",
            pattern(context, "%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n")),
        Level.WARN,
        Map.of());
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Replaces the logging configuration: JSON on stdout, or readable lines when {@code debug}. */
  static void configure(boolean debug) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.reset();
    if (debug) {
      apply(
          context,
          console(
              context,
              "PLAIN",
              "System.out",
              pattern(
                  context, "%d{HH:mm:ss.SSS} %-5level [%X{request_id:-}] %logger{30} - %msg%n")),
          Level.INFO,
          PLAIN_LEVELS);
    } else {
      apply(
          context, console(context, "JSON", "System.out", json(context)), Level.INFO, JSON_LEVELS);
    }
  }

  private static void apply(
      LoggerContext context,
      ConsoleAppender<ILoggingEvent> appender,
      Level rootLevel,
      Map<String, Level> levels) {
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(rootLevel);
    root.addAppender(appender);
    levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
  }

  private static ConsoleAppender<ILoggingEvent> console(
      LoggerContext context, String name, String target, Encoder<ILoggingEvent> encoder) {
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(name);
    appender.setTarget(target);
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }

  private static Encoder<ILoggingEvent> pattern(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    ShortenedThrowableConverter throwables = new ShortenedThrowableConverter();
    throwables.setMaxDepthPerThrowable(30);
    throwables.setRootCauseFirst(true);
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.getFieldNames().setTimestamp("time");
    encoder.getFieldNames().setVersion("[ignore]");
    encoder.getFieldNames().setLevelValue("[ignore]");
    encoder.setThrowableConverter(throwables);
    encoder.start();
    return encoder;
  }
}
