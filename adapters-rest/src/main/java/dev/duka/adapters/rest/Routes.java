package dev.duka.adapters.rest;

/**
 * One feature's routes. {@link #declare()} runs inside the {@code /api/v1} path of Javalin's {@code
 * ApiBuilder}, so implementations call its static {@code get}, {@code post}, {@code path}…
 */
@FunctionalInterface
public interface Routes {
  void declare();
}
