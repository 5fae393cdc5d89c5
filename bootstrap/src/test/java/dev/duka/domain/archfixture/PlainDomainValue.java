package dev.duka.domain.archfixture;

import dev.duka.domain.money.Money;
import java.util.List;

/** Keeps every rule: plain Java and the domain only. */
public record PlainDomainValue(List<Money> amounts) {}
