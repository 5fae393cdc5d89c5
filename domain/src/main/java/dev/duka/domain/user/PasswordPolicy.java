package dev.duka.domain.user;

import dev.duka.domain.error.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: 8–128 characters, not the account's email (nor its name part), and not
 * one of the passwords attackers try first. Follows NIST SP 800-63B: length and a block list, no
 * composition rules.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private final Set<String> common;

  /**
   * @param commonPasswords the block list, compared without regard to case
   */
  public PasswordPolicy(Set<String> commonPasswords) {
    this.common =
        commonPasswords.stream()
            .map(p -> p.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Checks a new password for the account with {@code email}.
   *
   * @throws InvalidValueException on field {@code field}, naming every rule it breaks
   */
  public void check(String password, Email email, String field) {
    List<String> reasons = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      throw new InvalidValueException(field, "is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      reasons.add("must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      reasons.add("must be at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String localPart = email.value().substring(0, email.value().indexOf('@'));
    if (lower.equals(email.value()) || lower.equals(localPart)) {
      reasons.add("must not be your email address");
    }
    if (common.contains(lower)) {
      reasons.add("is one of the most common passwords; choose another");
    }
    if (!reasons.isEmpty()) {
      throw new InvalidValueException(field, String.join("; ", reasons));
    }
  }
}
