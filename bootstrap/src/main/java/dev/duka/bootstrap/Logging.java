package dev.duka.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/** JSON logs (one object per line) by default; plain text when {@code DEBUG=true}. */
final class Logging {
  private Logging() {}

  static void configure(boolean debug) {
    String resource = debug ? "/logback-plain.xml" : "/logback-json.xml";
    URL config = Logging.class.getResource(resource);
    if (config == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging from " + resource, e);
    }
  }
}
