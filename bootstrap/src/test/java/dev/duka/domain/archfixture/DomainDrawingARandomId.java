package dev.duka.domain.archfixture;

import java.util.UUID;

/** Breaks the ambient-randomness rule on purpose. */
public final class DomainDrawingARandomId {
  public UUID id() {
    return UUID.randomUUID();
  }
}
