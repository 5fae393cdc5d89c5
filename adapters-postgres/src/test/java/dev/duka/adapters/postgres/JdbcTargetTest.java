package dev.duka.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcTargetTest {

  @Test
  void readsThePostgresUrlsOfHostingPlatforms() {
    JdbcTarget target =
        JdbcTarget.parse("postgres://duka:p%40ss%3Aword@db.example.com:6543/shop?sslmode=require");

    assertThat(target.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.com:6543/shop?sslmode=require");
    assertThat(target.user()).isEqualTo("duka");
    assertThat(target.password()).isEqualTo("p@ss:word");
  }

  @Test
  void acceptsPostgresqlSchemeAndNoPort() {
    assertThat(JdbcTarget.parse("postgresql://u@localhost/duka").jdbcUrl())
        .isEqualTo("jdbc:postgresql://localhost/duka");
  }

  @Test
  void passesJdbcUrlsThrough() {
    JdbcTarget target = JdbcTarget.parse("jdbc:postgresql://localhost:5432/duka?user=x");
    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/duka?user=x");
    assertThat(target.user()).isEmpty();
  }

  @Test
  void swapsTheDatabase() {
    assertThat(
            JdbcTarget.parse("jdbc:postgresql://localhost:5432/postgres?user=postgres")
                .withDatabase("duka_test_1")
                .jdbcUrl())
        .isEqualTo("jdbc:postgresql://localhost:5432/duka_test_1?user=postgres");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "mysql://u:p@h/db", "postgres://", "postgres://host", "postgres://h/"})
  void refusesWhatIsNotAPostgresUrl(String url) {
    assertThatThrownBy(() -> JdbcTarget.parse(url)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void neverPrintsThePassword() {
    assertThat(JdbcTarget.parse("postgres://duka:secret@h/db").toString()).doesNotContain("secret");
  }
}
