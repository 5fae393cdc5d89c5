package dev.duka.domain.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.InvalidValueException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private final PasswordPolicy policy = new PasswordPolicy(Set.of("Password1", "qwertyuiop"));
  private final Email email = Email.of("asha@example.com");

  @Test
  void acceptsALongEnoughUncommonPassword() {
    assertThatCode(() -> policy.check("kanga ya pwani", email, "password"))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesShortAndOverlongPasswords() {
    assertThatThrownBy(() -> policy.check("short", email, "password"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at least 8");
    assertThatThrownBy(() -> policy.check("x".repeat(129), email, "password"))
        .hasMessageContaining("at most 128");
  }

  @Test
  void countsCharactersNotBytes() {
    assertThatCode(() -> policy.check("ñandú🙂ab", email, "password")).doesNotThrowAnyException();
  }

  @Test
  void refusesTheEmailAndItsNamePart() {
    assertThatThrownBy(() -> policy.check("ASHA@example.com", email, "password"))
        .hasMessageContaining("email");
    assertThatThrownBy(() -> policy.check("asha", email, "new_password"))
        .hasMessageStartingWith("new_password:");
  }

  @Test
  void refusesCommonPasswordsWhateverTheCase() {
    assertThatThrownBy(() -> policy.check("password1", email, "password"))
        .hasMessageContaining("most common");
  }
}
